import { createHash, randomUUID } from 'node:crypto';
import {
  countDreamsOnLocalDay,
  type Database,
  type Dream,
  deleteDream as deleteDreamRow,
  dreamCategoryCounts,
  dreamDayRuns,
  dreamTotals,
  emotionsByWeek,
  expirePublicDreams,
  findDreamById,
  findDreamWithAuthor,
  findUserById,
  findUsersWithWaitingDreams,
  findWaitingDreams,
  insertDream,
  listDreams,
  listFeed,
  lockUserDreams,
  recordDreamViews,
  topDreamLabels,
  type User,
  updateDream,
  updateDreamIf,
} from '@mechta/db';
import type { Ai } from '../ai/types.ts';
import { DREAM_CATEGORIES, type DreamCategory } from '../ai/types.ts';
import type { Config } from '../config.ts';
import { AppError, isAppError } from '../errors.ts';
import type { Cache } from '../platform/cache.ts';
import type { Logger } from '../platform/logger.ts';
import { isUuid, type MediaStore } from '../platform/media.ts';
import type { JobQueue } from '../platform/queue.ts';
import { localDayOf } from '../time/localDay.ts';
import type { UsersService } from '../users/service.ts';
import type { ChargeResult, WalletService } from '../wallet/service.ts';
import { createJournalCache } from './journalCache.ts';
import type {
  CreateDreamInput,
  DreamInsights,
  DreamListQuery,
  DreamsNotifier,
  DreamsService,
  DreamView,
} from './types.ts';
import { isVisibleToOthers, toDreamView } from './view.ts';
import { attachDreamVoice } from './voice.ts';

/** Queue names of the dreams feature. */
export const DREAM_JOBS = {
  analyze: 'dream.analyze',
  image: 'dream.image',
  video: 'dream.video',
  expirePublic: 'dreams.expire-public',
  sweepStalled: 'dreams.sweep-stalled',
  sweepWaiting: 'dreams.sweep-waiting',
} as const;

/**
 * Retry and expiry policy of the dreams jobs. Sent with every job as well as set on the queues: the
 * queue wrapper passes unset options through as `undefined`, which pg-boss rejects.
 */
export const DREAM_JOB_RETRY = { retryLimit: 2, retryDelaySeconds: 2, expireInSeconds: 15 * 60 } as const;

export interface AnalyzeJobData {
  dreamId: string;
  notify?: { chatId: number; messageId: number };
}
export interface ImageJobData {
  dreamId: string;
}
export interface VideoJobData {
  dreamId: string;
  /** The charge this attempt paid with; refunded under the same key when it fails. */
  chargeKey: string;
  notify?: { chatId: number; messageId: number };
}

/** Idempotency keys of a dream's charges: a retried job finds its charge instead of paying twice. */
export const dreamChargeKey = {
  analysis: (dreamId: string) => `dream:${dreamId}:analysis`,
  image: (dreamId: string) => `dream:${dreamId}:image`,
  video: (dreamId: string, attempt = 1) =>
    attempt <= 1 ? `dream:${dreamId}:video` : `dream:${dreamId}:video:${attempt}`,
  reanalysis: (dreamId: string, n: number) => `dream:${dreamId}:reanalysis:${n}`,
};

/** The key the dream's latest analysis was charged under: the first one, or the latest re-analysis. */
export const analysisChargeKey = (dream: Pick<Dream, 'id' | 'reanalyses'>) =>
  dream.reanalyses > 0
    ? dreamChargeKey.reanalysis(dream.id, dream.reanalyses)
    : dreamChargeKey.analysis(dream.id);

export interface DreamsDeps {
  db: Database;
  config: Config;
  logger: Logger;
  queue: JobQueue;
  wallet: WalletService;
  /** Journal pages are micro-cached here (see journalCache.ts); without it every list hits the table. */
  cache?: Cache;
  /** For cached user lookups on every request; optional so the service can stand alone in tests. */
  users?: Pick<UsersService, 'getUser'>;
  ai: Ai;
  media: MediaStore;
  now: () => Date;
  /** The bot's notifier is plugged in after core is built, hence a getter. */
  notifier: () => DreamsNotifier;
}

const TITLE_MAX = 120;
const QUERY_MAX = 200;
const INSIGHT_TOP = 10;
const INSIGHT_WEEKS = 12;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Characters as a person counts them (code points, like PostgreSQL's char_length). */
const charCount = (s: string) => [...s].length;

/** A stable dream id for a client's idempotency key, so a retried create finds the first one. */
function dreamIdForKey(userId: number, key: string): string {
  const h = createHash('sha256').update(`dream-create:${userId}:${key}`).digest('hex');
  // Shaped as a version-4 UUID so that it sits among the random ones unnoticed.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pageOf(p: { page?: number; pageSize?: number }) {
  const page = Math.max(1, Math.floor(p.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(p.pageSize ?? 20)));
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** A normalised label for the array columns and their filters. */
export const normaliseLabel = (s: string) => s.trim().toLowerCase();

/**
 * The dream journal: logging (validated, limited, paid), reading, search, sharing to the public feed,
 * video requests and insights. Analysis, images and videos are made by the jobs in `jobs.ts`.
 */
export function createDreamsService(deps: DreamsDeps): DreamsService & {
  /** Flips public dreams whose feed window has closed back to private; returns how many. */
  expirePublic(): Promise<number>;
  journalChanged(userId: number): Promise<void>;
  analyzeWaiting(userId: number): Promise<number>;
  sweepWaiting(): Promise<number>;
} {
  const { db, config, logger, queue, wallet, ai, media, now } = deps;
  const journal = deps.cache ? createJournalCache(deps.cache, 30) : undefined;
  const view = (dream: Parameters<typeof toDreamView>[0], viewerId: number | null) =>
    toDreamView(dream, viewerId, { media, at: now() });

  async function requireUser(userId: number): Promise<User> {
    // Through the users service's cache when wired (core does), else straight from the table.
    const user = deps.users ? await deps.users.getUser(userId) : await findUserById(db, userId);
    if (!user) throw new AppError('NOT_FOUND', 'user not found');
    if (user.isBlocked) throw new AppError('USER_BLOCKED');
    return user;
  }

  /** The user's own dream; anything else (absent, someone else's, a malformed id) is NOT_FOUND. */
  async function ownDream(userId: number, dreamId: string): Promise<Dream> {
    const dream = isUuid(dreamId) ? await findDreamById(db, dreamId) : undefined;
    if (!dream || dream.userId !== userId) throw new AppError('NOT_FOUND', 'dream not found');
    return dream;
  }

  function validateText(text: unknown, fields: Record<string, string>, details: Record<string, unknown>) {
    const { dreamMinChars: min, dreamMaxChars: max } = config.limits;
    const clean = typeof text === 'string' ? text.trim() : '';
    const length = charCount(clean);
    if (length < min) fields.text = 'validation-dream-too-short';
    else if (length > max) fields.text = 'validation-dream-too-long';
    if (fields.text) Object.assign(details, { min, max, length });
    return clean;
  }

  function validateExtras(
    input: { title?: string | null; mood?: number | null; moodOnWaking?: number | null },
    fields: Record<string, string>,
  ): { title?: string | null; mood?: number | null; moodOnWaking?: number | null } {
    const out: { title?: string | null; mood?: number | null; moodOnWaking?: number | null } = {};
    if (input.title !== undefined) {
      const t = typeof input.title === 'string' ? input.title.trim() : input.title;
      if (t !== null && typeof t !== 'string') fields.title = 'validation-dream-title';
      else if (t && charCount(t) > TITLE_MAX) fields.title = 'validation-dream-title';
      else out.title = t || null;
    }
    if (input.mood !== undefined) {
      const m = input.mood;
      if (m !== null && !(Number.isInteger(m) && m >= 1 && m <= 5)) fields.mood = 'validation-dream-mood';
      else out.mood = m;
    }
    if (input.moodOnWaking !== undefined) {
      const m = input.moodOnWaking;
      if (m !== null && !(Number.isInteger(m) && m >= 1 && m <= 5))
        fields.mood_on_waking = 'validation-dream-mood';
      else out.moodOnWaking = m;
    }
    return out;
  }

  function failValidation(fields: Record<string, string>, details: Record<string, unknown>): void {
    if (Object.keys(fields).length) {
      throw new AppError('VALIDATION_FAILED', 'invalid dream', { fields, details });
    }
  }

  const dailyLimitError = (limit: number) =>
    new AppError('DAILY_LIMIT_REACHED', 'daily dream limit reached', { args: { limit }, details: { limit } });

  async function refundQuietly(key: string, reason: string): Promise<number> {
    try {
      return (await wallet.refund(key, reason)).refunded;
    } catch (err) {
      logger.error({ err, key }, 'refund failed');
      return 0;
    }
  }

  /**
   * A journal page, from the per-user cache when it holds one. The items travel as the UTF-8 JSON
   * bytes the cache keeps (the API writes them out as they are, with no decoding or encoding);
   * `items` is there only when freshly read.
   */
  async function journalPage(
    userId: number,
    query: DreamListQuery,
  ): Promise<{ itemsJson: Buffer; items?: DreamView[]; total: number; page: number; pageSize: number }> {
    const user = await requireUser(userId);
    const fields: Record<string, string> = {};
    const q = query.q?.trim();
    if (q && charCount(q) > QUERY_MAX) fields.q = 'validation-dream-query';
    if (query.category && !DREAM_CATEGORIES.includes(query.category))
      fields.category = 'validation-dream-category';
    const day = (v: string | undefined, name: string) => {
      if (v === undefined || v === '') return undefined;
      const d = v.slice(0, 10);
      // Date.parse rolls 2020-02-30 over to March 1st; only a day that maps back onto itself is real.
      const t = Date.parse(`${d}T00:00:00Z`);
      if (!DAY_RE.test(d) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d) {
        fields[name] = 'validation-dream-date';
        return undefined;
      }
      return d;
    };
    const fromDay = day(query.from, 'from');
    const toDay = day(query.to, 'to');
    failValidation(fields, {});
    const p = pageOf(query);
    const filters = {
      q: q || undefined,
      category: query.category,
      emotion: query.emotion ? normaliseLabel(query.emotion) : undefined,
      tag: query.tag ? normaliseLabel(query.tag) : undefined,
      lucid: query.lucid,
      fromDay,
      toDay,
      timezone: user.timezone,
    };
    const cached = await journal?.read(userId, { filters, p });
    if (cached?.hit) return decodePage(cached.hit);
    const result = await listDreams(db, userId, filters, p);
    const items = result.items.map((d) => view(d, userId));
    const page = {
      itemsJson: Buffer.from(JSON.stringify(items)),
      items,
      total: result.total,
      page: p.page,
      pageSize: p.pageSize,
    };
    await cached?.store(encodePage(page));
    return page;
  }

  /**
   * Claims a dream saved without analysis (or waiting for the quota) and pays for its analysis in
   * one transaction, then queues the job. Over the quota nothing changes and undefined comes back.
   */
  async function startAnalysis(
    dream: Dream,
    notify?: { chatId: number; messageId: number },
  ): Promise<Dream | undefined> {
    const from = dream.analysisStatus;
    if (from !== 'waiting_quota' && from !== 'skipped') return dream;
    const chargeKey = dreamChargeKey.analysis(dream.id);
    let claimed: Dream | undefined;
    try {
      claimed = await db.transaction().execute(async (trx) => {
        await lockUserDreams(trx, dream.userId);
        // Claimed first: when the charge refuses, the rollback undoes the claim too.
        const won = await updateDreamIf(
          trx,
          dream.id,
          { analysisStatus: from },
          { analysisStatus: 'pending' },
          now(),
        );
        if (!won) return undefined;
        // Charged only now that the analysis starts, under the dream's one analysis key.
        const charge = await wallet.charge(
          { userId: dream.userId, action: 'analysis', idempotencyKey: chargeKey, quota: 'text' },
          trx,
        );
        if (charge.refunded) throw new AppError('CONFLICT', 'this analysis was already given up');
        return won;
      });
    } catch (err) {
      // A waiting dream the owner cannot pay for yet keeps waiting; the next sweep or purchase tries again.
      if (isPaymentRefusal(err) && from === 'waiting_quota') return undefined;
      if (isAppError(err) && err.code === 'QUOTA_EXCEEDED') {
        // Asked for on a "no AI" dream over today's quota: it now waits for the quota like any other.
        await updateDreamIf(
          db,
          dream.id,
          { analysisStatus: 'skipped' },
          { analysisStatus: 'waiting_quota' },
          now(),
        );
        return undefined;
      }
      throw err;
    }
    if (!claimed) return findDreamById(db, dream.id);
    try {
      await queue.send<AnalyzeJobData>(
        DREAM_JOBS.analyze,
        { dreamId: dream.id, notify },
        { singletonKey: `${DREAM_JOBS.analyze}:${dream.id}`, ...DREAM_JOB_RETRY },
      );
    } catch (err) {
      logger.error({ err, dreamId: dream.id }, 'could not enqueue the dream analysis');
      await updateDreamIf(db, dream.id, { analysisStatus: 'pending' }, { analysisStatus: from }, now());
      await refundQuietly(chargeKey, 'analysis could not be queued');
      throw new AppError('SERVICE_UNAVAILABLE', 'the job queue is unavailable', { cause: err });
    }
    return claimed;
  }

  /**
   * Starts the analyses of a user's waiting dreams while their quota allows (oldest first); how many
   * started. The wallet decides what "today" is, so the quota day stays one rule.
   */
  async function analyzeWaiting(userId: number): Promise<number> {
    let started = 0;
    try {
      for (const dream of await findWaitingDreams(db, userId, 50)) {
        const claimed = await startAnalysis(dream);
        if (!claimed) break; // the quota is spent again: the rest wait on
        if (claimed.analysisStatus === 'pending') started++;
      }
    } finally {
      if (started) await journal?.changed(userId);
    }
    return started;
  }

  const service = {
    async create(userId: number, input: CreateDreamInput): Promise<DreamView> {
      const user = await requireUser(userId);
      const fields: Record<string, string> = {};
      const details: Record<string, unknown> = {};
      const text = validateText(input.text, fields, details);
      const extras = validateExtras(
        { title: input.title, mood: input.mood, moodOnWaking: input.moodOnWaking },
        fields,
      );
      failValidation(fields, details);

      const id = input.idempotencyKey ? dreamIdForKey(userId, input.idempotencyKey) : randomUUID();
      if (input.idempotencyKey) {
        const existing = await findDreamById(db, id);
        if (existing) return view(existing, userId);
      }

      const limit = config.limits.maxDreamsPerDay;
      const limited = (await wallet.getPlan(userId)).plan === 'free';
      // A quick answer without a transaction; the check under the lock below is what holds against
      // concurrent creates.
      if (
        limited &&
        (await countDreamsOnLocalDay(db, userId, now(), localDayOf(user, now()).start)) >= limit
      ) {
        throw dailyLimitError(limit);
      }

      // Charged and saved in one transaction: a failure (or a crash) anywhere in between leaves
      // neither the charge nor the dream. The dreams lock comes first and the wallet's account lock
      // second, the one order every path takes.
      const chargeKey = dreamChargeKey.analysis(id);
      const { dream, charge } = await db.transaction().execute(async (trx) => {
        await lockUserDreams(trx, userId);
        const at = now();
        if (limited && (await countDreamsOnLocalDay(trx, userId, at, localDayOf(user, at).start)) >= limit) {
          throw dailyLimitError(limit);
        }
        // The quota limits the analysis, not the journal: over it the dream is kept and waits.
        let status: 'pending' | 'waiting_quota' | 'skipped' = input.analyze === false ? 'skipped' : 'pending';
        let charge: ChargeResult | undefined;
        if (status === 'pending') {
          try {
            charge = await wallet.charge(
              { userId, action: 'analysis', idempotencyKey: chargeKey, quota: 'text' },
              trx,
            );
          } catch (err) {
            // The wallet refuses before it writes anything, so the transaction is still good.
            if (!isAppError(err) || err.code !== 'QUOTA_EXCEEDED') throw err;
            status = 'waiting_quota';
          }
          if (charge?.refunded) {
            throw new AppError('CONFLICT', 'this request was already given up; send it again');
          }
        }
        const dream =
          (await insertDream(trx, {
            id,
            userId,
            text,
            title: extras.title ?? null,
            lucid: input.lucid ?? false,
            mood: extras.mood ?? null,
            moodOnWaking: extras.moodOnWaking ?? null,
            dreamDate: localDayOf(user, at).date,
            language: input.language ?? user.language,
            source: input.source,
            analysis: null,
            analysisStatus: status,
            category: null,
            provider: null,
            model: null,
            promptTokens: null,
            completionTokens: null,
            costUsd: null,
            processingMs: null,
            imageMediaId: null,
            imageSkipReason: null,
            videoStatus: null,
            videoExternalId: null,
            videoMediaId: null,
            videoError: null,
            sharedAt: null,
            publicUntil: null,
            hiddenAt: null,
            createdAt: at,
            updatedAt: at,
          })) ?? (await findDreamById(trx, id));
        return { dream, charge };
      });
      if (!dream) throw new AppError('INTERNAL', 'dream vanished');
      // Nothing paid, nothing to queue: a "no AI" save, or a dream waiting for tomorrow's quota.
      if (!charge) return view(dream, userId);
      if (charge.alreadyCharged && dream.analysisStatus !== 'pending') return view(dream, userId);

      try {
        await queue.send<AnalyzeJobData>(
          DREAM_JOBS.analyze,
          { dreamId: id, notify: input.notify },
          { singletonKey: `${DREAM_JOBS.analyze}:${id}`, ...DREAM_JOB_RETRY },
        );
      } catch (err) {
        // Without its job the dream would wait forever for an analysis it paid for: undo it all.
        logger.error({ err, dreamId: id }, 'could not enqueue the dream analysis');
        await db.deleteFrom('dreams').where('id', '=', id).execute();
        await refundQuietly(chargeKey, 'analysis could not be queued');
        throw new AppError('SERVICE_UNAVAILABLE', 'the job queue is unavailable', { cause: err });
      }
      return view(dream, userId);
    },

    async requestAnalysis(userId, dreamId, notify) {
      const dream = await ownDream(userId, dreamId);
      await startAnalysis(dream, notify);
      return view(await ownDream(userId, dreamId), userId);
    },

    async get(userId: number, dreamId: string): Promise<DreamView> {
      const dream = isUuid(dreamId) ? await findDreamWithAuthor(db, dreamId) : undefined;
      if (!dream) throw new AppError('NOT_FOUND', 'dream not found');
      if (dream.userId === userId) {
        const { authorFirstName: _n, authorUsername: _u, ...plain } = dream;
        return view(plain, userId);
      }
      if (!isVisibleToOthers(dream, now())) throw new AppError('NOT_FOUND', 'dream not found');
      const counted = await recordDreamViews(db, [dream.id], userId, now());
      return view({ ...dream, views: counted.get(dream.id) ?? dream.views }, userId);
    },

    async list(userId: number, query: DreamListQuery) {
      const page = await journalPage(userId, query);
      return {
        items: page.items ?? (JSON.parse(page.itemsJson.toString()) as DreamView[]),
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },

    async listJson(userId: number, query: DreamListQuery) {
      const { itemsJson, total, page, pageSize } = await journalPage(userId, query);
      return { itemsJson, total, page, pageSize };
    },

    async update(userId, dreamId, patch) {
      const dream = await ownDream(userId, dreamId);
      const fields: Record<string, string> = {};
      const details: Record<string, unknown> = {};
      const text = patch.text !== undefined ? validateText(patch.text, fields, details) : undefined;
      const extras = validateExtras(
        { title: patch.title, mood: patch.mood, moodOnWaking: patch.moodOnWaking },
        fields,
      );
      if (patch.lucid !== undefined && typeof patch.lucid !== 'boolean')
        fields.lucid = 'validation-dream-lucid';
      failValidation(fields, details);
      const updated = await updateDream(
        db,
        dream.id,
        {
          ...(text !== undefined ? { text } : {}),
          ...(extras.title !== undefined ? { title: extras.title } : {}),
          ...(extras.mood !== undefined ? { mood: extras.mood } : {}),
          ...(extras.moodOnWaking !== undefined ? { moodOnWaking: extras.moodOnWaking } : {}),
          ...(patch.lucid !== undefined ? { lucid: patch.lucid } : {}),
        },
        now(),
      );
      if (!updated) throw new AppError('NOT_FOUND', 'dream not found');
      return view(updated, userId);
    },

    async remove(userId: number, dreamId: string): Promise<void> {
      const dream = await ownDream(userId, dreamId);
      const { deleted, media: files } = await db
        .transaction()
        .execute((trx) => deleteDreamRow(trx, dream.id, userId));
      if (!deleted) throw new AppError('NOT_FOUND', 'dream not found');
      // Rows first, then files: a file without a row is harmless, a row without its file is a broken link.
      await media.removeFiles(files);
      // Work that was paid for and will now never be done is given back.
      if (dream.analysisStatus === 'pending') await refundQuietly(analysisChargeKey(dream), 'dream deleted');
      if (dream.imageStatus === 'pending')
        await refundQuietly(dreamChargeKey.image(dream.id), 'dream deleted');
      if (dream.videoStatus === 'pending' || dream.videoStatus === 'processing') {
        await refundQuietly(dreamChargeKey.video(dream.id, dream.videoAttempts), 'dream deleted');
      }
    },

    async share(userId, dreamId, opts) {
      const dream = await ownDream(userId, dreamId);
      const at = now();
      const anonymous = opts.anonymous ?? false;
      // Sharing again inside the window only changes the anonymity; it does not extend the window.
      const patch = isVisibleToOthers(dream, at)
        ? { anonymous }
        : {
            visibility: 'public' as const,
            anonymous,
            sharedAt: at,
            publicUntil: new Date(at.getTime() + config.limits.dreamTtlSeconds * 1000),
          };
      const updated = await updateDream(db, dream.id, patch, at);
      if (!updated) throw new AppError('NOT_FOUND', 'dream not found');
      return view(updated, userId);
    },

    async unshare(userId, dreamId) {
      const dream = await ownDream(userId, dreamId);
      const updated = await updateDream(db, dream.id, { visibility: 'private', publicUntil: null }, now());
      if (!updated) throw new AppError('NOT_FOUND', 'dream not found');
      return view(updated, userId);
    },

    async feed(viewerId, page) {
      const p = pageOf(page);
      const at = now();
      const result = await listFeed(db, at, p);
      const others = result.items.filter((d) => d.userId !== viewerId).map((d) => d.id);
      const counted = await recordDreamViews(db, others, viewerId, at);
      return {
        items: result.items.map((d) => view({ ...d, views: counted.get(d.id) ?? d.views }, viewerId)),
        total: result.total,
        page: p.page,
        pageSize: p.pageSize,
      };
    },

    async requestVideo(userId, dreamId, notify) {
      const dream = await ownDream(userId, dreamId);
      if (!ai.video.available) {
        throw new AppError('AI_UNAVAILABLE', 'video generation is not configured', {
          details: { capability: 'video' },
        });
      }
      if (dream.videoStatus && dream.videoStatus !== 'failed') return view(dream, userId);
      if (dream.analysisStatus !== 'done' || !dream.analysis) {
        throw new AppError('CONFLICT', 'the dream has no analysis yet', {
          details: { reason: 'analysis_pending' },
        });
      }
      const attempt = dream.videoAttempts + 1;
      const chargeKey = dreamChargeKey.video(dream.id, attempt);
      // Claimed and charged in one transaction, as a new dream is: a crash between them keeps neither,
      // and a request that loses the claim to a concurrent one is never charged.
      const claimed = await db.transaction().execute(async (trx) => {
        const won = await updateDreamIf(
          trx,
          dream.id,
          { videoStatus: [null, 'failed'], videoAttempts: dream.videoAttempts },
          {
            videoStatus: 'pending',
            videoProgress: 0,
            videoAttempts: attempt,
            videoExternalId: null,
            videoMediaId: null,
            videoError: null,
          },
          now(),
        );
        if (!won) return undefined;
        const charge = await wallet.charge({ userId, action: 'video', idempotencyKey: chargeKey }, trx);
        if (charge.refunded) throw new AppError('CONFLICT', 'this video request was already given up');
        return won;
      });
      if (!claimed) return view(await ownDream(userId, dreamId), userId);
      try {
        await queue.send<VideoJobData>(
          DREAM_JOBS.video,
          { dreamId: dream.id, chargeKey, notify },
          {
            ...DREAM_JOB_RETRY,
            singletonKey: `${DREAM_JOBS.video}:${dream.id}:${attempt}`,
            expireInSeconds: 45 * 60,
          },
        );
      } catch (err) {
        logger.error({ err, dreamId: dream.id }, 'could not enqueue the video');
        await updateDream(db, dream.id, { videoStatus: 'failed', videoError: 'queue unavailable' }, now());
        await refundQuietly(chargeKey, 'video could not be queued');
        throw new AppError('SERVICE_UNAVAILABLE', 'the job queue is unavailable', { cause: err });
      }
      return view(claimed, userId);
    },

    async reanalyze(userId, dreamId, notify) {
      const dream = await ownDream(userId, dreamId);
      // One in flight at a time: asking again while it runs neither charges nor queues anything.
      if (dream.analysisStatus === 'pending') return view(dream, userId);
      const n = dream.reanalyses + 1;
      const chargeKey = dreamChargeKey.reanalysis(dream.id, n);
      // Claimed and charged in one transaction, as a video is: a request that loses the claim to a
      // concurrent one is never charged, and a refused charge (quota, tokens) leaves the row as it was.
      const claimed = await db.transaction().execute(async (trx) => {
        const won = await updateDreamIf(
          trx,
          dream.id,
          { analysisStatus: dream.analysisStatus, reanalyses: dream.reanalyses },
          { analysisStatus: 'pending', reanalyses: n },
          now(),
        );
        if (!won) return undefined;
        const charge = await wallet.charge(
          { userId, action: 'analysis', idempotencyKey: chargeKey, quota: 'text' },
          trx,
        );
        if (charge.refunded) throw new AppError('CONFLICT', 'this re-analysis was already given up');
        return won;
      });
      if (!claimed) return view(await ownDream(userId, dreamId), userId);
      try {
        await queue.send<AnalyzeJobData>(
          DREAM_JOBS.analyze,
          { dreamId: dream.id, notify },
          { singletonKey: `${DREAM_JOBS.analyze}:${dream.id}:${n}`, ...DREAM_JOB_RETRY },
        );
      } catch (err) {
        logger.error({ err, dreamId: dream.id }, 'could not enqueue the re-analysis');
        // The previous analysis is still there: the dream goes back to it.
        await updateDream(db, dream.id, { analysisStatus: dream.analysis ? 'done' : 'failed' }, now());
        await refundQuietly(chargeKey, 're-analysis could not be queued');
        throw new AppError('SERVICE_UNAVAILABLE', 'the job queue is unavailable', { cause: err });
      }
      return view(claimed, userId);
    },

    async insights(userId: number): Promise<DreamInsights> {
      const user = await requireUser(userId);
      const at = now();
      const tz = user.timezone;
      const [totals, categories, symbols, emotions, weekly, days] = await Promise.all([
        dreamTotals(db, userId),
        dreamCategoryCounts(db, userId),
        topDreamLabels(db, userId, 'symbols', INSIGHT_TOP),
        topDreamLabels(db, userId, 'emotions', INSIGHT_TOP),
        emotionsByWeek(db, userId, at, tz, INSIGHT_WEEKS),
        dreamDayRuns(db, userId, at, tz, 30, user.dayStartsAt),
      ]);
      const weeks = new Map<string, Record<string, number>>();
      for (const row of weekly) {
        const w = weeks.get(row.week) ?? {};
        if (row.emotion) w[row.emotion] = row.count;
        weeks.set(row.week, w);
      }
      const yesterday = new Date(Date.parse(`${days.today}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const last = days.runs.at(-1);
      const current = last && (last.end === days.today || last.end === yesterday) ? last.length : 0;
      return {
        total: totals.total,
        streak: {
          current,
          longest: days.runs.reduce((m, r) => Math.max(m, r.length), 0),
          days_logged_last_30: days.recent,
        },
        categories: categories
          .filter((c): c is { category: DreamCategory; count: number } =>
            DREAM_CATEGORIES.includes(c.category as DreamCategory),
          )
          .map((c) => ({ category: c.category, count: c.count })),
        symbols: symbols.map((s) => ({ symbol: s.label, count: s.count })),
        emotions: emotions.map((e) => ({ emotion: e.label, count: e.count })),
        emotions_over_time: [...weeks].map(([week, counts]) => ({ week, emotions: counts })),
        lucid_share: totals.total ? Math.round((totals.lucid / totals.total) * 1000) / 1000 : 0,
      };
    },

    limits() {
      return {
        dream_text_min: config.limits.dreamMinChars,
        dream_text_max: config.limits.dreamMaxChars,
        dream_title_max: TITLE_MAX,
        dreams_per_day: config.limits.maxDreamsPerDay,
      };
    },

    prices() {
      const p = wallet.prices();
      return { analysis: p.analysis, image: p.image, video: p.video };
    },

    async media(viewerId: number | null, mediaId: string) {
      const row = await media.get(mediaId);
      if (!row) throw new AppError('NOT_FOUND', 'media not found');
      if (viewerId !== null && row.userId === viewerId) return { path: media.filePath(row), mime: row.mime };
      const dream = row.dreamId ? await findDreamById(db, row.dreamId) : undefined;
      const current = dream && (dream.imageMediaId === row.id || dream.videoMediaId === row.id);
      if (!dream || !current || !isVisibleToOthers(dream, now()))
        throw new AppError('NOT_FOUND', 'media not found');
      return { path: media.filePath(row), mime: row.mime };
    },

    async expirePublic() {
      return expirePublicDreams(db, now());
    },

    async attachVoice(userId, dreamId, audio) {
      const dream = await ownDream(userId, dreamId);
      return view(await attachDreamVoice({ db, media, now }, dream, audio), userId);
    },
  } satisfies DreamsService & { expirePublic(): Promise<number> };

  /** The sweep: every owner of waiting dreams gets their analyses started if their quota allows. */
  async function sweepWaiting(): Promise<number> {
    let started = 0;
    for (const userId of await findUsersWithWaitingDreams(db, 500)) {
      try {
        started += await analyzeWaiting(userId);
      } catch (err) {
        logger.warn({ err, userId }, 'waiting dreams could not be started');
      }
    }
    return started;
  }

  // Whatever a user does to their dreams moves their journal version, success or failure alike
  // (a failed create may still have refunded or half-queued something worth re-reading).
  const touching =
    <A extends [number, ...unknown[]], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        await journal?.changed(args[0]);
      }
    };
  return {
    ...service,
    /** For the jobs: a row of this user's changed in the background. */
    journalChanged: async (userId: number) => journal?.changed(userId),
    /** Starts what a user's quota allows of their waiting dreams (after a purchase or plan change). */
    analyzeWaiting,
    sweepWaiting,
    requestAnalysis: touching(service.requestAnalysis),
    create: touching(service.create),
    update: touching(service.update),
    attachVoice: touching(service.attachVoice),
    remove: touching(service.remove),
    share: touching(service.share),
    unshare: touching(service.unshare),
    requestVideo: touching(service.requestVideo),
    reanalyze: touching(service.reanalyze),
  };
}

export type DreamsServiceImpl = ReturnType<typeof createDreamsService>;

/** True for the wallet refusals that mean "no image this time" rather than a failure. */
export const isPaymentRefusal = (err: unknown): err is AppError =>
  isAppError(err) && (err.code === 'QUOTA_EXCEEDED' || err.code === 'INSUFFICIENT_TOKENS');

/** A cached page: `total|page|pageSize|` and the items' JSON, as bytes. */
function encodePage(p: { itemsJson: Buffer; total: number; page: number; pageSize: number }): Buffer {
  return Buffer.concat([Buffer.from(`${p.total}|${p.page}|${p.pageSize}|`), p.itemsJson]);
}

const BAR = 0x7c; // '|'

function decodePage(raw: Buffer): { itemsJson: Buffer; total: number; page: number; pageSize: number } {
  const a = raw.indexOf(BAR);
  const b = raw.indexOf(BAR, a + 1);
  const c = raw.indexOf(BAR, b + 1);
  return {
    total: Number(raw.toString('latin1', 0, a)),
    page: Number(raw.toString('latin1', a + 1, b)),
    pageSize: Number(raw.toString('latin1', b + 1, c)),
    itemsJson: raw.subarray(c + 1),
  };
}
