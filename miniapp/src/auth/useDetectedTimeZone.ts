import { useEffect } from 'react';
import { useApi } from '../api/context.tsx';
import { deviceTimeZone } from '../pages/profile/timezones.ts';
import { useUser } from './AuthProvider.tsx';

/**
 * On the first open, a user who never chose a time zone gets the device's one (the bot would
 * otherwise count their days and reminders in UTC). The server applies it only while the zone was
 * not chosen (`timezone_detected`), so a choice made in the bot meanwhile is never overwritten.
 */
export function useDetectedTimeZone(): void {
  const api = useApi();
  const { user, setUser } = useUser();
  const needed = user.timezone_source === null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per user whose zone is unset.
  useEffect(() => {
    if (!needed) return;
    const zone = deviceTimeZone();
    if (!zone) return;
    let cancelled = false;
    api.patch('/me', { body: { timezone_detected: zone } }).then(
      (saved) => !cancelled && setUser(saved),
      // Not worth a word to the user: the profile still lets them pick one, and the next open retries.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [needed, user.id]);
}
