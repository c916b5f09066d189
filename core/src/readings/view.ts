import type { DreamReading, ReadingVerdict } from '@mechta/db';
import type { ReadingLensId } from '../ai/types.ts';

/** A reading as the API and the bot show it. */
export interface ReadingView {
  id: string;
  lens: ReadingLensId;
  text: string;
  offline: boolean;
  created_at: string;
  verdict: ReadingVerdict | null;
}

export function toReadingView(reading: DreamReading): ReadingView {
  return {
    id: reading.id,
    lens: reading.lens,
    text: reading.text,
    offline: reading.offline,
    created_at: reading.createdAt.toISOString(),
    verdict: reading.verdict,
  };
}
