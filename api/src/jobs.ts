import type { Core } from '@mechta/core';

/**
 * Every background job the process runs, registered in one place. Each feature's handlers live in
 * core/<feature>/jobs.ts; this only wires them.
 */
export async function registerJobs(core: Core): Promise<void> {
  await core.queue.define('maintenance.prune-updates', async () => {
    await core.updates?.prune();
  });
  await core.queue.schedule('maintenance.prune-updates', '17 * * * *');
}
