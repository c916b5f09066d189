import {
  type FakeOpenAi,
  SAMPLE_DREAM_ANALYSIS,
  startFakeOpenAi,
  TINY_PNG,
} from '@mechta/testing/fake-openai';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { createAi } from './index.ts';
import { OFFLINE_TEXT_MODEL } from './offline/analyser.ts';
import { DREAM_ANALYSIS_JSON_SCHEMA } from './openai.ts';
import { dreamAnalysisSchema } from './types.ts';

const logger = pino({ level: 'silent' });
const DREAM =
  'Мне снилось, что я летал над ночным городом, огни внизу мерцали, а я поднимался всё выше к облакам.';

let fake: FakeOpenAi;

function aiConfig(overrides: Partial<Config['ai']> = {}): Config['ai'] {
  return {
    provider: 'openai',
    openaiApiKey: 'sk-test',
    openaiBaseUrl: fake.url,
    textModel: 'gpt-4o-mini',
    imageModel: 'gpt-image-1',
    transcribeModel: 'whisper-1',
    // Short, so the "hang" behaviour turns into a timeout quickly; long enough that an answering
    // fake is never cut off on a loaded 2-core machine (400 ms was, now and then).
    timeoutMs: 1_500,
    replicateVideoModel: 'minimax/video-01',
    ...overrides,
  };
}

const makeAi = () => createAi(aiConfig(), logger, { maxTextAttempts: 2, retryDelayMs: 0 });

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

/** Every object in a JSON Schema, with its path, for the strict-mode rules below. */
function objectsOf(node: unknown, at = '$'): { at: string; schema: Record<string, unknown> }[] {
  if (!node || typeof node !== 'object') return [];
  const schema = node as Record<string, unknown>;
  const own = schema.type === 'object' ? [{ at, schema }] : [];
  const props = Object.entries((schema.properties ?? {}) as Record<string, unknown>);
  return [
    ...own,
    ...props.flatMap(([name, child]) => objectsOf(child, `${at}.${name}`)),
    ...objectsOf(schema.items, `${at}[]`),
  ];
}

describe('the structured-output schema sent to OpenAI', () => {
  it('is derived from the zod schema and keeps to strict mode', () => {
    // Same fields as the zod schema, in its order: a field added there reaches the model.
    expect(Object.keys(DREAM_ANALYSIS_JSON_SCHEMA.properties as object)).toEqual(
      Object.keys(dreamAnalysisSchema.shape),
    );
    for (const { at, schema } of objectsOf(DREAM_ANALYSIS_JSON_SCHEMA)) {
      expect(schema.additionalProperties, at).toBe(false);
      expect(schema.required, at).toEqual(Object.keys(schema.properties as object));
    }
    // Keywords strict mode refuses are left out; the answer is checked against zod's full rules.
    const text = JSON.stringify(DREAM_ANALYSIS_JSON_SCHEMA);
    for (const refused of ['minLength', 'maxLength', '$schema', 'default'])
      expect(text).not.toContain(refused);
    expect(DREAM_ANALYSIS_JSON_SCHEMA.properties).toMatchObject({
      themes: { type: 'array', maxItems: 12, items: { type: 'string' }, description: '2-5 themes' },
      category: {
        type: 'string',
        enum: ['gothic', 'chase', 'flight', 'transformation', 'physics', 'liminal', 'other'],
      },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
    });
  });
});

describe('dream analysis through an OpenAI-compatible API', () => {
  it('returns the model answer with usage, cost and timing', async () => {
    fake.enqueue('chat', {
      kind: 'chat',
      content: JSON.stringify(SAMPLE_DREAM_ANALYSIS),
      usage: { promptTokens: 1000, completionTokens: 500 },
    });
    const result = await makeAi().text.analyzeDream({ text: DREAM, language: 'ru' });

    expect(result.provider).toBe('openai');
    expect(result.fellBack).toBe(false);
    expect(result.attempts).toBe(1);
    expect(result.analysis).toMatchObject({ category: 'flight', title: SAMPLE_DREAM_ANALYSIS.title });
    expect(result.usage).toEqual({ promptTokens: 1000, completionTokens: 500 });
    // gpt-4o-mini list price: $0.15 / 1M input, $0.60 / 1M output.
    expect(result.costUsd).toBeCloseTo(0.00045, 8);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    const [request] = fake.requests;
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.json).toMatchObject({
      model: 'gpt-4o-mini',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'dream_analysis', strict: true, schema: DREAM_ANALYSIS_JSON_SCHEMA },
      },
    });
    const messages = request?.json?.messages as { role: string; content: string }[];
    expect(messages[0]?.content).toContain('POV continuous glide through [twisted/decaying space]');
    expect(messages[0]?.content).toContain('Russian');
    expect(messages[1]).toEqual({ role: 'user', content: DREAM });
  });

  it('retries a malformed answer, then falls back to the offline analyser', async () => {
    fake.enqueue('chat', {
      kind: 'chat',
      content: '{"title": "Flight',
      usage: { promptTokens: 100, completionTokens: 10 },
    });
    fake.enqueue('chat', {
      kind: 'chat',
      content: 'Sure! Here is your analysis.',
      usage: { promptTokens: 100, completionTokens: 10 },
    });
    const result = await makeAi().text.analyzeDream({ text: DREAM, language: 'ru' });

    expect(fake.requests).toHaveLength(2);
    expect(result).toMatchObject({
      provider: 'offline',
      model: OFFLINE_TEXT_MODEL,
      fellBack: true,
      attempts: 2,
    });
    expect(result.analysis.category).toBe('flight');
    expect(dreamAnalysisSchema.safeParse(result.analysis).success).toBe(true);
    // The tokens spent on the failed attempts are still reported.
    expect(result.usage).toEqual({ promptTokens: 200, completionTokens: 20 });
    expect(result.costUsd).toBeGreaterThan(0);
  });

  it('retries an answer that is JSON but not a valid analysis', async () => {
    fake.enqueue('chat', {
      kind: 'chat',
      content: JSON.stringify({ ...SAMPLE_DREAM_ANALYSIS, category: 'romance' }),
    });
    fake.enqueue('chat', { kind: 'chat', content: JSON.stringify(SAMPLE_DREAM_ANALYSIS) });
    const result = await makeAi().text.analyzeDream({ text: DREAM, language: 'ru' });

    expect(result).toMatchObject({ provider: 'openai', fellBack: false, attempts: 2 });
    expect(result.analysis.category).toBe('flight');
  });

  it('retries an HTTP 500, then falls back', async () => {
    fake.enqueue('chat', { kind: 'error', status: 500 }, { kind: 'error', status: 500 });
    const result = await makeAi().text.analyzeDream({
      text: 'I was running from a pack of wolves.',
      language: 'en',
    });

    expect(fake.requests).toHaveLength(2);
    expect(result).toMatchObject({ provider: 'offline', fellBack: true, attempts: 2 });
    expect(result.analysis.category).toBe('chase');
    expect(result.usage).toEqual({ promptTokens: 0, completionTokens: 0 });
    expect(result.costUsd).toBe(0);
  });

  it('gives up on a server that does not answer within the timeout, retries, then falls back', async () => {
    fake.enqueue('chat', { kind: 'hang' }, { kind: 'hang' });
    const result = await makeAi().text.analyzeDream({ text: DREAM, language: 'ru' });

    expect(fake.requests).toHaveLength(2);
    expect(result).toMatchObject({ provider: 'offline', fellBack: true, attempts: 2 });
    expect(result.analysis.video_prompt).toMatch(/^POV /);
  });

  it('switches to plain JSON mode when the server rejects json_schema', async () => {
    fake.enqueue('chat', {
      kind: 'error',
      status: 400,
      message: 'response_format json_schema is not supported',
    });
    const result = await makeAi().text.analyzeDream({ text: DREAM, language: 'ru' });
    expect(result).toMatchObject({ provider: 'openai', attempts: 2 });
    expect(fake.requests.map((r) => (r.json?.response_format as { type: string } | undefined)?.type)).toEqual(
      ['json_schema', 'json_object'],
    );
  });

  it('recovers when the retry succeeds', async () => {
    fake.enqueue('chat', { kind: 'error', status: 503 });
    const result = await makeAi().text.analyzeDream({ text: DREAM, language: 'ru' });
    expect(result).toMatchObject({ provider: 'openai', fellBack: false, attempts: 2 });
  });
});

describe('images through an OpenAI-compatible API', () => {
  it('returns the generated image', async () => {
    fake.enqueue('images', { kind: 'image', data: TINY_PNG });
    const result = await makeAi().image.generate({
      prompt: 'a night city',
      category: 'flight',
      emotions: ['freedom'],
      seed: 'd1',
    });
    expect(result).toMatchObject({ provider: 'openai', offline: false, mime: 'image/png' });
    expect(result.data.equals(TINY_PNG)).toBe(true);
    expect(fake.requests[0]?.json).toMatchObject({ model: 'gpt-image-1', prompt: 'a night city', n: 1 });
  });

  it('falls back to offline art, labelled as such, when the API fails', async () => {
    fake.enqueue('images', { kind: 'error', status: 500 }, { kind: 'error', status: 500 });
    const result = await makeAi().image.generate({
      prompt: 'x',
      category: 'gothic',
      emotions: [],
      seed: 'd2',
    });
    expect(result).toMatchObject({ provider: 'offline', offline: true, mime: 'image/png' });
    expect(result.data.length).toBeGreaterThan(1000);
  });
});

describe('voice transcription through an OpenAI-compatible API', () => {
  it('sends the audio as a file and returns the text', async () => {
    fake.enqueue('transcriptions', { kind: 'transcript', text: '  Я летал над морем.  ' });
    const ai = makeAi();
    expect(ai.transcribe.available).toBe(true);
    const text = await ai.transcribe.transcribe({
      audio: Buffer.from('OggS fake voice'),
      filename: 'voice.ogg',
      language: 'ru',
    });
    expect(text).toBe('Я летал над морем.');
    expect(fake.requests[0]?.form).toMatchObject({
      model: 'whisper-1',
      language: 'ru',
      file: { filename: 'voice.ogg', size: 15 },
    });
  });

  it('reports a failed transcription as a provider error', async () => {
    fake.enqueue('transcriptions', { kind: 'error', status: 400 });
    await expect(
      makeAi().transcribe.transcribe({ audio: Buffer.from('x'), filename: 'voice.ogg' }),
    ).rejects.toMatchObject({ name: 'AiProviderError', provider: 'openai', status: 400 });
  });
});
