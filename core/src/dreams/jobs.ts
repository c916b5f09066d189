import {
  type Database,
  type Dream,
  type DreamUpdate,
  findDreamById,
  findStalledDreams,
  updateDreamIf as updateDreamRowIf,
} from '@mechta/db';
import { downloadBytes, sleep } from '../ai/media.ts';
import type { Ai, DreamAnalysis } from '../ai/types.ts';
import type { Core } from '../core.ts';
import type { Logger } from '../platform/logger.ts';
import type { MediaStore } from '../platform/media.ts';
import type { JobContext, JobQueue } from '../platform/queue.ts';
import { sniffVideoMime } from '../platform/sniff.ts';
import type { WalletService } from '../wallet/service.ts';
import {
  type AnalyzeJobData,
  analysisChargeKey,
  DREAM_JOB_RETRY,
  DREAM_JOBS,
  dreamChargeKey,
  type ImageJobData,
  isPaymentRefusal,
  normaliseLabel,
  type VideoJobData,
} from './service.ts';
import type { DreamsNotifier, DreamView } from './types.ts';
import { toDreamView } from './view.ts';

export interface DreamsJobsOptions {
  /** Pause between video status polls (default 2 s). */
  videoPollIntervalMs?: number;
  /** A video that is not done after this long is given up and refunded (default 20 min). */
  videoTimeoutMs?: number;
}

export interface DreamsJobDeps {
  db: Database;
  logger: Logger;
  queue: JobQueue;
  wallet: WalletService;
  ai: Ai;
  media: MediaStore;
  now: () => Date;
  notifier: () => DreamsNotifier;
  /** Told of every row a job changes, so cached journal pages of that user are dropped. */
  journalChanged?: (userId: number) => Promise<void>;
}

const MAX_VIDEO_BYTES = 200 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 120_000;
// Polling errors in a row (network blips) tolerated before the job fails and pg-boss retries it.
const MAX_POLL_ERRORS = 5;

const isFinalTry = (job: JobContext) => job.retryCount >= job.retryLimit;
/** Past these, pending work has outlived every retry its queue allows (15 min × 3 tries; video 45 min). */
const STALLED_WORK_MS = 60 * 60_000;
const STALLED_VIDEO_MS = 3 * 60 * 60_000;

const unique = (xs: string[]) => [...new Set(xs.map(normaliseLabel).filter(Boolean))];

/**
 * The handlers of the dreams jobs. Each is safe to run again for the same dream: charges use the
 * dream's idempotency keys, and each step checks the row's state before doing its work.
 */
export function createDreamsJobHandlers(deps: DreamsJobDeps, opts: DreamsJobsOptions = {}) {
  const { db, logger, queue, wallet, ai, media, now } = deps;
  const pollMs = opts.videoPollIntervalMs ?? 2000;
  const videoTimeoutMs = opts.videoTimeoutMs ?? 20 * 60_000;
  const ownerView = (dream: Dream): DreamView => toDreamView(dream, dream.userId, { media, at: now() });

  /** Every job write goes through here: the row changes, and so does its owner's journal. */
  async function updateDreamIf(
    ...args: Parameters<typeof updateDreamRowIf>
  ): ReturnType<typeof updateDreamRowIf> {
    const updated = await updateDreamRowIf(...args);
    if (updated) await deps.journalChanged?.(updated.userId);
    return updated;
  }

  /** Telling the user must never fail (and so repeat) the work itself. */
  async function tell(what: string, dream: Dream, fn: (n: DreamsNotifier) => Promise<void>) {
    try {
      await fn(deps.notifier());
    } catch (err) {
      logger.warn({ err, dreamId: dream.id, what }, 'dream notification failed');
    }
  }

  async function refund(key: string, reason: string): Promise<number> {
    try {
      return (await wallet.refund(key, reason)).refunded;
    } catch (err) {
      logger.error({ err, key }, 'refund failed');
      return 0;
    }
  }

  /**
   * Pays for the dream's image under its own key: the row patch that records the outcome (pending,
   * or why it cannot be paid for), or nothing when the image is already decided.
   */
  async function payForImage(dream: Dream): Promise<DreamUpdate> {
    if (dream.imageStatus !== 'none' || dream.imageSkipReason) return {};
    try {
      const charge = await wallet.charge({
        userId: dream.userId,
        action: 'image',
        idempotencyKey: dreamChargeKey.image(dream.id),
        quota: 'image',
      });
      // A key refunded earlier is closed: this dream's image was already given up.
      return charge.refunded ? {} : { imageStatus: 'pending' };
    } catch (err) {
      if (!isPaymentRefusal(err)) throw err;
      return { imageSkipReason: err.code };
    }
  }

  /** The analysis will not happen: mark it, give back what was paid (analysis, and an image never queued), tell the user. */
  async function failAnalysis(dreamId: string): Promise<void> {
    const row = await findDreamById(db, dreamId);
    // A failed re-analysis leaves the dream with the analysis it had; only a first one can fail it.
    const failed = await updateDreamIf(
      db,
      dreamId,
      { analysisStatus: 'pending' },
      { analysisStatus: row?.analysis ? 'done' : 'failed' },
      now(),
    );
    let refunded = 0;
    if (failed) refunded += await refund(analysisChargeKey(failed), 'analysis failed');
    const unqueued = await updateDreamIf(
      db,
      dreamId,
      { imageStatus: 'pending' },
      { imageStatus: 'failed' },
      now(),
    );
    if (unqueued) refunded += await refund(dreamChargeKey.image(dreamId), 'image not made');
    const last = unqueued ?? failed;
    if (last) {
      const kind = failed ? 'analysis' : 'image';
      await tell('failed', last, (n) => n.dreamFailed(last.userId, ownerView(last), kind, refunded));
    }
  }

  /** The image will not happen: mark it, refund it, tell the user. */
  async function failImage(dreamId: string): Promise<void> {
    const failed = await updateDreamIf(
      db,
      dreamId,
      { imageStatus: 'pending' },
      { imageStatus: 'failed' },
      now(),
    );
    if (!failed) return;
    const refunded = await refund(dreamChargeKey.image(dreamId), 'image failed');
    await tell('failed', failed, (n) => n.dreamFailed(failed.userId, ownerView(failed), 'image', refunded));
  }

  /**
   * Work whose job vanished (pg-boss expired it on its last try, or the process died with it) would
   * otherwise wait forever with the user's tokens taken: past a generous bound it is failed and refunded.
   */
  async function sweepStalled(): Promise<number> {
    const at = now().getTime();
    const stalled = await findStalledDreams(db, {
      workBefore: new Date(at - STALLED_WORK_MS),
      videoBefore: new Date(at - STALLED_VIDEO_MS),
      limit: 100,
    });
    for (const dream of stalled) {
      logger.warn({ dreamId: dream.id }, 'stalled dream work failed by the sweeper');
      if (dream.analysisStatus === 'pending') await failAnalysis(dream.id);
      else if (dream.imageStatus === 'pending') await failImage(dream.id);
      else
        await failVideo(
          dream,
          { dreamId: dream.id, chargeKey: dreamChargeKey.video(dream.id, dream.videoAttempts) },
          'the video job stopped answering',
        );
    }
    return stalled.length;
  }

  async function analyze(data: AnalyzeJobData, job: JobContext): Promise<void> {
    let dream = await findDreamById(db, data.dreamId);
    if (!dream || dream.analysisStatus === 'failed') return;
    try {
      if (dream.analysisStatus === 'pending') {
        const result = await ai.text.analyzeDream({ text: dream.text, language: dream.language });
        const a = result.analysis;
        // Paid for before saving, and saved together with the analysis: a reader never sees a done
        // analysis whose picture is still undecided, and the message can say whether one follows.
        const image = await payForImage(dream);
        const saved = await updateDreamIf(
          db,
          dream.id,
          { analysisStatus: 'pending' },
          {
            ...image,
            analysis: JSON.stringify(a),
            analysisStatus: 'done',
            title: dream.title ?? a.title,
            category: a.category,
            emotions: unique(a.emotions),
            tags: unique(a.tags),
            symbols: unique(a.symbols),
            provider: result.provider,
            model: result.model,
            promptTokens: result.usage.promptTokens,
            completionTokens: result.usage.completionTokens,
            costUsd: result.costUsd,
            processingMs: Math.round(result.durationMs),
          },
          now(),
        );
        dream = saved ?? (await findDreamById(db, dream.id));
        if (!dream) {
          // Deleted while we worked: the image it paid for will never be made.
          if (image.imageStatus === 'pending')
            await refund(dreamChargeKey.image(data.dreamId), 'dream deleted');
          return;
        }
      } else {
        const image = await payForImage(dream);
        if (Object.keys(image).length) {
          dream = (await updateDreamIf(db, dream.id, { imageStatus: 'none' }, image, now())) ?? dream;
        }
      }
      const analysed = dream;
      await tell('analysed', analysed, (n) =>
        n.dreamAnalysed(analysed.userId, ownerView(analysed), data.notify),
      );
      if (dream.imageStatus === 'pending') {
        await queue.send<ImageJobData>(
          DREAM_JOBS.image,
          { dreamId: dream.id },
          { singletonKey: `${DREAM_JOBS.image}:${dream.id}`, ...DREAM_JOB_RETRY },
        );
      }
    } catch (err) {
      if (!isFinalTry(job)) throw err;
      logger.error({ err, dreamId: data.dreamId }, 'dream analysis failed for good');
      await failAnalysis(data.dreamId);
      throw err;
    }
  }

  async function image(data: ImageJobData, job: JobContext): Promise<void> {
    const dream = await findDreamById(db, data.dreamId);
    if (dream?.imageStatus !== 'pending') return;
    try {
      const analysis = dream.analysis as DreamAnalysis | null;
      if (!analysis) throw new Error('the dream has no analysis to draw from');
      const result = await ai.image.generate({
        prompt: analysis.visual_prompt,
        category: analysis.category,
        emotions: analysis.emotions,
        seed: dream.id,
      });
      let stored: Awaited<ReturnType<MediaStore['save']>>;
      try {
        stored = await media.save({
          userId: dream.userId,
          dreamId: dream.id,
          kind: 'image',
          mime: result.mime,
          data: result.data,
        });
      } catch (err) {
        if (!(await findDreamById(db, dream.id))) return; // deleted meanwhile: nothing to attach to
        throw err;
      }
      const done = await updateDreamIf(
        db,
        dream.id,
        { imageStatus: 'pending' },
        { imageMediaId: stored.id, imageStatus: 'done', imageOffline: result.offline },
        now(),
      );
      if (!done) {
        await media.remove(stored.id);
        return;
      }
      await tell('image', done, (n) =>
        n.dreamImage(done.userId, ownerView(done), { path: media.filePath(stored), mime: stored.mime }),
      );
    } catch (err) {
      if (!isFinalTry(job)) throw err;
      logger.error({ err, dreamId: data.dreamId }, 'dream image failed for good');
      await failImage(data.dreamId);
      throw err;
    }
  }

  async function failVideo(dream: Dream, data: VideoJobData, error: string): Promise<void> {
    const failed = await updateDreamIf(
      db,
      dream.id,
      { videoStatus: ['pending', 'processing'], videoAttempts: dream.videoAttempts },
      { videoStatus: 'failed', videoError: error.slice(0, 500) },
      now(),
    );
    if (!failed) return;
    const refunded = await refund(data.chargeKey, 'video failed');
    await tell('failed', failed, (n) => n.dreamFailed(failed.userId, ownerView(failed), 'video', refunded));
  }

  async function video(data: VideoJobData, job: JobContext): Promise<void> {
    let dream = await findDreamById(db, data.dreamId);
    if (!dream || (dream.videoStatus !== 'pending' && dream.videoStatus !== 'processing')) return;
    const attempts = dream.videoAttempts;
    // Only the attempt this job was queued (and paid) for.
    if (dreamChargeKey.video(dream.id, attempts) !== data.chargeKey) return;
    const guard = {
      videoStatus: ['pending', 'processing'] as Dream['videoStatus'][],
      videoAttempts: attempts,
    };
    try {
      const analysis = dream.analysis as DreamAnalysis | null;
      if (!analysis) throw new Error('the dream has no analysis to film');
      let externalId = dream.videoExternalId;
      if (!externalId) {
        // Saved at once: a retried job resumes this generation instead of paying for a second one.
        externalId = (await ai.video.start({ prompt: analysis.video_prompt })).id;
        dream = await updateDreamIf(db, dream.id, guard, { videoExternalId: externalId }, now());
        if (!dream) return;
      }
      const started = Date.now();
      let errors = 0;
      for (;;) {
        let state: Awaited<ReturnType<Ai['video']['poll']>>;
        try {
          state = await ai.video.poll(externalId);
          errors = 0;
        } catch (err) {
          if (++errors >= MAX_POLL_ERRORS) throw err;
          logger.warn({ err, dreamId: dream.id }, 'video poll failed, trying again');
          await sleep(pollMs);
          continue;
        }
        if (state.status === 'failed')
          return await failVideo(dream, data, state.error ?? 'generation failed');
        if (state.status === 'completed') {
          if (!state.url) return await failVideo(dream, data, 'no output file');
          const bytes = await downloadBytes(state.url, {
            timeoutMs: DOWNLOAD_TIMEOUT_MS,
            maxBytes: MAX_VIDEO_BYTES,
          });
          let stored: Awaited<ReturnType<MediaStore['save']>>;
          try {
            stored = await media.save({
              userId: dream.userId,
              dreamId: dream.id,
              kind: 'video',
              mime: await sniffVideoMime(bytes, state.url),
              data: bytes,
            });
          } catch (err) {
            if (!(await findDreamById(db, dream.id))) return;
            throw err;
          }
          const done = await updateDreamIf(
            db,
            dream.id,
            guard,
            { videoStatus: 'completed', videoProgress: 100, videoMediaId: stored.id, videoError: null },
            now(),
          );
          if (!done) {
            await media.remove(stored.id);
            return;
          }
          await tell('video', done, (n) =>
            n.dreamVideo(done.userId, ownerView(done), data.notify, {
              path: media.filePath(stored),
              mime: stored.mime,
            }),
          );
          return;
        }
        const progress = Math.max(0, Math.min(99, Math.round(state.progress)));
        if (state.status !== dream.videoStatus || progress !== dream.videoProgress) {
          const moved = await updateDreamIf(
            db,
            dream.id,
            guard,
            { videoStatus: state.status, videoProgress: progress },
            now(),
          );
          if (!moved) return; // deleted, or a newer attempt took over
          dream = moved;
          const current = moved;
          await tell('video', current, (n) => n.dreamVideo(current.userId, ownerView(current), data.notify));
        }
        if (Date.now() - started > videoTimeoutMs) return await failVideo(dream, data, 'timed out');
        await sleep(pollMs);
      }
    } catch (err) {
      if (!isFinalTry(job)) throw err;
      logger.error({ err, dreamId: data.dreamId }, 'dream video failed for good');
      const current = await findDreamById(db, data.dreamId);
      if (current) await failVideo(current, data, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  return { analyze, image, video, sweepStalled };
}

/** Registers the dreams queues and the schedule that closes expired public windows. */
export async function registerDreamsJobs(core: Core, opts: DreamsJobsOptions = {}): Promise<void> {
  const handlers = createDreamsJobHandlers(
    {
      db: core.db,
      logger: core.logger.child({ feature: 'dreams' }),
      queue: core.queue,
      wallet: core.wallet,
      ai: core.ai,
      media: core.media,
      now: core.now,
      notifier: () => core.notifier,
      journalChanged: (userId) => core.dreams.journalChanged(userId),
    },
    opts,
  );
  const retry = DREAM_JOB_RETRY;
  await core.queue.define<AnalyzeJobData>(DREAM_JOBS.analyze, handlers.analyze, { ...retry, concurrency: 4 });
  await core.queue.define<ImageJobData>(DREAM_JOBS.image, handlers.image, { ...retry, concurrency: 2 });
  // Mostly waiting on the provider, so more of them can run side by side.
  await core.queue.define<VideoJobData>(DREAM_JOBS.video, handlers.video, {
    ...retry,
    concurrency: 4,
    expireInSeconds: 45 * 60,
  });
  await core.queue.define(DREAM_JOBS.expirePublic, async () => {
    const n = await core.dreams.expirePublic();
    if (n) core.logger.info({ expired: n }, 'public dreams left the feed');
  });
  await core.queue.schedule(DREAM_JOBS.expirePublic, '* * * * *');
  await core.queue.define(DREAM_JOBS.sweepStalled, async () => {
    await handlers.sweepStalled();
  });
  await core.queue.schedule(DREAM_JOBS.sweepStalled, '*/5 * * * *');
  // Some zone's day begins every quarter of an hour; its waiting dreams start within minutes of it.
  await core.queue.define(DREAM_JOBS.sweepWaiting, async () => {
    const n = await core.dreams.sweepWaiting();
    if (n) core.logger.info({ started: n }, 'waiting dreams sent to analysis');
  });
  await core.queue.schedule(DREAM_JOBS.sweepWaiting, '*/10 * * * *');
}
