import { randomBytes } from 'node:crypto';
import {
  type Database,
  findUserById,
  findUserByReferralCode,
  type NotificationSettings,
  type User,
  type UserUpdate,
  updateUser,
  upsertUser,
} from '@mechta/db';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { isLanguage, type Language, languageFromTelegram } from '../i18n/index.ts';
import type { Cache } from '../platform/cache.ts';
import { parseBirthDate, parseReminderTime, parseTimezone } from './validation.ts';

export interface TelegramUserInput {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface SettingsPatch {
  language?: unknown;
  timezone?: unknown;
  /** The zone the Mini App detected: applied only while the user has not chosen one. */
  timezone_detected?: unknown;
  day_starts_at?: unknown;
  reminder_time?: unknown;
  birth_date?: unknown;
  notifications?: unknown;
}

export const DEFAULT_NOTIFICATIONS: NotificationSettings = {
  morning: true,
  rituals: true,
  weekly: true,
  generations: true,
  resonances: true,
};

const DEFAULT_REMINDER_TIME = '08:00';

/** The morning reminder's time, or null when it is off: `notifications.morning` is the switch. */
export function reminderOf(user: Pick<User, 'reminderTime' | 'notifications'>): string | null {
  const on = { ...DEFAULT_NOTIFICATIONS, ...user.notifications }.morning;
  return on ? user.reminderTime : null;
}

/** The notification switches, the morning one read the same way as `reminderOf`. */
export function notificationsOf(user: Pick<User, 'reminderTime' | 'notifications'>): NotificationSettings {
  const n = { ...DEFAULT_NOTIFICATIONS, ...user.notifications };
  return { ...n, morning: reminderOf(user) !== null };
}

/** The user as the API and the Mini App see it. */
export interface PublicUser {
  id: number;
  first_name: string;
  last_name: string | null;
  username: string | null;
  language: Language;
  timezone: string;
  /** null: never set (UTC); 'auto': detected by the Mini App; 'user': chosen. */
  timezone_source: 'auto' | 'user' | null;
  day_starts_at: string;
  reminder_time: string | null;
  birth_date: string | null;
  notifications: NotificationSettings;
  plan: 'free' | 'pro';
  is_admin: boolean;
  referral_code: string;
  created_at: string;
}

export interface UsersDeps {
  db: Database;
  config: Config;
  /** Caches user rows for the bot's per-update lookup; Redis shares it between instances. */
  cache?: Cache;
  now?: () => Date;
}

/** How long a user row may be served from the cache; every change through this service evicts it. */
const USER_CACHE_SECONDS = 60;
/** last_seen_at is refreshed at most this often: a write per update would be pure overhead. */
const TOUCH_EVERY_MS = 10 * 60_000;

const sameTelegramFields = (u: User, from: TelegramUserInput) =>
  u.firstName === from.first_name &&
  u.lastName === (from.last_name ?? null) &&
  u.username === (from.username ?? null) &&
  u.languageCode === (from.language_code ?? null);

/** Hooks other features attach to registration (e.g. the wallet's starting balance and referral bonus). */
export type UserCreatedHook = (user: User, ctx: { referrer?: User }) => Promise<void>;

export function createUsersService(deps: UsersDeps) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const createdHooks: UserCreatedHook[] = [];

  const isAdmin = (id: number) => config.bot.adminIds.includes(id);
  const cacheKey = (id: number) => `user:${id}`;

  // The last parsed copy per user, reused while the cache hands back the same text (every request
  // of a signed-in user reads the row at least twice; parsing it each time showed in profiles).
  const parsed = new Map<number, { raw: string; user: User }>();
  async function cachedUser(id: number): Promise<User | undefined> {
    const raw = await deps.cache?.get(cacheKey(id));
    if (!raw) return undefined;
    const known = parsed.get(id);
    if (known && known.raw === raw) return { ...known.user };
    const u = JSON.parse(raw) as User;
    const user = {
      ...u,
      createdAt: new Date(u.createdAt),
      updatedAt: new Date(u.updatedAt),
      lastSeenAt: new Date(u.lastSeenAt),
    };
    parsed.delete(id);
    parsed.set(id, { raw, user });
    if (parsed.size > 10_000) parsed.delete(parsed.keys().next().value as number);
    return { ...user };
  }
  const remember = (user: User) =>
    deps.cache?.set(cacheKey(user.id), JSON.stringify(user), USER_CACHE_SECONDS);
  const forget = (id: number) => deps.cache?.del(cacheKey(id));

  /** Every write to a user row goes through here so the cached copy never outlives it. */
  async function applyUpdate(id: number, patch: UserUpdate): Promise<User | undefined> {
    const user = await updateUser(db, id, patch);
    await forget(id);
    return user;
  }

  async function requireUser(id: number): Promise<User> {
    const user = await findUserById(db, id);
    if (!user) throw new AppError('NOT_FOUND', 'user not found');
    return user;
  }

  return {
    isAdmin,
    requireUser,
    findUser: (id: number) => findUserById(db, id),

    /** Caches a user row read elsewhere (the session lookup reads it in the same statement). */
    prime: (user: User) => remember(user),

    /** The user, served from the cache when fresh (every change through this service evicts it). */
    async getUser(id: number): Promise<User | undefined> {
      const cached = await cachedUser(id);
      if (cached) return cached;
      const user = await findUserById(db, id);
      if (user) await remember(user);
      return user;
    },

    onUserCreated(hook: UserCreatedHook) {
      createdHooks.push(hook);
    },

    /**
     * Creates the user on first contact (names, username, language from Telegram) or refreshes the
     * Telegram-owned fields. A `ref_<code>` payload on first contact records who invited them.
     */
    async registerFromTelegram(
      from: TelegramUserInput,
      startPayload?: string,
    ): Promise<{ user: User; created: boolean; referrer?: User }> {
      const cached = await cachedUser(from.id);
      const existing = cached ?? (await findUserById(db, from.id));
      // The common case, a returning user whose Telegram profile is unchanged: no write at all.
      if (
        existing &&
        sameTelegramFields(existing, from) &&
        now().getTime() - existing.lastSeenAt.getTime() < TOUCH_EVERY_MS
      ) {
        if (!cached) await remember(existing);
        return { user: existing, created: false };
      }
      let referrer: User | undefined;
      const refCode = /^ref_([A-Za-z0-9]+)$/.exec(startPayload ?? '')?.[1];
      if (!existing && refCode) {
        const found = await findUserByReferralCode(db, refCode);
        if (found && found.id !== from.id) referrer = found;
      }
      const { user, created } = await upsertUser(db, {
        id: from.id,
        firstName: from.first_name,
        lastName: from.last_name ?? null,
        username: from.username ?? null,
        languageCode: from.language_code ?? null,
        language: languageFromTelegram(from.language_code),
        notifications: JSON.stringify(DEFAULT_NOTIFICATIONS),
        referralCode: randomBytes(6).toString('base64url').replace(/[-_]/g, 'x'),
        referredBy: referrer?.id ?? null,
        startPayload: startPayload ?? null,
        reminderTime: DEFAULT_REMINDER_TIME,
      });
      if (created) {
        for (const hook of createdHooks) await hook(user, { referrer });
      }
      await remember(user);
      return { user, created, referrer: created ? referrer : undefined };
    },

    /** Validates and applies a settings change; every bad field is reported, nothing is half-saved. */
    async updateSettings(userId: number, patch: SettingsPatch): Promise<User> {
      const fields: Record<string, string> = {};
      const update: UserUpdate = {};
      if (patch.language !== undefined) {
        if (isLanguage(patch.language)) update.language = patch.language;
        else fields.language = 'validation-language';
      }
      if (patch.timezone !== undefined) {
        const tz = typeof patch.timezone === 'string' ? parseTimezone(patch.timezone) : undefined;
        if (tz) {
          update.timezone = tz;
          update.timezoneSource = 'user';
        } else fields.timezone = 'validation-timezone';
      }
      if (patch.timezone_detected !== undefined && patch.timezone === undefined) {
        const tz =
          typeof patch.timezone_detected === 'string' ? parseTimezone(patch.timezone_detected) : undefined;
        if (!tz) fields.timezone_detected = 'validation-timezone';
        // A zone the user chose is never overwritten by what a device reports.
        else if ((await requireUser(userId)).timezoneSource !== 'user') {
          update.timezone = tz;
          update.timezoneSource = 'auto';
        }
      }
      if (patch.day_starts_at !== undefined) {
        const t =
          typeof patch.day_starts_at === 'string' ? parseReminderTime(patch.day_starts_at) : undefined;
        if (t) update.dayStartsAt = t;
        else fields.day_starts_at = 'validation-day-start';
      }
      // The reminder's one switch is notifications.morning; reminder_time only keeps its hour, so
      // "off" here and the 🔔 switch are the same fact (null switches it off and keeps the hour).
      let morning: boolean | undefined;
      if (patch.reminder_time !== undefined) {
        // The API's validator coerces a JSON null to '' for a nullable string: both mean off.
        if (patch.reminder_time === null || patch.reminder_time === '') morning = false;
        else {
          const t =
            typeof patch.reminder_time === 'string' ? parseReminderTime(patch.reminder_time) : undefined;
          if (t) {
            update.reminderTime = t;
            morning = true;
          } else fields.reminder_time = 'validation-reminder';
        }
      }
      if (patch.birth_date !== undefined) {
        if (patch.birth_date === null) update.birthDate = null;
        else {
          const d =
            typeof patch.birth_date === 'string' ? parseBirthDate(patch.birth_date, now()) : undefined;
          if (d) update.birthDate = d;
          else fields.birth_date = 'validation-birthdate';
        }
      }
      if (patch.notifications !== undefined || morning !== undefined) {
        const current = await requireUser(userId);
        const next = notificationsOf(current);
        const n = patch.notifications ?? {};
        if (n && typeof n === 'object' && !Array.isArray(n)) {
          for (const [k, v] of Object.entries(n)) {
            if (!(k in DEFAULT_NOTIFICATIONS) || typeof v !== 'boolean') {
              fields[`notifications.${k}`] = 'validation-notification';
            } else next[k as keyof NotificationSettings] = v;
          }
        } else fields.notifications = 'validation-notification';
        if (morning !== undefined) next.morning = morning;
        // Switched on with no hour kept: the default hour, so "on" always has a time to show.
        if (next.morning && update.reminderTime === undefined && !current.reminderTime) {
          update.reminderTime = DEFAULT_REMINDER_TIME;
        }
        update.notifications = JSON.stringify(next);
      }
      if (Object.keys(fields).length > 0) {
        throw new AppError('VALIDATION_FAILED', 'invalid settings', { fields });
      }
      const user = Object.keys(update).length
        ? await applyUpdate(userId, update)
        : await findUserById(db, userId);
      if (!user) throw new AppError('NOT_FOUND', 'user not found');
      return user;
    },

    /** Admin: blocks or unblocks a user; a blocked user's bot updates and API calls are refused. */
    async setBlocked(userId: number, blocked: boolean): Promise<User> {
      const user = await applyUpdate(userId, { isBlocked: blocked });
      if (!user) throw new AppError('NOT_FOUND', 'user not found');
      return user;
    },

    /** Shapes a user row for the API; `plan` is supplied by the wallet once passes exist. */
    toPublic(user: User, plan: 'free' | 'pro' = 'free'): PublicUser {
      return {
        id: user.id,
        first_name: user.firstName,
        last_name: user.lastName,
        username: user.username,
        language: user.language,
        timezone: user.timezone,
        timezone_source: user.timezoneSource,
        day_starts_at: user.dayStartsAt,
        reminder_time: reminderOf(user),
        birth_date: user.birthDate,
        notifications: notificationsOf(user),
        plan,
        is_admin: isAdmin(user.id),
        referral_code: user.referralCode,
        created_at: user.createdAt.toISOString(),
      };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
