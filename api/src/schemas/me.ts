import { LANGUAGES } from '@mechta/core';
import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from '../plugins/envelope.ts';
import { NullableStringEnum, ref, StringEnum } from './registry.ts';
import { Plan } from './wallet.ts';

/** The shapes of the signed-in user (api/src/routes/me.ts, and the sign-in answers of auth.ts). */

export const NotificationSettingsSchema = Type.Object(
  {
    morning: Type.Boolean(),
    rituals: Type.Boolean(),
    weekly: Type.Boolean(),
    generations: Type.Boolean(),
    resonances: Type.Boolean(),
  },
  { $id: 'NotificationSettings', additionalProperties: false },
);

export const LanguageSchema = StringEnum(LANGUAGES, { $id: 'Language' });

const userProperties = {
  id: Type.Integer(),
  first_name: Type.String(),
  last_name: Nullable(Type.String()),
  username: Nullable(Type.String()),
  language: ref(LanguageSchema),
  timezone: Type.String(),
  /** null: never set (UTC); 'auto': detected by the Mini App; 'user': chosen by the user. */
  timezone_source: NullableStringEnum(['auto', 'user']),
  day_starts_at: Type.String({
    description: "HH:MM local time at which the user's day (quotas, streaks, journal dates) starts",
  }),
  reminder_time: Nullable(
    Type.String({ description: "HH:MM in the user's time zone; null when the reminder is off" }),
  ),
  birth_date: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  notifications: ref(NotificationSettingsSchema),
  plan: Plan,
  is_admin: Type.Boolean(),
  referral_code: Type.String(),
  created_at: Type.String(),
};

export const UserSchema = Type.Object(userProperties, { $id: 'User', additionalProperties: false });
export const User = ref(UserSchema);

export const LimitsSchema = Type.Object(
  {
    dream_text_min: Type.Integer({ description: 'Fewest characters a dream may have' }),
    dream_text_max: Type.Integer({ description: 'Most characters a dream may have' }),
    dream_title_max: Type.Integer({ description: 'Most characters a title may have' }),
    dreams_per_day: Type.Integer({ description: 'Dreams a user may log per local day' }),
  },
  {
    $id: 'Limits',
    description: "This server's limits, for the Mini App's forms",
    additionalProperties: false,
  },
);

export const CapabilitiesSchema = Type.Object(
  {
    video: Type.Boolean({ description: 'Videos of dreams can be made' }),
    voice: Type.Boolean({ description: 'Voice notes can be transcribed' }),
    image_ai: Type.Boolean({ description: 'Pictures are drawn by an AI model (otherwise offline art)' }),
  },
  {
    $id: 'Capabilities',
    description: 'What can be done here, so the Mini App offers only that',
    additionalProperties: false,
  },
);

/** The signed-in user with the limits the Mini App's forms check before sending. */
export const MeSchema = Type.Object(
  { ...userProperties, limits: ref(LimitsSchema), capabilities: ref(CapabilitiesSchema) },
  { $id: 'Me', additionalProperties: false },
);
export const Me = ref(MeSchema);
export type MeResult = Static<typeof MeSchema>;

export const SettingsPatchBody = Type.Object(
  {
    language: Type.Optional(Type.String()),
    timezone: Type.Optional(Type.String({ maxLength: 64 })),
    timezone_detected: Type.Optional(
      Type.String({
        maxLength: 64,
        description: "The device's zone; applied only while the user has not chosen one themselves",
      }),
    ),
    day_starts_at: Type.Optional(Type.String({ maxLength: 5 })),
    reminder_time: Type.Optional(Nullable(Type.String({ maxLength: 5 }))),
    birth_date: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    notifications: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
  },
  { additionalProperties: false },
);
