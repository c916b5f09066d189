import { startTestServer, type TestServer } from '@mechta/testing/app';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ REFERRAL_BONUS_INVITER: '7', REFERRAL_BONUS_INVITEE: '3' }, { listen: false });
});
afterAll(() => s.close());

async function signIn(id: number) {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    payload: { init_data: signInitData({ id, first_name: `User${id}`, language_code: 'en' }, s.botToken) },
  });
  return { authorization: `Bearer ${res.json().result.access_token}` };
}

const referrals = (headers: Record<string, string>) =>
  s.app.inject({ method: 'GET', url: '/api/v1/referrals', headers });

describe('GET /api/v1/referrals', () => {
  it('counts who joined through the link and the tokens it earned', async () => {
    const headers = await signIn(52_001);
    const before = (await referrals(headers)).json().result;
    expect(before).toMatchObject({ joined: 0, earned: 0, bonus: { inviter: 7, invitee: 3 } });
    expect(before.code).toMatch(/^[A-Za-z0-9]+$/);

    const { user: invitee } = await s.core.users.registerFromTelegram(
      { id: 52_002, first_name: 'Friend' },
      `ref_${before.code}`,
    );
    expect(invitee.referredBy).toBe(52_001);

    const after = (await referrals(headers)).json().result;
    expect(after).toMatchObject({ code: before.code, joined: 1, earned: 7 });
    const wallet = (await s.app.inject({ method: 'GET', url: '/api/v1/wallet', headers })).json().result;
    expect(wallet.balance).toBe(s.core.config.limits.startingTokens + 7);
  });

  it('gives a t.me link once the bot’s username is known, null before', async () => {
    const headers = await signIn(52_010);
    const noBot = (await referrals(headers)).json().result;
    expect(noBot.link).toBeNull();

    s.core.setTelegramGateway({
      createInvoiceLink: async () => 'unused',
      refundStarPayment: async () => {},
      botUsername: () => 'mechta_test_bot',
    });
    try {
      const withBot = (await referrals(headers)).json().result;
      expect(withBot.link).toBe(`https://t.me/mechta_test_bot?start=ref_${withBot.code}`);
    } finally {
      s.core.setTelegramGateway(undefined);
    }
  });
});
