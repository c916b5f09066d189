import type { Core } from '../core.ts';
import { escapeHtml } from '../lib/html.ts';

/** At most one alert per job name in this window, so an outage does not flood the admins' chats. */
const ALERT_WINDOW_SECONDS = 10 * 60;

/** Tells every admin (in their language) when a background job fails for good. */
export function alertAdminsOnFailedJobs(core: Core): void {
  core.queue.onFinalFailure(async (failure) => {
    const fresh = await core.cache.setIfAbsent(`alert:job:${failure.name}`, '1', ALERT_WINDOW_SECONDS);
    if (!fresh) return;
    const error = failure.error instanceof Error ? failure.error.message : String(failure.error);
    for (const adminId of core.config.bot.adminIds) {
      const language = (await core.users.getUser(adminId))?.language ?? 'en';
      const text = core.translator.t(language, 'admin-alert-job-failed', {
        // Alerts go out as HTML, and error text quotes whatever failed (SQL, provider answers, input).
        job: escapeHtml(failure.name),
        id: escapeHtml(failure.id),
        error: escapeHtml(error.slice(0, 300)),
      });
      await core.notifier
        .text(adminId, text)
        .catch((err) => core.logger.warn({ err, adminId }, 'admin alert not delivered'));
    }
  });
}
