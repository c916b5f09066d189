import { FAKE_MP4, type FakeReplicate, startFakeReplicate } from '@mechta/testing/fake-replicate';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { createAi } from './index.ts';
import type { VideoAi, VideoPoll } from './types.ts';

const logger = pino({ level: 'silent' });
let fake: FakeReplicate;

function aiConfig(overrides: Partial<Config['ai']> = {}): Config['ai'] {
  return {
    provider: 'offline',
    textModel: 'gpt-4o-mini',
    imageModel: 'gpt-image-1',
    transcribeModel: 'whisper-1',
    timeoutMs: 5000,
    replicateApiToken: 'r8_test',
    replicateBaseUrl: fake.url,
    replicateVideoModel: 'minimax/video-01',
    ...overrides,
  };
}

/** Polls like the job worker does, collecting every state the user would be shown. */
async function pollUntilDone(video: VideoAi, id: string): Promise<VideoPoll[]> {
  const seen: VideoPoll[] = [];
  for (let i = 0; i < 20; i++) {
    const state = await video.poll(id);
    seen.push(state);
    if (state.status === 'completed' || state.status === 'failed') return seen;
  }
  throw new Error('the video never finished');
}

beforeAll(async () => {
  fake = await startFakeReplicate();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

describe('video generation on Replicate', () => {
  it('starts a prediction for the configured model with the video prompt', async () => {
    const { video } = createAi(aiConfig(), logger);
    expect(video.available).toBe(true);
    const { id } = await video.start({ prompt: 'POV gentle rise through the night sky' });

    expect(id).toBeTruthy();
    const [create] = fake.requests;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v1/models/minimax/video-01/predictions',
      json: { input: { prompt: 'POV gentle rise through the night sky' } },
    });
    expect(create?.headers.authorization).toBe('Bearer r8_test');
  });

  it('reports pending, rising progress, then the finished video URL', async () => {
    const { video } = createAi(aiConfig(), logger);
    const { id } = await video.start({ prompt: 'POV slow track through an empty corridor' });
    const states = await pollUntilDone(video, id);

    expect(states.map((s) => s.status)).toEqual(['processing', 'processing', 'processing', 'completed']);
    expect(states.map((s) => s.progress)).toEqual([0, 40, 80, 100]);
    const done = states.at(-1)!;
    expect(done.url).toMatch(/\.mp4$/);
    // The URL really serves the file, as the worker will download it.
    const response = await fetch(done.url!);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await response.arrayBuffer()).equals(FAKE_MP4)).toBe(true);
  });

  it('shows a freshly created prediction as pending', async () => {
    fake.scriptNext({ steps: [{ status: 'starting' }, { status: 'starting' }, { status: 'succeeded' }] });
    const { video } = createAi(aiConfig(), logger);
    const { id } = await video.start({ prompt: 'p' });
    expect(await video.poll(id)).toEqual({ status: 'pending', progress: 0 });
  });

  it('reports a failed generation with its reason', async () => {
    fake.scriptNext({
      steps: [
        { status: 'starting' },
        { status: 'processing', progress: 30 },
        { status: 'failed', error: 'NSFW content detected' },
      ],
    });
    const { video } = createAi(aiConfig(), logger);
    const { id } = await video.start({ prompt: 'p' });
    const states = await pollUntilDone(video, id);

    expect(states.map((s) => s.status)).toEqual(['processing', 'failed']);
    expect(states.at(-1)).toMatchObject({ status: 'failed', error: 'NSFW content detected' });
    expect(states.at(-1)?.url).toBeUndefined();
  });

  it('throws a provider error when the prediction cannot be created', async () => {
    fake.failNextCreate(422);
    const { video } = createAi(aiConfig(), logger);
    await expect(video.start({ prompt: 'p' })).rejects.toMatchObject({
      name: 'AiProviderError',
      provider: 'replicate',
      status: 422,
    });
  });

  it('uses the version endpoint for a pinned model version', async () => {
    const { video } = createAi(aiConfig({ replicateVideoModel: 'owner/video-model:abc123' }), logger);
    await video.start({ prompt: 'p' });
    expect(fake.requests[0]).toMatchObject({ path: '/v1/predictions', json: { version: 'abc123' } });
  });
});

describe('image generation on Replicate', () => {
  it('is used when REPLICATE_IMAGE_MODEL is set and returns the downloaded image', async () => {
    const { image } = createAi(aiConfig({ replicateImageModel: 'black-forest-labs/flux-schnell' }), logger, {
      imagePollIntervalMs: 1,
    });
    const result = await image.generate({
      prompt: 'a moonlit graveyard',
      category: 'gothic',
      emotions: [],
      seed: 's',
    });

    expect(result).toMatchObject({ provider: 'replicate', offline: false, mime: 'image/png' });
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/models/black-forest-labs/flux-schnell/predictions',
      json: { input: { prompt: 'a moonlit graveyard' } },
    });
  });

  it('falls back to offline art when the image prediction fails', async () => {
    fake.scriptNext({ steps: [{ status: 'starting' }, { status: 'failed', error: 'out of memory' }] });
    const { image } = createAi(aiConfig({ replicateImageModel: 'black-forest-labs/flux-schnell' }), logger, {
      imagePollIntervalMs: 1,
    });
    const result = await image.generate({ prompt: 'p', category: 'flight', emotions: [], seed: 's' });
    expect(result).toMatchObject({ provider: 'offline', offline: true, mime: 'image/png' });
  });
});
