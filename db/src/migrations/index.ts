import type { Migration } from 'kysely';
import * as foundation from './2026-11-21T01-foundation.ts';
import * as wallet from './2026-11-21T03-wallet.ts';
import * as dreams from './2026-11-21T04-dreams.ts';
import * as dreamsStalled from './2026-11-21T05-dreams-stalled.ts';
import * as paymentRefunds from './2026-12-04T01-payment-refunds.ts';
import * as dreamsQuotaWait from './2026-12-05T01a-dreams-quota-wait.ts';
import * as dreamsReanalysis from './2026-12-05T01c-dreams-reanalysis.ts';
import * as dreamsReadings from './2026-12-05T01g-dreams-readings.ts';
import * as dreamsVoice from './2026-12-05T04-dreams-voice-d.ts';
import * as time from './2026-12-05T05-time.ts';

/**
 * Every migration, in order. Listed statically (not read from the folder) so that they load the
 * same way under tsx, vitest and any bundler. Add new ones at the end; never edit a landed one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-21T01-foundation': foundation,
  '2026-11-21T03-wallet': wallet,
  '2026-11-21T04-dreams': dreams,
  '2026-11-21T05-dreams-stalled': dreamsStalled,
  '2026-12-04T01-payment-refunds': paymentRefunds,
  '2026-12-05T01a-dreams-quota-wait': dreamsQuotaWait,
  '2026-12-05T01c-dreams-reanalysis': dreamsReanalysis,
  '2026-12-05T04-dreams-voice-d': dreamsVoice,
  '2026-12-05T01g-dreams-readings': dreamsReadings,
  '2026-12-05T05-time': time,
};
