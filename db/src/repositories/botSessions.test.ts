import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBotSession, writeBotSession } from './botSessions.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it('returns stored JSON exactly as written (nested snake_case keys are not renamed)', async () => {
  const value = {
    callback_query: { message: { message_id: 7, reply_markup: { inline_keyboard: [] } } },
    n: 1,
  };
  await writeBotSession(t.db, 'k1', value);
  expect(await readBotSession(t.db, 'k1')).toEqual(value);
});
