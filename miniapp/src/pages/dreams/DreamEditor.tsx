import { type FormEvent, useId, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import type { Dream } from '../../api/dreams.ts';
import type { Limits } from '../../api/types.ts';
import { useToast } from '../../components/Toast.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hapticNotify, hapticSelection } from '../../telegram.ts';
import {
  type DreamFieldErrors,
  type DreamFieldName,
  DreamTextCounter,
  dreamFieldErrors,
  dreamLimitErrors,
  MoodScale,
} from './dreamForm.tsx';
import '../../styles/forms.css';
import './DreamEditor.css';

type Patch = { text?: string; title?: string | null; lucid?: boolean; mood?: number | null };

interface DreamEditorProps {
  dream: Dream;
  limits: Limits;
  /** The saved dream, and whether its text changed (the page then offers a new analysis). */
  onSaved(dream: Dream, textChanged: boolean): void;
  onCancel(): void;
}

/** The detail page's edit mode: text, title, lucid and mood, saved together with PATCH /dreams/{id}. */
export function DreamEditor({ dream, limits, onSaved, onCancel }: DreamEditorProps) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(dream.text);
  const [title, setTitle] = useState(dream.title ?? '');
  const [lucid, setLucid] = useState(dream.lucid);
  const [mood, setMood] = useState<number | null>(dream.mood);
  const [errors, setErrors] = useState<DreamFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const ids = { text: `${id}-text`, title: `${id}-title`, mood: `${id}-mood` };
  const clear = (field: DreamFieldName) => {
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const local = dreamLimitErrors(text, title, limits, t);
    if (Object.keys(local).length > 0) {
      hapticNotify('error');
      setErrors(local);
      document.getElementById(local.text ? ids.text : ids.title)?.focus();
      return;
    }
    // Only what changed is sent: a field left alone is never overwritten.
    const patch: Patch = {};
    if (text.trim() !== dream.text) patch.text = text.trim();
    if ((title.trim() || null) !== dream.title) patch.title = title.trim() || null;
    if (lucid !== dream.lucid) patch.lucid = lucid;
    if (mood !== dream.mood) patch.mood = mood;
    if (Object.keys(patch).length === 0) {
      toast(t('dream-edit-unchanged'));
      onCancel();
      return;
    }
    setSaving(true);
    try {
      const saved = await api.patch('/dreams/{id}', { params: { path: { id: dream.id } }, body: patch });
      hapticNotify('success');
      toast(t('dream-edit-saved'));
      onSaved(saved, patch.text !== undefined);
    } catch (error) {
      hapticNotify('error');
      setSaving(false);
      if (isApiError(error) && Object.keys(error.fields).length > 0) {
        setErrors(dreamFieldErrors(error.fields, t).known);
        setFormError(t('new-dream-fix-fields'));
      } else setFormError(describeError(error, t));
    }
  };

  return (
    <form className="card dream-editor" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        {t('dream-edit-title')}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={ids.text}>
          {t('dream-text')}
        </label>
        <textarea
          id={ids.text}
          className="input textarea"
          rows={8}
          value={text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={`${ids.text}-counter${errors.text ? ` ${ids.text}-error` : ''}`}
          onChange={(event) => {
            setText(event.target.value);
            clear('text');
          }}
        />
        <DreamTextCounter id={ids.text} text={text} limits={limits} error={errors.text} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.title}>
          {t('new-dream-title')}
        </label>
        <input
          id={ids.title}
          className="input"
          type="text"
          value={title}
          placeholder={t('dream-edit-title-hint')}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${ids.title}-error` : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            clear('title');
          }}
        />
        {errors.title && (
          <p id={`${ids.title}-error`} className="field__error" role="alert">
            {errors.title}
          </p>
        )}
      </div>
      <label className="row switch-row">
        <span className="row__body">
          <span className="row__title">{t('new-dream-lucid')}</span>
          <span className="row__hint">{t('new-dream-lucid-hint')}</span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={lucid}
          aria-checked={lucid}
          onChange={(event) => {
            hapticSelection();
            setLucid(event.target.checked);
            clear('lucid');
          }}
        />
      </label>
      <MoodScale
        id={ids.mood}
        label={t('dream-edit-mood')}
        value={mood}
        onChange={(next) => {
          setMood(next);
          clear('mood');
        }}
        error={errors.mood}
      />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={saving}>
          {t('dreams-cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('dream-edit-saving') : t('dream-edit-save')}
        </button>
      </div>
    </form>
  );
}

interface ReanalyseCardProps {
  dream: Dream;
  price: number | null;
  onChange(dream: Dream): void;
}

/** After the text changed: a new analysis on request, priced as an analysis (POST /dreams/{id}/analysis). */
export function ReanalyseCard({ dream, price, onChange }: ReanalyseCardProps) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (dream.analysis_status === 'pending') return null;

  const request = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await api.post('/dreams/{id}/reanalysis', { params: { path: { id: dream.id } } }));
      hapticNotify('success');
      toast(t('dream-reanalyse-started'));
    } catch (error) {
      hapticNotify('error');
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="reanalyse-title">
      <h2 id="reanalyse-title" className="card__title">
        {t('dream-reanalyse-title')}
      </h2>
      <p className="card__text">{t('dream-reanalyse-text')}</p>
      <button
        type="button"
        className="button button--secondary button--wide"
        onClick={request}
        disabled={busy}
      >
        {t('dream-reanalyse')}
        {price !== null && <span className="price-tag">{t('dreams-tokens', { count: price })}</span>}
      </button>
      {problem && (
        <div className="inline-problem" role="alert">
          <p>{problem}</p>
        </div>
      )}
    </section>
  );
}
