import {
  countSymbolRecurrence,
  type Database,
  type Dream,
  findDreamById,
  findReading,
  findReadingById,
  insertReading,
  listReadings,
  type ReadingVerdict,
  readingVerdictCounts,
  setReadingVerdict,
} from '@mechta/db';
import { analyzeDreamOffline } from '../ai/offline/analyser.ts';
import { type Ai, READING_LENSES, type ReadingInput, type ReadingLensId } from '../ai/types.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../platform/logger.ts';
import { isUuid } from '../platform/media.ts';
import type { WalletService } from '../wallet/service.ts';
import { readDreamOffline } from './offline.ts';
import { type ReadingView, toReadingView } from './view.ts';

/** A symbol "recurs" when it appears in this many days' worth of the journal. */
const RECURRENCE_WINDOW_DAYS = 30;

/** The charge of one lens reading: asking again, or retrying after a crash, pays nothing more. */
export const readingChargeKey = (dreamId: string, lens: ReadingLensId) => `reading:${dreamId}:${lens}`;

export const isReadingLens = (value: unknown): value is ReadingLensId =>
  typeof value === 'string' && (READING_LENSES as readonly string[]).includes(value);

export interface ReadingsDeps {
  db: Database;
  logger: Logger;
  wallet: Pick<WalletService, 'charge' | 'prices'>;
  ai: Pick<Ai, 'text'>;
  now: () => Date;
}

/** Lens readings of a dream (Jungian, cognitive, folk): priced once, stored, marked by the dreamer. */
export function createReadingsService(deps: ReadingsDeps) {
  const { db, wallet, ai, now } = deps;
  const log = deps.logger.child({ module: 'readings' });

  async function ownDream(userId: number, dreamId: string): Promise<Dream> {
    const dream = isUuid(dreamId) ? await findDreamById(db, dreamId) : undefined;
    if (!dream || dream.userId !== userId) throw new AppError('NOT_FOUND', 'dream not found');
    return dream;
  }

  async function inputFor(dream: Dream, lens: ReadingLensId): Promise<ReadingInput> {
    // A dream still waiting for its analysis is read from the offline analysis of its text.
    const analysis =
      dream.analysisStatus === 'done' && dream.analysis
        ? dream.analysis
        : analyzeDreamOffline(dream.text, dream.language);
    const since = new Date(now().getTime() - RECURRENCE_WINDOW_DAYS * 86_400_000);
    const [counts, verdicts] = await Promise.all([
      countSymbolRecurrence(db, dream.userId, dream.symbols, since),
      readingVerdictCounts(db, dream.userId),
    ]);
    const fitting = verdicts.filter((v) => v.fits > v.doesNotFit).sort((a, b) => b.fits - a.fits);
    return {
      lens,
      language: dream.language,
      dreamText: dream.text,
      symbols: analysis.symbols,
      emotions: analysis.emotions,
      recurring: analysis.symbols
        .map((symbol) => ({ symbol, count: counts.get(symbol) ?? 0 }))
        .filter((r) => r.count >= 2),
      favouredLenses: fitting.map((v) => v.lens),
      rejectedLenses: verdicts.filter((v) => v.doesNotFit > v.fits).map((v) => v.lens),
    };
  }

  /** The AI reading when a provider can write one, else (or when it fails) the offline one. */
  async function write(input: ReadingInput): Promise<{ text: string; offline: boolean }> {
    if (ai.text.readDream) {
      try {
        return { text: (await ai.text.readDream(input)).text, offline: false };
      } catch (err) {
        log.warn({ err: String(err), lens: input.lens }, 'reading: provider failed, reading offline');
      }
    }
    return { text: readDreamOffline(input), offline: true };
  }

  return {
    /** Tokens one reading costs. */
    price(): number {
      return wallet.prices().reading;
    },

    async list(userId: number, dreamId: string): Promise<ReadingView[]> {
      const dream = await ownDream(userId, dreamId);
      return (await listReadings(db, dream.id)).map(toReadingView);
    },

    /**
     * The dream's reading through `lens`: the stored one when it exists (nothing charged), else a new
     * one paid for under a key per dream and lens. Throws INSUFFICIENT_TOKENS when the user cannot pay.
     */
    async read(
      userId: number,
      dreamId: string,
      lens: unknown,
    ): Promise<{ reading: ReadingView; charged: number }> {
      if (!isReadingLens(lens)) {
        throw new AppError('VALIDATION_FAILED', 'unknown lens', {
          fields: { lens: 'jung, cognitive or folk' },
        });
      }
      const dream = await ownDream(userId, dreamId);
      const stored = await findReading(db, dream.id, lens);
      if (stored) return { reading: toReadingView(stored), charged: 0 };
      const key = readingChargeKey(dream.id, lens);
      // Charged before writing: if the process dies in between, asking again finds the charge under
      // the same key and writes the reading already paid for (the offline reader cannot fail).
      const charge = await wallet.charge({ userId, action: 'reading', idempotencyKey: key });
      const written = await write(await inputFor(dream, lens));
      const reading = await insertReading(db, {
        dreamId: dream.id,
        userId,
        lens,
        text: written.text,
        offline: written.offline,
        createdAt: now(),
        updatedAt: now(),
      });
      return { reading: toReadingView(reading), charged: charge.alreadyCharged ? 0 : charge.charged };
    },

    /** Sets the verdict of one of the user's readings by its id alone (the chat's buttons carry only that). */
    async markReading(userId: number, readingId: string, verdict: ReadingVerdict): Promise<ReadingView> {
      const reading = isUuid(readingId) ? await findReadingById(db, readingId) : undefined;
      if (!reading || reading.userId !== userId) throw new AppError('NOT_FOUND', 'reading not found');
      return this.setVerdict(userId, reading.dreamId, readingId, verdict);
    },

    async setVerdict(
      userId: number,
      dreamId: string,
      readingId: string,
      verdict: unknown,
    ): Promise<ReadingView> {
      if (verdict !== 'fits' && verdict !== 'does_not_fit' && verdict !== null) {
        throw new AppError('VALIDATION_FAILED', 'unknown verdict', {
          fields: { verdict: 'fits or does_not_fit' },
        });
      }
      const dream = await ownDream(userId, dreamId);
      const updated = isUuid(readingId)
        ? await setReadingVerdict(db, dream.id, readingId, verdict as ReadingVerdict | null, now())
        : undefined;
      if (!updated) throw new AppError('NOT_FOUND', 'reading not found');
      return toReadingView(updated);
    },
  };
}

export type ReadingsService = ReturnType<typeof createReadingsService>;
