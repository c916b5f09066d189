import type { Core } from '@mechta/core';

/** A chat message that shows a dream's progress and is edited as the work advances. */
export interface MessageTarget {
  chatId: number;
  messageId: number;
}

/**
 * Which message shows what for a dream: "analysis" the "Analysing…" note, "video" the video progress
 * message, "card" the analysis card (redrawn when the picture arrives). Core's failure notice carries
 * no target, so the bot remembers them here (in the shared cache, so any instance finds them).
 */
export type TargetKind = 'analysis' | 'video' | 'card';

// Longer than any job may run, retries included.
const TARGET_TTL_SECONDS = 24 * 3600;
const key = (kind: TargetKind, dreamId: string) => `bot:dream-target:${kind}:${dreamId}`;

export async function rememberTarget(
  core: Core,
  kind: TargetKind,
  dreamId: string,
  target: MessageTarget,
): Promise<void> {
  await core.cache.set(key(kind, dreamId), JSON.stringify(target), TARGET_TTL_SECONDS);
}

export async function recallTarget(
  core: Core,
  kind: TargetKind,
  dreamId: string,
): Promise<MessageTarget | undefined> {
  const raw = await core.cache.get(key(kind, dreamId));
  if (!raw) return undefined;
  try {
    const t = JSON.parse(raw) as Partial<MessageTarget>;
    return typeof t.chatId === 'number' && typeof t.messageId === 'number'
      ? { chatId: t.chatId, messageId: t.messageId }
      : undefined;
  } catch {
    return undefined;
  }
}
