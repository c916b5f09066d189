import type { Logger } from 'pino';
import type Replicate from 'replicate';
import type { Prediction, parseProgressFromLogs } from 'replicate';
import type { Config } from '../config.ts';
import { sniffImageMime } from '../platform/sniff.ts';
import { downloadBytes, sleep } from './media.ts';
import {
  AiProviderError,
  type ImageAi,
  type ImageInput,
  type ImageResult,
  type VideoAi,
  type VideoPoll,
} from './types.ts';

/** The SDK's parts we use, with the one client of the process. */
export interface ReplicateSdk {
  client: Replicate;
  parseProgressFromLogs: typeof parseProgressFromLogs;
}

/** Resolves the SDK and the client, loading them on the first call. */
export type ReplicateClient = () => Promise<ReplicateSdk>;

/** The SDK is imported on first use: a process without video jobs never pays for it. */
export function createReplicateClient(config: Config['ai']): ReplicateClient {
  let loading: Promise<ReplicateSdk> | undefined;
  return () => {
    loading ??= import('replicate').then(({ default: Replicate, parseProgressFromLogs }) => ({
      client: new Replicate({
        auth: config.replicateApiToken,
        ...(config.replicateBaseUrl ? { baseUrl: config.replicateBaseUrl.replace(/\/+$/, '') } : {}),
        useFileOutput: false,
      }),
      parseProgressFromLogs,
    }));
    return loading;
  };
}

/** `owner/name` runs a model's latest version; `owner/name:version` pins one. */
export function modelReference(identifier: string): { model: string } | { version: string } {
  const [model, version] = identifier.split(':');
  return version ? { version } : { model: model! };
}

function outputUrl(output: unknown): string | undefined {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return output.find((o): o is string => typeof o === 'string');
  return undefined;
}

const errorText = (error: unknown) =>
  typeof error === 'string' ? error : error ? JSON.stringify(error) : undefined;

/** Maps a Replicate prediction onto our job states; progress comes from the model's progress-bar logs. */
export function predictionToVideoPoll(
  prediction: Pick<Prediction, 'status' | 'output' | 'error' | 'logs'>,
  parseProgress: typeof parseProgressFromLogs,
): VideoPoll {
  switch (prediction.status) {
    case 'starting':
      return { status: 'pending', progress: 0 };
    case 'processing': {
      const parsed = parseProgress(prediction.logs ?? '');
      // 100 is kept for "completed": a finished progress bar can still be followed by encoding.
      return {
        status: 'processing',
        progress: parsed ? Math.min(99, Math.round(parsed.percentage * 100)) : 0,
      };
    }
    case 'succeeded': {
      const url = outputUrl(prediction.output);
      return url
        ? { status: 'completed', progress: 100, url }
        : { status: 'failed', progress: 100, error: 'The model finished without an output file' };
    }
    case 'canceled':
      return { status: 'failed', progress: 0, error: 'The generation was canceled' };
    default:
      return { status: 'failed', progress: 0, error: errorText(prediction.error) ?? 'The generation failed' };
  }
}

function providerError(action: string, err: unknown): AiProviderError {
  const status = (err as { response?: { status?: number } })?.response?.status;
  return new AiProviderError('replicate', `${action} failed: ${String(err)}`, { status, cause: err });
}

/** Video generation on Replicate: `start` creates a prediction, `poll` reads its state. */
export class ReplicateVideoAi implements VideoAi {
  readonly available = true;
  readonly provider = 'replicate' as const;

  constructor(private readonly options: { client: ReplicateClient; model: string; logger: Logger }) {}

  async start(input: { prompt: string }): Promise<{ id: string }> {
    try {
      const { client } = await this.options.client();
      const prediction = await client.predictions.create({
        ...modelReference(this.options.model),
        input: { prompt: input.prompt },
      });
      this.options.logger.info(
        { predictionId: prediction.id, model: this.options.model },
        'video generation started',
      );
      return { id: prediction.id };
    } catch (err) {
      throw providerError('Starting the video', err);
    }
  }

  async poll(id: string): Promise<VideoPoll> {
    try {
      const { client, parseProgressFromLogs } = await this.options.client();
      return predictionToVideoPoll(await client.predictions.get(id), parseProgressFromLogs);
    } catch (err) {
      throw providerError('Checking the video', err);
    }
  }
}

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Image generation on Replicate (REPLICATE_IMAGE_MODEL): create, poll until done, download the file. */
export class ReplicateImageAi implements ImageAi {
  constructor(
    private readonly options: {
      client: ReplicateClient;
      model: string;
      timeoutMs: number;
      pollIntervalMs: number;
    },
  ) {}

  async generate(input: ImageInput): Promise<ImageResult> {
    const { model, timeoutMs, pollIntervalMs } = this.options;
    const deadline = Date.now() + timeoutMs;
    let prediction: Prediction;
    let sdk: ReplicateSdk;
    try {
      sdk = await this.options.client();
      const { client } = sdk;
      prediction = await client.predictions.create({
        ...modelReference(model),
        input: { prompt: input.prompt },
      });
      while (['starting', 'processing'].includes(prediction.status)) {
        if (Date.now() > deadline) throw new Error(`still ${prediction.status} after ${timeoutMs} ms`);
        await sleep(pollIntervalMs);
        prediction = await client.predictions.get(prediction.id);
      }
    } catch (err) {
      throw providerError('Image generation', err);
    }
    const state = predictionToVideoPoll(prediction, sdk.parseProgressFromLogs);
    if (state.status !== 'completed' || !state.url) {
      throw new AiProviderError('replicate', `Image generation failed: ${state.error ?? prediction.status}`);
    }
    const data = await downloadBytes(state.url, { timeoutMs, maxBytes: MAX_IMAGE_BYTES });
    const mime = await sniffImageMime(data);
    if (!mime.startsWith('image/'))
      throw new AiProviderError('replicate', 'Image generation returned something that is not an image');
    return { data, mime, provider: 'replicate', offline: false };
  }
}
