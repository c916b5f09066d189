import { createBotHarness, type TestUser } from '@mechta/testing/botHarness';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  await t?.close();
});

let nextId = 12000;
const user = (over: Partial<TestUser> = {}): TestUser => ({ id: nextId++, first_name: 'Nika', ...over });

describe('/referrals', () => {
  it('shows the personal link, the bonuses and a Share button', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/start');
    const code = (await t.core.users.findUser(u.id))?.referralCode;
    const link = `https://t.me/mechta_test_bot?start=ref_${code}`;

    await h.sendText(u, '/referrals');
    const card = h.lastReply();
    expect(card?.text).toBe(
      [
        '<b>🤝 Invite friends</b>',
        'When a friend starts Mechta through your link, you get 10 tokens and they get 5 tokens as a welcome bonus.',
        '',
        `Your link: ${link}`,
        'Friends joined: <b>0</b>',
        'Earned: <b>0 tokens</b>',
      ].join('\n'),
    );
    expect(card?.payload.parse_mode).toBe('HTML');
    const share = card?.keyboard.flat()[0];
    expect(share?.text).toBe('📤 Share the link');
    const url = new URL(share && 'url' in share ? share.url : '');
    expect(url.origin + url.pathname).toBe('https://t.me/share/url');
    expect(url.searchParams.get('url')).toBe(link);
    expect(url.searchParams.get('text')).toContain('Join me!');
  });

  it('credits both sides when a friend starts through the link, and counts the friend', async () => {
    const h = createBotHarness(t.core);
    const inviter = user({ language_code: 'ru' });
    await h.sendText(inviter, '/start');
    const code = (await t.core.users.findUser(inviter.id))?.referralCode;

    const friend = user({ first_name: 'Friend', language_code: 'en' });
    await h.sendText(friend, `/start ref_${code}`);
    // The greeting, the main menu as a message of its own, then the time zone question.
    expect(h.replies().at(-3)?.text).toContain("You joined through a friend's invitation");
    expect((await t.core.wallet.getBalance(friend.id)).balance).toBe(20 + 5);
    expect((await t.core.wallet.getBalance(inviter.id)).balance).toBe(20 + 10);

    // Starting again through the link is not a new invitation.
    await h.sendText(friend, `/start ref_${code}`);
    expect((await t.core.wallet.getBalance(inviter.id)).balance).toBe(30);

    await h.sendText(inviter, '/referrals');
    expect(h.lastReply()?.text).toContain('Присоединились: <b>1</b>');
    expect(h.lastReply()?.text).toContain('Заработано: <b>10 токенов</b>');
    expect(h.lastReply()?.keyboard.flat()[0]?.text).toBe('📤 Поделиться ссылкой');

    await h.sendText(friend, '/balance');
    expect(h.lastReply()?.text).toMatch(/\+5 · Invitation bonus · /);
  });
});
