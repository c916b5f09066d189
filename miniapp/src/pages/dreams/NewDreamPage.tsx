import { type FormEvent, useEffect, useId, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import type { NewDream } from '../../api/dreams.ts';
import { useUser } from '../../auth/AuthProvider.tsx';
import { Page } from '../../components/Page.tsx';
import { useToast } from '../../components/Toast.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { dreamRoute, paths } from '../../navigation/paths.ts';
import { Link, navigate } from '../../navigation/router.tsx';
import { hapticNotify, hapticSelection } from '../../telegram.ts';
import { MOODS } from './categories.ts';
import {
  type DreamFieldErrors,
  type DreamFieldName,
  DreamTextCounter,
  dreamFieldErrors,
  dreamLimitErrors,
  MoodScale,
} from './dreamForm.tsx';
import '../../styles/forms.css';
import './dreams.css';

interface DreamForm {
  text: string;
  title: string;
  lucid: boolean;
  mood: number | null;
  /** Mood on waking, 1..5 like the mood before sleep. */
  moodOnWaking: number | null;
  /** True for a "no AI" save: the journal only, nothing charged. */
  noAnalysis: boolean;
}

const EMPTY: DreamForm = {
  text: '',
  title: '',
  lucid: false,
  mood: null,
  moodOnWaking: null,
  noAnalysis: false,
};

// A half-written dream survives a closed app: dreams fade fast, and retyping one is worse.
const DRAFT_KEY = 'mechta.dream-draft';

function loadDraft(): DreamForm {
  try {
    const stored = JSON.parse(window.localStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<DreamForm> | null;
    if (!stored || typeof stored !== 'object') return EMPTY;
    return {
      text: typeof stored.text === 'string' ? stored.text : '',
      title: typeof stored.title === 'string' ? stored.title : '',
      lucid: stored.lucid === true,
      mood: typeof stored.mood === 'number' && MOODS.includes(stored.mood as 1) ? stored.mood : null,
      moodOnWaking:
        typeof stored.moodOnWaking === 'number' && MOODS.includes(stored.moodOnWaking as 1)
          ? stored.moodOnWaking
          : null,
      noAnalysis: stored.noAnalysis === true,
    };
  } catch {
    return EMPTY;
  }
}

function saveDraft(form: DreamForm): void {
  try {
    if (form.text || form.title) window.localStorage.setItem(DRAFT_KEY, JSON.stringify(form));
    else window.localStorage.removeItem(DRAFT_KEY);
  } catch {
    // Private mode or a full storage: the draft is a convenience.
  }
}

/** Logging a dream: the text, and optionally a title, the lucid flag and the mood before sleep. */
export function NewDreamPage() {
  const api = useApi();
  const { limits } = useUser().user;
  const toast = useToast();
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState<DreamForm>(loadDraft);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<DreamFieldErrors>({});
  const [formError, setFormError] = useState<{ message: string; topUp: boolean } | null>(null);

  useEffect(() => saveDraft(form), [form]);

  const update = (field: DreamFieldName, edit: Partial<DreamForm>) => {
    setForm((current) => ({ ...current, ...edit }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const local = dreamLimitErrors(form.text, form.title, limits, t);
    if (Object.keys(local).length > 0) {
      hapticNotify('error');
      setFieldErrors(local);
      document.getElementById(local.text ? `${id}-text` : `${id}-title`)?.focus();
      return;
    }
    setSaving(true);
    setFormError(null);
    setFieldErrors({});
    const body: NewDream = { text: form.text.trim(), lucid: form.lucid };
    if (form.mood !== null) body.mood = form.mood;
    if (form.moodOnWaking !== null) body.mood_on_waking = form.moodOnWaking;
    if (form.noAnalysis) body.analyze = false;
    if (form.title.trim()) body.title = form.title.trim();
    try {
      const dream = await api.post('/dreams', { body });
      hapticNotify('success');
      window.localStorage.removeItem(DRAFT_KEY);
      toast(t(form.noAnalysis ? 'new-dream-saved-quiet' : 'new-dream-saved'));
      // The form is done with: Back from the new dream leads to where the user came from.
      navigate(dreamRoute(dream.id), { replace: true });
    } catch (error) {
      hapticNotify('error');
      setSaving(false);
      if (isApiError(error) && Object.keys(error.fields).length > 0) {
        const { known, unknown } = dreamFieldErrors(error.fields, t);
        setFieldErrors(known);
        setFormError({
          message: unknown.length > 0 ? unknown.join(' ') : t('new-dream-fix-fields'),
          topUp: false,
        });
      } else {
        const topUp =
          isApiError(error) && (error.code === 'INSUFFICIENT_TOKENS' || error.code === 'QUOTA_EXCEEDED');
        setFormError({ message: describeError(error, t), topUp });
      }
    }
  };

  const ids = { text: `${id}-text`, title: `${id}-title`, mood: `${id}-mood`, lucid: `${id}-lucid` };

  const footer = (
    <>
      {formError && (
        <p className="form-error" role="alert">
          {formError.message}
          {formError.topUp && (
            <>
              {' '}
              <Link to={paths.wallet} className="inline-link">
                {t('new-dream-top-up')}
              </Link>
            </>
          )}
        </p>
      )}
      <button
        type="submit"
        form={`${id}-form`}
        className="button button--primary button--wide"
        disabled={saving}
      >
        {saving ? t('new-dream-saving') : t('new-dream-save')}
      </button>
    </>
  );

  return (
    <Page title={t('route-dreams-new')} footer={footer}>
      <form id={`${id}-form`} onSubmit={onSubmit} noValidate>
        <div className="group">
          <div className="field">
            <label className="field__label" htmlFor={ids.text}>
              {t('new-dream-text')}
            </label>
            <textarea
              id={ids.text}
              className="input textarea"
              rows={8}
              value={form.text}
              placeholder={t('new-dream-text-placeholder')}
              aria-invalid={fieldErrors.text ? true : undefined}
              aria-describedby={`${ids.text}-counter${fieldErrors.text ? ` ${ids.text}-error` : ''}`}
              onChange={(event) => update('text', { text: event.target.value })}
            />
            <DreamTextCounter id={ids.text} text={form.text} limits={limits} error={fieldErrors.text} />
          </div>

          <div className="field">
            <label className="field__label" htmlFor={ids.title}>
              {t('new-dream-title')}
            </label>
            <input
              id={ids.title}
              className="input"
              type="text"
              value={form.title}
              placeholder={t('new-dream-title-placeholder')}
              aria-invalid={fieldErrors.title ? true : undefined}
              aria-describedby={fieldErrors.title ? `${ids.title}-error` : undefined}
              onChange={(event) => update('title', { title: event.target.value })}
            />
            {fieldErrors.title && (
              <p id={`${ids.title}-error`} className="field__error" role="alert">
                {fieldErrors.title}
              </p>
            )}
          </div>
        </div>

        <div className="group group--spaced">
          <label className="row switch-row">
            <span className="row__body">
              <span className="row__title">{t('new-dream-lucid')}</span>
              <span className="row__hint">{t('new-dream-lucid-hint')}</span>
            </span>
            <input
              type="checkbox"
              role="switch"
              className="switch"
              checked={form.lucid}
              aria-checked={form.lucid}
              onChange={(event) => {
                hapticSelection();
                update('lucid', { lucid: event.target.checked });
              }}
            />
          </label>
          <MoodScale
            id={ids.mood}
            label={t('new-dream-mood')}
            value={form.mood}
            onChange={(mood) => update('mood', { mood })}
            error={fieldErrors.mood}
          />
          <MoodScale
            id={`${id}-waking`}
            label={t('new-dream-mood-waking')}
            value={form.moodOnWaking}
            onChange={(moodOnWaking) => update('mood_on_waking', { moodOnWaking })}
            optionLabel={(mood) => t('dream-mood-waking-badge', { mood: t(`mood-${mood}`) })}
            error={fieldErrors.mood_on_waking}
          />
        </div>

        <div className="group group--spaced">
          <label className="row switch-row">
            <span className="row__body">
              <span className="row__title">{t('new-dream-no-analysis')}</span>
              <span className="row__hint">{t('new-dream-no-analysis-hint')}</span>
            </span>
            <input
              type="checkbox"
              role="switch"
              className="switch"
              checked={form.noAnalysis}
              aria-checked={form.noAnalysis}
              onChange={(event) => {
                hapticSelection();
                setForm((current) => ({ ...current, noAnalysis: event.target.checked }));
              }}
            />
          </label>
        </div>
        <p className="form-note">{t('new-dream-note')}</p>
      </form>
    </Page>
  );
}
