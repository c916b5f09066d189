import { createConversation } from '@grammyjs/conversations';
import { Composer, type Context } from 'grammy';
import type { BotContext, Feature } from '../../context.ts';
import type { MainMenuAction } from '../start/menu.ts';
import { analysisWaitActions } from './analysisWait.ts';
import { dreamCardActions, openDeepLinkedDream } from './card.ts';
import { DREAM_LOG, logDream, startDreamLog } from './conversation.ts';
import { DREAM_EDIT, editDream } from './edit.ts';
import { createFeedMenu, createJournalMenu, openJournalItems, showFeed, showJournal } from './menus.ts';
import { readingsActions } from './readings.ts';

export { createDreamsNotifier } from './notifier.ts';

// A dream half-told and left this long is not picked up again: the next text is not read as it.
const DRAFT_TIMEOUT_MS = 3 * 60 * 60 * 1000;

export interface DreamsFeature extends Feature {
  /** The main menu's "Log a dream", "Journal" and "Feed". */
  mainMenuActions: { dream: MainMenuAction; journal: MainMenuAction; feed: MainMenuAction };
}

/** /dream (text or voice), /dreams (journal and search), /feed, the dream card's buttons, `/start dream_<id>`. */
export function dreamsFeature(): DreamsFeature {
  const journal = createJournalMenu();
  const feed = createFeedMenu();

  const handlers = new Composer<BotContext>();
  handlers.command('dream', startDreamLog);
  handlers.command('dreams', (ctx) => showJournal(ctx, journal, ctx.match));
  handlers.command('feed', (ctx) => showFeed(ctx, feed));
  handlers.use(dreamCardActions());
  handlers.use(analysisWaitActions());
  handlers.use(readingsActions());

  return {
    beforeConversations: new Composer<BotContext>(openDeepLinkedDream(), openJournalItems()),
    conversations: [
      createConversation<BotContext, Context>(logDream, {
        id: DREAM_LOG,
        maxMillisecondsToWait: DRAFT_TIMEOUT_MS,
      }),
      createConversation<BotContext, Context>(editDream, {
        id: DREAM_EDIT,
        maxMillisecondsToWait: DRAFT_TIMEOUT_MS,
      }),
    ],
    menus: [journal, feed],
    handlers,
    mainMenuActions: {
      dream: startDreamLog,
      journal: (ctx) => showJournal(ctx, journal),
      feed: (ctx) => showFeed(ctx, feed),
    },
  };
}
