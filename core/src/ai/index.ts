import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { analyzeDreamOffline, OFFLINE_TEXT_MODEL } from './offline/analyser.ts';
import { OfflineImageAi } from './offline/image.ts';
import { createOpenAiClient, OpenAiImageAi, OpenAiTextAi, OpenAiTranscribeAi } from './openai.ts';
import { createReplicateClient, ReplicateImageAi, ReplicateVideoAi } from './replicate.ts';
import {
  type Ai,
  type AiLanguage,
  AiUnavailableError,
  type AnalysisResult,
  type ImageAi,
  type ImageInput,
  type ImageResult,
  type TextAi,
  type TranscribeAi,
  type VideoAi,
  type VideoPoll,
} from './types.ts';

export { analyzeDreamOffline, OFFLINE_TEXT_MODEL, scoreDreamCategories } from './offline/analyser.ts';
export { OFFLINE_IMAGE_SIZE, renderDreamArt } from './offline/image.ts';
export { estimateCostUsd } from './openai.ts';
export {
  buildVideoPrompt,
  buildVisualPrompt,
  CATEGORY_TEMPLATES,
  countWords,
  VIDEO_PROMPT_MAX_WORDS,
  VIDEO_PROMPT_MIN_WORDS,
} from './templates.ts';
export * from './types.ts';

/** The offline analyser as a `TextAi`: free, instant, always there. */
export class OfflineTextAi implements TextAi {
  async analyzeDream(input: { text: string; language: AiLanguage }): Promise<AnalysisResult> {
    const started = performance.now();
    const analysis = analyzeDreamOffline(input.text, input.language);
    return {
      analysis,
      provider: 'offline',
      model: OFFLINE_TEXT_MODEL,
      usage: { promptTokens: 0, completionTokens: 0 },
      costUsd: 0,
      durationMs: Math.round(performance.now() - started),
      fellBack: false,
      attempts: 0,
    };
  }
}

/** Video cannot be made offline: callers check `available` and tell the user without charging. */
export class UnavailableVideoAi implements VideoAi {
  readonly available = false;
  readonly provider = 'offline' as const;
  async start(): Promise<{ id: string }> {
    throw new AiUnavailableError('video', 'Video generation needs REPLICATE_API_TOKEN');
  }
  async poll(): Promise<VideoPoll> {
    throw new AiUnavailableError('video', 'Video generation needs REPLICATE_API_TOKEN');
  }
}

export class UnavailableTranscribeAi implements TranscribeAi {
  readonly available = false;
  async transcribe(): Promise<string> {
    throw new AiUnavailableError('transcribe', 'Voice transcription needs an OpenAI-compatible API key');
  }
}

/** A remote image provider that never leaves the user without a picture: on failure, offline art. */
export class FallbackImageAi implements ImageAi {
  constructor(
    private readonly primary: ImageAi,
    private readonly fallback: ImageAi,
    private readonly logger: Logger,
  ) {}

  async generate(input: ImageInput): Promise<ImageResult> {
    try {
      return await this.primary.generate(input);
    } catch (err) {
      this.logger.warn({ err: String(err) }, 'image generation failed, using offline art');
      return this.fallback.generate(input);
    }
  }
}

/** What the AI providers can do, so adapters offer only that (no video button without a video provider). */
export interface AiCapabilities {
  video: boolean;
  voice: boolean;
  /** Pictures drawn by an AI model rather than the offline art. */
  image_ai: boolean;
}

export function aiCapabilities(ai: Ai): AiCapabilities {
  return {
    video: ai.video.available,
    voice: ai.transcribe.available,
    image_ai: !(ai.image instanceof OfflineImageAi),
  };
}

export interface CreateAiOptions {
  /** Remote analysis attempts before the offline analyser answers (default 2). */
  maxTextAttempts?: number;
  /** Base pause between remote attempts (default 500 ms). */
  retryDelayMs?: number;
  /** How often a Replicate image prediction is polled (default 1 s). */
  imagePollIntervalMs?: number;
}

/**
 * Builds the AI providers from config: OpenAI-compatible text, images and transcription when the
 * provider is `openai` (each falling back to offline where an offline version exists), Replicate for
 * video when a token is set and for images when REPLICATE_IMAGE_MODEL is also set.
 */
export function createAi(config: Config['ai'], logger: Logger, options: CreateAiOptions = {}): Ai {
  const log = logger.child({ module: 'ai' });
  const offlineImage = new OfflineImageAi();
  const openai = config.provider === 'openai' && config.openaiApiKey ? createOpenAiClient(config) : undefined;
  const replicate = config.replicateApiToken ? createReplicateClient(config) : undefined;

  const text: TextAi = openai
    ? new OpenAiTextAi({
        client: openai,
        model: config.textModel,
        timeoutMs: config.timeoutMs,
        logger: log,
        maxAttempts: options.maxTextAttempts,
        retryDelayMs: options.retryDelayMs,
      })
    : new OfflineTextAi();

  let image: ImageAi = offlineImage;
  if (replicate && config.replicateImageModel) {
    const primary = new ReplicateImageAi({
      client: replicate,
      model: config.replicateImageModel,
      timeoutMs: config.timeoutMs,
      pollIntervalMs: options.imagePollIntervalMs ?? 1000,
    });
    image = new FallbackImageAi(primary, offlineImage, log);
  } else if (openai) {
    const primary = new OpenAiImageAi({
      client: openai,
      model: config.imageModel,
      timeoutMs: config.timeoutMs,
    });
    image = new FallbackImageAi(primary, offlineImage, log);
  }

  const video: VideoAi = replicate
    ? new ReplicateVideoAi({ client: replicate, model: config.replicateVideoModel, logger: log })
    : new UnavailableVideoAi();

  const transcribe: TranscribeAi = openai
    ? new OpenAiTranscribeAi({ client: openai, model: config.transcribeModel, timeoutMs: config.timeoutMs })
    : new UnavailableTranscribeAi();

  log.info(
    {
      text: openai ? `openai:${config.textModel}` : 'offline',
      image:
        image === offlineImage ? 'offline' : replicate && config.replicateImageModel ? 'replicate' : 'openai',
      video: video.available ? `replicate:${config.replicateVideoModel}` : 'unavailable',
      transcribe: transcribe.available ? `openai:${config.transcribeModel}` : 'unavailable',
    },
    'AI providers ready',
  );
  return { text, image, video, transcribe };
}
