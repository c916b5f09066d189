import { createTestCore, type TestCore } from '@mechta/testing/core';
import { type FakeOpenAi, SAMPLE_DREAM_READING, startFakeOpenAi } from '@mechta/testing/fake-openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DREAM_READING_JSON_SCHEMA } from '../ai/openai.ts';

/* Readings through the real OpenAI client against the local fake, and the offline fallback. */

let t: TestCore;
let openai: FakeOpenAi;
let nextId = 19_500;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  t = await createTestCore({
    AI_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: openai.url,
    STARTING_TOKENS: '50',
    QUOTA_FREE_TEXT: '100',
  });
});
afterAll(async () => {
  await t.close();
  await openai.close();
});

async function dreamOf(language: 'ru' | 'en', text: string) {
  const id = nextId++;
  await t.core.users.registerFromTelegram({ id, first_name: `D${id}`, language_code: language });
  const dream = await t.core.dreams.create(id, { text, source: 'api' });
  return { user: id, dream: dream.id };
}

const readingRequests = () =>
  openai.requests.filter(
    (r) =>
      (r.json?.response_format as { json_schema?: { name?: string } })?.json_schema?.name === 'dream_reading',
  );

describe('AI readings', () => {
  it('asks the model with the readings JSON Schema and stores its reading, not offline', async () => {
    const { user, dream } = await dreamOf('en', 'I was flying over the city at night and felt free.');
    const { reading } = await t.core.readings.read(user, dream, 'jung');
    expect(reading).toMatchObject({ text: SAMPLE_DREAM_READING.text, offline: false });
    const request = readingRequests().at(-1);
    const format = request?.json?.response_format as { json_schema: { strict: boolean; schema: unknown } };
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema).toEqual(DREAM_READING_JSON_SCHEMA);
    const messages = (request?.json?.messages ?? []) as { role: string; content: string }[];
    const system = messages[0]?.content ?? '';
    expect(system).toMatch(/Jungian/);
    expect(system).toMatch(/English/);
  });

  it('malformed output falls back to the offline reader, labelled offline', async () => {
    const { user, dream } = await dreamOf('ru', 'Мне снилось море и старый дом, было страшно.');
    // The dream's own analysis runs in a queue that is not started here, so the next answer is the reading's.
    openai.enqueue('chat', { kind: 'chat', content: '{"text": 42}' });
    const before = readingRequests().length;
    const { reading } = await t.core.readings.read(user, dream, 'folk');
    expect(readingRequests().length).toBe(before + 1);
    expect(reading.offline).toBe(true);
    expect(reading.text).toContain('море');
    expect(reading.text).toMatch(/фольклор/);
  });
});
