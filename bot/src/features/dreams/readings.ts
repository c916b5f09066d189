import { escapeHtml, isAppError, type ReadingView } from '@mechta/core';
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../context.ts';
import { errorMessage, languageOf } from '../../middleware/errorBoundary.ts';
import { requireUser } from '../../middleware/users.ts';
import { editQuietly } from './telegram.ts';

/*
 * 🔮 Readings: the lenses with their price (`rd:m:<dream>`), a lens pressed (`rd:l:<j|c|f>:<dream>`)
 * sends the reading as a new message with 👍/👎 (`rd:v:<f|n>:<reading>`; at most 43 bytes).
 */
const MENU = /^rd:m:([0-9a-f-]{36})$/;
const LENS = /^rd:l:(j|c|f):([0-9a-f-]{36})$/;
const VERDICT = /^rd:v:(f|n):([0-9a-f-]{36})$/;

const LENSES = { j: 'jung', c: 'cognitive', f: 'folk' } as const;
const LETTER = { jung: 'j', cognitive: 'c', folk: 'f' } as const;

function lensKeyboard(ctx: BotContext, dreamId: string, price: number, read: Set<string>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const lens of ['jung', 'cognitive', 'folk'] as const) {
    // A lens already read opens its stored reading, free: no price on it.
    const label = ctx.t(`bot-reading-lens-${lens}`);
    keyboard
      .text(
        read.has(lens)
          ? ctx.t('bot-reading-lens-read', { lens: label })
          : ctx.t('bot-reading-lens-priced', { lens: label, price }),
        `rd:l:${LETTER[lens]}:${dreamId}`,
      )
      .row();
  }
  return keyboard;
}

function verdictKeyboard(ctx: BotContext, reading: ReadingView): InlineKeyboard {
  const mark = (v: 'fits' | 'does_not_fit') => (reading.verdict === v ? '✅ ' : '');
  return new InlineKeyboard()
    .text(`${mark('fits')}${ctx.t('bot-reading-fits')}`, `rd:v:f:${reading.id}`)
    .text(`${mark('does_not_fit')}${ctx.t('bot-reading-does-not-fit')}`, `rd:v:n:${reading.id}`);
}

function readingText(ctx: BotContext, reading: ReadingView): string {
  const lines = [
    `🔮 <b>${escapeHtml(ctx.t(`bot-reading-lens-${reading.lens}`))}</b>`,
    '',
    escapeHtml(reading.text),
  ];
  if (reading.offline) lines.push('', `<i>${escapeHtml(ctx.t('bot-reading-offline'))}</i>`);
  return lines.join('\n');
}

/** The 🔮 button under a dream's analysis, the lens buttons and the 👍/👎 marks. */
export function readingsActions(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(MENU, async (ctx) => {
    const dreamId = (ctx.match as RegExpMatchArray)[1] as string;
    const readings = await ctx.core.readings.list(requireUser(ctx).id, dreamId);
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('bot-reading-choose'), {
      reply_markup: lensKeyboard(
        ctx,
        dreamId,
        ctx.core.readings.price(),
        new Set(readings.map((r) => r.lens)),
      ),
    });
  });

  composer.callbackQuery(LENS, async (ctx) => {
    const [, letter, dreamId] = ctx.match as RegExpMatchArray & [string, keyof typeof LENSES, string];
    const user = requireUser(ctx);
    await ctx.answerCallbackQuery();
    await ctx.replyWithChatAction('typing').catch(() => undefined);
    let reading: ReadingView;
    try {
      reading = (await ctx.core.readings.read(user.id, dreamId, LENSES[letter])).reading;
    } catch (error) {
      if (!isAppError(error) || error.code === 'NOT_FOUND') throw error;
      await ctx.reply(errorMessage(ctx.core, languageOf(ctx), error));
      return;
    }
    await ctx.reply(readingText(ctx, reading), {
      parse_mode: 'HTML',
      reply_markup: verdictKeyboard(ctx, reading),
    });
  });

  composer.callbackQuery(VERDICT, async (ctx) => {
    const [, v, readingId] = ctx.match as RegExpMatchArray & [string, 'f' | 'n', string];
    const reading = await ctx.core.readings.markReading(
      requireUser(ctx).id,
      readingId,
      v === 'f' ? 'fits' : 'does_not_fit',
    );
    await ctx.answerCallbackQuery({
      text: ctx.t(v === 'f' ? 'bot-reading-marked-fits' : 'bot-reading-marked-does-not-fit'),
    });
    await editQuietly(ctx.editMessageReplyMarkup({ reply_markup: verdictKeyboard(ctx, reading) }));
  });

  return composer;
}
