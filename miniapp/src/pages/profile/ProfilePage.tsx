import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import type { Language, NotificationSettings, User, UserSettingsPatch } from '../../api/types.ts';
import { useUser } from '../../auth/AuthProvider.tsx';
import { ChartIcon, ChevronRightIcon } from '../../components/icons.tsx';
import { Page } from '../../components/Page.tsx';
import { useToast } from '../../components/Toast.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { createTranslator, LANGUAGES, loadLanguage, useI18n } from '../../i18n/index.tsx';
import { paths } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { hapticNotify, hapticSelection } from '../../telegram.ts';
import { initialsOf } from './initials.ts';
import { deviceTimeZone, timeZoneGroups } from './timezones.ts';
import '../../styles/forms.css';
import './profile.css';

interface SettingsForm {
  language: Language;
  timezone: string;
  /** 'HH:MM': when the user's day (quotas, journal dates) starts. */
  dayStartsAt: string;
  /** '' when the morning reminder is off. */
  reminderTime: string;
  /** '' when not given. */
  birthDate: string;
  notifications: NotificationSettings;
}

type FieldName = 'language' | 'timezone' | 'day_starts_at' | 'reminder_time' | 'birth_date' | 'notifications';
type FieldErrors = Partial<Record<FieldName, string>>;

const NOTIFICATION_KEYS: readonly (keyof NotificationSettings)[] = [
  'morning',
  'rituals',
  'weekly',
  'generations',
  'resonances',
];

const LANGUAGE_NAMES: Record<Language, string> = { ru: 'Русский', en: 'English' };

function formOf(user: User): SettingsForm {
  return {
    language: user.language,
    timezone: user.timezone,
    dayStartsAt: user.day_starts_at,
    reminderTime: user.reminder_time ?? '',
    birthDate: user.birth_date ?? '',
    notifications: { ...user.notifications },
  };
}

/** Only what the user changed: a PATCH must not rewrite fields the bot may have changed meanwhile. */
function changesOf(user: User, form: SettingsForm): UserSettingsPatch {
  const patch: UserSettingsPatch = {};
  if (form.language !== user.language) patch.language = form.language;
  if (form.timezone !== user.timezone) patch.timezone = form.timezone;
  if (form.dayStartsAt !== user.day_starts_at) patch.day_starts_at = form.dayStartsAt;
  if (form.reminderTime !== (user.reminder_time ?? '')) patch.reminder_time = form.reminderTime || null;
  if (form.birthDate !== (user.birth_date ?? '')) patch.birth_date = form.birthDate || null;
  const notifications: Partial<NotificationSettings> = {};
  for (const key of NOTIFICATION_KEYS) {
    if (form.notifications[key] !== user.notifications[key]) notifications[key] = form.notifications[key];
  }
  // The reminder's time and its switch are one setting on the server: send only the time when it speaks for both.
  if (patch.reminder_time !== undefined) delete notifications.morning;
  if (Object.keys(notifications).length > 0) patch.notifications = notifications;
  return patch;
}

/** Maps the API's field keys (`timezone`, `/notifications/morning`, `body.birth_date`) onto form fields. */
function fieldErrorsOf(fields: Record<string, string>): { known: FieldErrors; unknown: string[] } {
  const known: FieldErrors = {};
  const unknown: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const name = key.replace(/^\/|^body[./]/, '').split(/[./]/)[0] as FieldName;
    if (
      ['language', 'timezone', 'day_starts_at', 'reminder_time', 'birth_date', 'notifications'].includes(name)
    ) {
      known[name] ??= message;
    } else {
      unknown.push(message);
    }
  }
  return { known, unknown };
}

/** `aria-describedby` for a field: its hint, plus its error while one is shown. */
function describedBy(hintId: string | null, errorId: string, error: string | undefined): string | undefined {
  return [hintId, error ? errorId : null].filter(Boolean).join(' ') || undefined;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  );
}

export function ProfilePage() {
  const api = useApi();
  const toast = useToast();
  const { t, language } = useI18n();
  const { user, setUser } = useUser();
  const [form, setForm] = useState<SettingsForm>(() => formOf(user));
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const id = useId();

  // The device's zone may land after the screen opened (useDetectedTimeZone): an untouched field follows it.
  const shownZone = useRef(user.timezone);
  useEffect(() => {
    const previous = shownZone.current;
    shownZone.current = user.timezone;
    setForm((current) => (current.timezone === previous ? { ...current, timezone: user.timezone } : current));
  }, [user.timezone]);

  const zoneGroups = useMemo(() => timeZoneGroups(user.timezone), [user.timezone]);
  const deviceZone = useMemo(deviceTimeZone, []);
  const changes = changesOf(user, form);
  const dirty = Object.keys(changes).length > 0;

  /** Applies an edit and clears the error shown for that field. */
  const update = (field: FieldName, edit: Partial<SettingsForm>) => {
    setForm((current) => ({ ...current, ...edit }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || saving) return;
    setSaving(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const saved = await api.patch('/me', { body: changes });
      // The new language's texts first, so the screen and the toast switch to it together.
      await loadLanguage(saved.language).catch(() => {});
      setUser(saved);
      setForm(formOf(saved));
      hapticNotify('success');
      // Said in the language just chosen: the whole screen switches to it at the same moment.
      toast(createTranslator(saved.language)('settings-saved'));
    } catch (error) {
      hapticNotify('error');
      if (isApiError(error) && Object.keys(error.fields).length > 0) {
        const { known, unknown } = fieldErrorsOf(error.fields);
        setFieldErrors(known);
        setFormError(unknown.length > 0 ? unknown.join(' ') : t('settings-fix-fields'));
      } else {
        setFormError(t('settings-save-failed', { message: describeError(error, t) }));
      }
    } finally {
      setSaving(false);
    }
  };

  const since = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(user.created_at),
  );
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  const ids = {
    timezone: `${id}-timezone`,
    dayStart: `${id}-day-start`,
    reminder: `${id}-reminder`,
    birthDate: `${id}-birth-date`,
    language: `${id}-language`,
  };

  const footer = (
    <>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <button
        type="submit"
        form={`${id}-form`}
        className="button button--primary button--wide"
        disabled={saving || !dirty}
      >
        {saving ? t('settings-saving') : dirty ? t('settings-save') : t('settings-unchanged')}
      </button>
    </>
  );

  return (
    <Page title={t('route-profile')} footer={footer}>
      <section className="profile-card">
        <div className="avatar avatar--large" aria-hidden="true">
          {initialsOf(user)}
        </div>
        <div className="profile-card__body">
          <h2 className="profile-card__name">{fullName}</h2>
          {user.username && <p className="profile-card__username">@{user.username}</p>}
          <p className="profile-card__since">{t('profile-since', { date: since })}</p>
        </div>
        <span className={`badge badge--${user.plan}`}>{t(`plan-${user.plan}`)}</span>
      </section>

      {user.is_admin && (
        <div className="group" style={{ marginTop: 12 }}>
          <Link to={paths.admin} className="row row--link">
            <span className="row__icon">
              <ChartIcon />
            </span>
            <span className="row__body">
              <span className="row__title">{t('route-admin')}</span>
              <span className="row__hint">{t('admin-link-hint')}</span>
            </span>
            <ChevronRightIcon className="row__chevron" />
          </Link>
        </div>
      )}

      <form id={`${id}-form`} onSubmit={onSubmit} noValidate>
        <h2 className="section-title">{t('settings-title')}</h2>
        <div className="group">
          <div className="field">
            <span className="field__label" id={ids.language}>
              {t('settings-language')}
            </span>
            <div className="segmented" role="radiogroup" aria-labelledby={ids.language}>
              {LANGUAGES.map((option) => (
                // biome-ignore lint/a11y/useSemanticElements: a segmented control, styled as one.
                <button
                  key={option}
                  type="button"
                  role="radio"
                  aria-checked={form.language === option}
                  className="segmented__option"
                  onClick={() => {
                    hapticSelection();
                    update('language', { language: option });
                  }}
                >
                  {LANGUAGE_NAMES[option]}
                </button>
              ))}
            </div>
            <FieldError id={`${ids.language}-error`} message={fieldErrors.language} />
          </div>

          <div className="field">
            <label className="field__label" htmlFor={ids.timezone}>
              {t('settings-timezone')}
            </label>
            <div className="select">
              <select
                id={ids.timezone}
                value={form.timezone}
                aria-invalid={fieldErrors.timezone ? true : undefined}
                aria-describedby={describedBy(null, `${ids.timezone}-error`, fieldErrors.timezone)}
                onChange={(event) => update('timezone', { timezone: event.target.value })}
              >
                {zoneGroups.map((group) => (
                  <optgroup key={group.region} label={group.region}>
                    {group.zones.map((zone) => (
                      <option key={zone.value} value={zone.value}>
                        {zone.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <FieldError id={`${ids.timezone}-error`} message={fieldErrors.timezone} />
            {deviceZone && deviceZone !== form.timezone && (
              <button
                type="button"
                className="link-button"
                onClick={() => update('timezone', { timezone: deviceZone })}
              >
                {t('settings-timezone-device', { zone: deviceZone })}
              </button>
            )}
          </div>

          <div className="field">
            <label className="field__label" htmlFor={ids.dayStart}>
              {t('settings-day-start')}
            </label>
            <input
              id={ids.dayStart}
              className="input"
              type="time"
              step={60}
              required
              value={form.dayStartsAt}
              aria-invalid={fieldErrors.day_starts_at ? true : undefined}
              aria-describedby={describedBy(
                `${ids.dayStart}-hint`,
                `${ids.dayStart}-error`,
                fieldErrors.day_starts_at,
              )}
              onChange={(event) => update('day_starts_at', { dayStartsAt: event.target.value })}
            />
            <p className="field__hint" id={`${ids.dayStart}-hint`}>
              {t('settings-day-start-hint')}
            </p>
            <FieldError id={`${ids.dayStart}-error`} message={fieldErrors.day_starts_at} />
          </div>

          <div className="field">
            <label className="field__label" htmlFor={ids.reminder}>
              {t('settings-reminder')}
            </label>
            <div className="field__inline">
              <input
                id={ids.reminder}
                className="input"
                type="time"
                step={60}
                value={form.reminderTime}
                aria-invalid={fieldErrors.reminder_time ? true : undefined}
                aria-describedby={describedBy(
                  `${ids.reminder}-hint`,
                  `${ids.reminder}-error`,
                  fieldErrors.reminder_time,
                )}
                onChange={(event) =>
                  update('reminder_time', {
                    reminderTime: event.target.value,
                    // One setting: a time means the reminder is on, no time means off.
                    notifications: { ...form.notifications, morning: event.target.value !== '' },
                  })
                }
              />
              {form.reminderTime && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    update('reminder_time', {
                      reminderTime: '',
                      notifications: { ...form.notifications, morning: false },
                    })
                  }
                >
                  {t('settings-reminder-clear')}
                </button>
              )}
            </div>
            <p className="field__hint" id={`${ids.reminder}-hint`}>
              {t('settings-reminder-hint')}
            </p>
            <FieldError id={`${ids.reminder}-error`} message={fieldErrors.reminder_time} />
          </div>

          <div className="field">
            <label className="field__label" htmlFor={ids.birthDate}>
              {t('settings-birth-date')}
            </label>
            <input
              id={ids.birthDate}
              className="input"
              type="date"
              min="1900-01-01"
              max={today()}
              value={form.birthDate}
              aria-invalid={fieldErrors.birth_date ? true : undefined}
              aria-describedby={describedBy(
                `${ids.birthDate}-hint`,
                `${ids.birthDate}-error`,
                fieldErrors.birth_date,
              )}
              onChange={(event) => update('birth_date', { birthDate: event.target.value })}
            />
            <p className="field__hint" id={`${ids.birthDate}-hint`}>
              {t('settings-birth-date-hint')}
            </p>
            <FieldError id={`${ids.birthDate}-error`} message={fieldErrors.birth_date} />
          </div>
        </div>

        <h2 className="section-title">{t('settings-notifications')}</h2>
        <div className="group">
          {NOTIFICATION_KEYS.map((key) => (
            <label key={key} className="row switch-row">
              <span className="row__title">{t(`notify-${key}`)}</span>
              <input
                type="checkbox"
                role="switch"
                className="switch"
                checked={form.notifications[key]}
                aria-checked={form.notifications[key]}
                onChange={(event) => {
                  hapticSelection();
                  const on = event.target.checked;
                  update('notifications', {
                    notifications: { ...form.notifications, [key]: on },
                    // The morning switch and the reminder's time are one setting: off clears the time,
                    // on brings back the saved one (the server restores its kept hour otherwise).
                    ...(key === 'morning' ? { reminderTime: on ? (user.reminder_time ?? '') : '' } : {}),
                  });
                }}
              />
            </label>
          ))}
        </div>
        <FieldError id={`${id}-notifications-error`} message={fieldErrors.notifications} />
      </form>
    </Page>
  );
}
