import { type Core, createUpdateDeduper, registerDreamsJobs } from '@mechta/core';
import { alertAdminsOnFailedJobs } from '@mechta/core/admin/alerts';
import { registerWalletJobs } from '@mechta/core/wallet/jobs';

/**
 * Every background job the process runs, registered in one place. Each feature's handlers live in
 * core/<feature>/jobs.ts; this only wires them.
 */
export async function registerJobs(core: Core): Promise<void> {
  alertAdminsOnFailedJobs(core);
  await registerWalletJobs(core);
  await registerDreamsJobs(core);
  const deduper = createUpdateDeduper(core);
  // Bounded retention for processed update ids (Redis keys expire on their own).
  await core.queue.define('maintenance.prune-updates', async () => {
    const pruned = await deduper.prune();
    if (pruned) core.logger.debug({ pruned }, 'pruned processed update ids');
  });
  await core.queue.schedule('maintenance.prune-updates', '17 * * * *');
}
