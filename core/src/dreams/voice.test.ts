import fs from 'node:fs/promises';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { opusVoiceNote } from '@mechta/testing/voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { tempDataDir } from './testing.ts';

let t: TestCore;
let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  t = await createTestCore({ DATA_DIR: dataDir, STARTING_TOKENS: '50' });
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const DREAM = 'I walked along a quiet beach at dawn and the waves sang my name softly.';

async function dreamOf(id: number) {
  await t.core.users.registerFromTelegram({ id, first_name: `Voice${id}`, language_code: 'en' });
  return t.core.dreams.create(id, { text: DREAM, source: 'bot' });
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

describe('a dream keeps its voice note', () => {
  it('refuses bytes that are not OGG audio (by their content, not their name) and stores nothing', async () => {
    const dream = await dreamOf(9_701);
    expect(await codeOf(t.core.dreams.attachVoice(9_701, dream.id, Buffer.from('not a voice note')))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect((await t.core.dreams.get(9_701, dream.id)).voice_url).toBeNull();
  });

  it("is kept once, signed for its owner, and nobody else's dream can take one", async () => {
    const dream = await dreamOf(9_702);
    const kept = await t.core.dreams.attachVoice(9_702, dream.id, opusVoiceNote());
    expect(kept.voice_url).toMatch(/^\/media\/[0-9a-f-]{36}\?/);
    const served = await t.core.dreams.media(9_702, kept.voice_url!.slice(7, 43));
    expect(served.mime).toBe('audio/ogg');
    // A second note does not replace the first.
    const again = await t.core.dreams.attachVoice(9_702, dream.id, opusVoiceNote());
    expect(again.voice_url).toBe(kept.voice_url);
    await t.core.users.registerFromTelegram({ id: 9_703, first_name: 'Other', language_code: 'en' });
    expect(await codeOf(t.core.dreams.attachVoice(9_703, dream.id, opusVoiceNote()))).toBe('NOT_FOUND');
  });
});
