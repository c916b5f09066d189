import {
  type Core,
  isAppError,
  isDependencyUnavailable,
  type Language,
  languageFromTelegram,
} from '@mechta/core';
import { type BotError, GrammyError } from 'grammy';
import type { BotContext } from '../context.ts';

/** The sender's language, usable before the i18n middleware has run (or when it never ran). */
export function languageOf(ctx: BotContext): Language {
  return ctx.user?.language ?? languageFromTelegram(ctx.from?.language_code);
}

/**
 * The one place an error becomes chat text: a domain `AppError` reads as its own `error-<CODE>`
 * message (VALIDATION_FAILED lists the fields' reasons), anything unexpected as a plain apology.
 */
export function errorMessage(core: Core, language: Language, error: unknown): string {
  const t = core.translator;
  if (isAppError(error) && t.has(language, `error-${error.code}`)) {
    const reason = Object.values(error.fields ?? {})
      .map((key) => t.t(language, key))
      .join('; ');
    return t.t(language, `error-${error.code}`, { ...error.args, reason });
  }
  // The database restarting is not the user's fault nor a bug: say it is temporary.
  if (isDependencyUnavailable(error)) return t.t(language, 'error-SERVICE_UNAVAILABLE');
  return t.t(language, 'error-generic');
}

// Editing a message into exactly what it already shows is refused by Telegram; the user saw no problem.
const isHarmless = (error: unknown) =>
  error instanceof GrammyError && error.description.includes('message is not modified');

/** Logs a failed update with its context and tells the user, in their language, what went wrong. */
export async function handleBotError(err: BotError<BotContext>): Promise<void> {
  const { ctx, error } = err;
  const logger = ctx.logger;
  const where = {
    updateId: ctx.update.update_id,
    updateType: Object.keys(ctx.update).find((k) => k !== 'update_id'),
    chatId: ctx.chatId,
    userId: ctx.from?.id,
  };
  if (isHarmless(error)) return;
  if (isAppError(error) && error.httpStatus < 500)
    logger.warn({ ...where, code: error.code }, 'bot request rejected');
  else if (isDependencyUnavailable(error))
    logger.warn({ ...where, err: error }, 'a dependency is unavailable');
  else logger.error({ ...where, err: error }, 'bot update failed');
  try {
    const text = errorMessage(ctx.core, languageOf(ctx), error);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chatId !== undefined) await ctx.api.sendMessage(ctx.chatId, text);
  } catch (sendError) {
    logger.error({ ...where, err: sendError }, 'could not tell the user about a failed update');
  }
}
