import { createTestCore, type TestCore } from '@mechta/testing/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.close());

const user = (id: number) => ({ id, first_name: `U${id}` });

describe('auth service', () => {
  it('signs many users in with one statement, each token good for its own user only', async () => {
    const ids = [43_001, 43_002, 43_003];
    for (const id of ids) await t.core.users.registerFromTelegram(user(id));
    const signed = await t.core.auth.signInMany(ids, 'bulk');
    expect([...signed.keys()].sort()).toEqual(ids);
    for (const id of ids) {
      const tokens = signed.get(id)!;
      expect(await t.core.auth.verify(tokens.access_token)).toEqual({
        userId: id,
        sessionId: tokens.session_id,
      });
      // The refresh token is a real one too.
      expect((await t.core.auth.refresh(tokens.refresh_token)).session_id).toBe(tokens.session_id);
    }
  });

  it('reads the session and its user in one statement and leaves the user cached for the request', async () => {
    await t.core.users.registerFromTelegram(user(43_010));
    const { access_token } = await t.core.auth.signIn(43_010, null);
    await t.core.auth.verify(access_token);
    // The user row changes behind the service's back: a cached copy is what getUser serves now.
    await sql`update users set first_name = 'Changed' where id = 43010`.execute(t.database.db);
    expect((await t.core.users.getUser(43_010))?.firstName).toBe('U43010');
  });

  it('refuses a revoked session at once, and a session that belongs to another user', async () => {
    await t.core.users.registerFromTelegram(user(43_020));
    await t.core.users.registerFromTelegram(user(43_021));
    const a = await t.core.auth.signIn(43_020, null);
    await t.core.auth.logout(a.session_id);
    await expect(t.core.auth.verify(a.access_token)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // A correctly signed token whose session is someone else's (as if the secret signed a mix-up).
    const b = await t.core.auth.signIn(43_021, null);
    await sql`update api_sessions set user_id = 43020 where id = ${b.session_id}`.execute(t.database.db);
    await expect(t.core.auth.verify(b.access_token)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('says an expired token is expired', async () => {
    await t.core.users.registerFromTelegram(user(43_030));
    const { access_token } = await t.core.auth.signIn(43_030, null);
    t.clock.advance(15 * 60 + 1);
    await expect(t.core.auth.verify(access_token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});
