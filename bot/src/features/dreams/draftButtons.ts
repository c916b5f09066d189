import { InlineKeyboard } from 'grammy';
import type { Translate } from './format.ts';

/** Buttons under "your dream is still waiting": they mean something to the dream conversation only. */
export const DRAFT_BUTTON = { resume: 'ddraft:resume', discard: 'ddraft:discard' } as const;
export const DRAFT_PREFIX = 'ddraft:';

export function draftWaitingKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('bot-draft-button-resume'), DRAFT_BUTTON.resume)
    .text(t('bot-draft-button-discard'), DRAFT_BUTTON.discard);
}
