import type { Limits } from '../../api/types.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { hapticSelection } from '../../telegram.ts';
import { MOODS } from './categories.ts';
import { MoodIcon } from './dreamIcons.tsx';
import { charCount } from './format.ts';

/** The fields of a dream that the new-dream form and the editor send, by their API names. */
export type DreamFieldName = 'text' | 'title' | 'mood' | 'lucid' | 'mood_on_waking';
export type DreamFieldErrors = Partial<Record<DreamFieldName, string>>;

const FIELD_NAMES: readonly string[] = ['text', 'title', 'mood', 'lucid', 'mood_on_waking'];

/** The server's limits (from /me), checked before sending so the form can say so at once. */
export function dreamLimitErrors(
  text: string,
  title: string,
  limits: Limits,
  t: Translate,
): DreamFieldErrors {
  const errors: DreamFieldErrors = {};
  const length = charCount(text.trim());
  if (length < limits.dream_text_min) errors.text = t('validation-dream-too-short');
  else if (length > limits.dream_text_max) errors.text = t('validation-dream-too-long');
  if (charCount(title.trim()) > limits.dream_title_max) errors.title = t('validation-dream-title');
  return errors;
}

/**
 * The server names a field `text`, `/text` or `body.text`, and says why as a message or a message
 * id: the dream's own fields, and the messages about anything else.
 */
export function dreamFieldErrors(
  fields: Record<string, string>,
  t: Translate,
): { known: DreamFieldErrors; unknown: string[] } {
  const known: DreamFieldErrors = {};
  const unknown: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const name = key.replace(/^\/|^body[./]/, '').split(/[./]/)[0] ?? '';
    const text = message.startsWith('validation-') ? t(message) : message;
    if (FIELD_NAMES.includes(name)) known[name as DreamFieldName] ??= text;
    else unknown.push(text);
  }
  return { known, unknown };
}

/** Under the dream's text: how long it must be, the character counter, and the field's error. */
export function DreamTextCounter({
  id,
  text,
  limits,
  error,
}: {
  /** The textarea's id; the counter and the error are `<id>-counter` and `<id>-error`. */
  id: string;
  text: string;
  limits: Limits;
  error?: string;
}) {
  const { t } = useI18n();
  const length = charCount(text);
  const state =
    length > limits.dream_text_max
      ? 'over'
      : charCount(text.trim()) >= limits.dream_text_min
        ? 'ok'
        : 'under';
  return (
    <>
      <div className="field__below">
        <span className="field__hint">
          {state === 'under' ? t('new-dream-min', { min: limits.dream_text_min }) : '\u00a0'}
        </span>
        <span id={`${id}-counter`} className={`char-counter char-counter--${state}`}>
          {t('new-dream-counter', { count: length, max: limits.dream_text_max })}
        </span>
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A mood field: the five faces as one radio group (a second tap clears it), and the field's error. */
export function MoodScale({
  id,
  label,
  value,
  onChange,
  optionLabel,
  error,
}: {
  id: string;
  label: string;
  value: number | null;
  onChange(mood: number | null): void;
  /** The accessible name of one face; its visible label is always the mood's own name. */
  optionLabel?: (mood: number) => string;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <span className="field__label" id={id}>
        {label}
      </span>
      <div className="mood-scale" role="radiogroup" aria-labelledby={id}>
        {MOODS.map((mood) => (
          // biome-ignore lint/a11y/useSemanticElements: a scale of faces, styled as one.
          <button
            key={mood}
            type="button"
            role="radio"
            aria-checked={value === mood}
            aria-label={optionLabel ? optionLabel(mood) : t(`mood-${mood}`)}
            className="mood-scale__option"
            onClick={() => {
              hapticSelection();
              onChange(value === mood ? null : mood);
            }}
          >
            <MoodIcon mood={mood} className="mood-scale__face" />
            <span className="mood-scale__label">{t(`mood-${mood}`)}</span>
          </button>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
