import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { AiUnavailableError, createAi, dreamAnalysisSchema } from './index.ts';

const logger = pino({ level: 'silent' });

describe('createAi without any AI keys', () => {
  const ai = createAi(loadConfig({}).ai, logger);

  it('analyses dreams offline, free of charge, and says so', async () => {
    const result = await ai.text.analyzeDream({
      text: 'I was running down endless school corridors and something was chasing me.',
      language: 'en',
    });
    expect(result).toMatchObject({
      provider: 'offline',
      fellBack: false,
      attempts: 0,
      costUsd: 0,
      usage: { promptTokens: 0, completionTokens: 0 },
    });
    expect(result.analysis.category).toBe('chase');
    expect(dreamAnalysisSchema.safeParse(result.analysis).success).toBe(true);
  });

  it('draws offline art, labelled offline', async () => {
    const image = await ai.image.generate({
      prompt: 'p',
      category: 'liminal',
      emotions: ['unease'],
      seed: 'x',
    });
    expect(image).toMatchObject({ provider: 'offline', offline: true, mime: 'image/png' });
  });

  it('has no video and no transcription, and says so with a typed error', async () => {
    expect(ai.video.available).toBe(false);
    expect(ai.transcribe.available).toBe(false);
    await expect(ai.video.start({ prompt: 'POV' })).rejects.toBeInstanceOf(AiUnavailableError);
    await expect(ai.video.start({ prompt: 'POV' })).rejects.toMatchObject({ capability: 'video' });
    await expect(
      ai.transcribe.transcribe({ audio: Buffer.from('x'), filename: 'voice.ogg' }),
    ).rejects.toMatchObject({ name: 'AiUnavailableError', capability: 'transcribe' });
  });
});

describe('createAi provider choice', () => {
  it('uses OpenAI only when the provider resolves to openai', () => {
    const auto = createAi(loadConfig({ OPENAI_API_KEY: 'sk-x' }).ai, logger);
    expect(auto.transcribe.available).toBe(true);
    const forcedOffline = createAi(loadConfig({ OPENAI_API_KEY: 'sk-x', AI_PROVIDER: 'offline' }).ai, logger);
    expect(forcedOffline.transcribe.available).toBe(false);
  });

  it('turns video on with a Replicate token', () => {
    const ai = createAi(loadConfig({ REPLICATE_API_TOKEN: 'r8_x' }).ai, logger);
    expect(ai.video.available).toBe(true);
    expect(ai.video.provider).toBe('replicate');
  });
});
