/** Shapes the Mini App reads from `/api/v1` (see CONTRACT.md and the OpenAPI document at /docs). */

export type Language = 'ru' | 'en';

export interface NotificationSettings {
  morning: boolean;
  rituals: boolean;
  weekly: boolean;
  generations: boolean;
  resonances: boolean;
}

export interface User {
  id: number | string;
  first_name: string;
  last_name: string | null;
  username: string | null;
  language: Language;
  timezone: string;
  /** `HH:MM` in the user's time zone, or null when the morning reminder is off. */
  reminder_time: string | null;
  /** `YYYY-MM-DD`. */
  birth_date: string | null;
  notifications: NotificationSettings;
  plan: 'free' | 'pro';
  is_admin: boolean;
  created_at: string;
}

/** What `PATCH /api/v1/me` accepts: any subset of the settings. */
export interface UserSettingsPatch {
  language?: Language;
  timezone?: string;
  reminder_time?: string | null;
  birth_date?: string | null;
  notifications?: Partial<NotificationSettings>;
}

export interface AuthResult {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user: User;
}

/** `GET /api/v1/auth/options`: which sign-in routes this server offers to a plain browser. */
export interface AuthOptions {
  telegram: boolean;
  demo: boolean;
  bot_username: string | null;
}

export interface Pagination {
  page: number;
  page_size: number;
  total: number;
  total_pages: number;
  has_next: boolean;
  has_prev: boolean;
}

export interface EnvelopeError {
  code: string;
  http_code: number;
  message: string;
  details: unknown;
  fields: Record<string, string> | null;
}

export interface EnvelopeMeta {
  request_id: string;
  timestamp: string;
  pagination: Pagination | null;
}

export interface Envelope<T> {
  ok: boolean;
  result: T | null;
  error: EnvelopeError | null;
  meta: EnvelopeMeta;
}
