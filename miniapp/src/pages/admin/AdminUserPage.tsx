import { type FormEvent, useId, useState } from 'react';
import type { AdminUser } from '../../api/admin.ts';
import { useApi } from '../../api/context.tsx';
import type { Plan } from '../../api/wallet.ts';
import { Page } from '../../components/Page.tsx';
import { useToast } from '../../components/Toast.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hapticNotify, hapticSelection } from '../../telegram.ts';
import { initialsOf } from '../profile/initials.ts';
import { formatExpiry, formatMoment, formatNumber, formatPassDuration } from '../wallet/format.ts';
import { useApiResource } from '../wallet/useApiResource.ts';
import { PaymentsList } from './PaymentsList.tsx';
import { UserBadges } from './UserSearch.tsx';
import { useAdminOnly } from './useAdminOnly.ts';
import '../../styles/forms.css';
import '../profile/profile.css';
import '../wallet/wallet.css';
import './admin.css';

/** Pass lengths an admin picks from (PRODUCT.md §4). */
const PASS_HOURS = [1, 12, 24, 168, 720] as const;

/** A key that makes a retried grant move the tokens once; `crypto.randomUUID` needs a secure page. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function TokensForm({ userId, onDone }: { userId: number; onDone: () => void }) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const id = useId();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Kept across a failed attempt so that retrying the same change cannot apply it twice.
  const [key, setKey] = useState(newIdempotencyKey);

  const value = Number(amount);
  const valid = Number.isInteger(value) && value > 0 && reason.trim().length > 0;

  const edit = (apply: () => void) => {
    apply();
    setError(null);
    setKey(newIdempotencyKey());
  };

  const submit = async (direction: 1 | -1) => {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.post('/admin/users/{id}/tokens', {
        params: { path: { id: userId } },
        body: {
          amount: direction * value,
          reason: reason.trim(),
          idempotency_key: `${key}-${direction > 0 ? 'grant' : 'revoke'}`,
        },
      });
      hapticNotify('success');
      toast(
        result.change >= 0
          ? t('admin-granted', { count: result.change })
          : t('admin-revoked', { count: -result.change }),
      );
      setAmount('');
      setReason('');
      setKey(newIdempotencyKey());
      onDone();
    } catch (failure) {
      hapticNotify('error');
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="group admin-form" onSubmit={(event: FormEvent) => event.preventDefault()} noValidate>
      <div className="admin-form__fields">
        <div className="admin-form__field admin-form__field--amount">
          <label className="field__label" htmlFor={`${id}-amount`}>
            {t('admin-tokens-amount')}
          </label>
          <input
            id={`${id}-amount`}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={amount}
            onChange={(event) => edit(() => setAmount(event.target.value))}
          />
        </div>
        <div className="admin-form__field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('admin-tokens-reason')}
          </label>
          <input
            id={`${id}-reason`}
            className="input"
            type="text"
            maxLength={200}
            placeholder={t('admin-tokens-reason-placeholder')}
            value={reason}
            onChange={(event) => edit(() => setReason(event.target.value))}
          />
        </div>
      </div>
      {error && (
        <p className="admin-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="admin-form__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={!valid || busy}
          onClick={() => submit(-1)}
        >
          {t('admin-revoke')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!valid || busy}
          onClick={() => submit(1)}
        >
          {t('admin-grant')}
        </button>
      </div>
    </form>
  );
}

function PlanForm({ userId, current, onDone }: { userId: number; current: Plan; onDone: () => void }) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const id = useId();
  const [plan, setPlan] = useState<Plan>(current === 'pro' ? 'free' : 'pro');
  const [hours, setHours] = useState<number>(24);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = plan === 'pro' ? { plan, hours } : { plan };
      await api.post('/admin/users/{id}/plan', { params: { path: { id: userId } }, body });
      hapticNotify('success');
      toast(t('admin-plan-done'));
      onDone();
    } catch (failure) {
      hapticNotify('error');
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="group admin-form" onSubmit={submit} noValidate>
      <div className="segmented" role="radiogroup" aria-label={t('admin-plan')}>
        {(['free', 'pro'] as const).map((option) => (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control, styled as one.
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={plan === option}
            className="segmented__option"
            onClick={() => {
              hapticSelection();
              setPlan(option);
            }}
          >
            {t(`plan-${option}`)}
          </button>
        ))}
      </div>
      {plan === 'pro' ? (
        <div className="admin-form__field">
          <label className="field__label" htmlFor={`${id}-hours`}>
            {t('admin-plan-hours')}
          </label>
          <div className="select">
            <select
              id={`${id}-hours`}
              value={hours}
              onChange={(event) => setHours(Number(event.target.value))}
            >
              {PASS_HOURS.map((option) => (
                <option key={option} value={option}>
                  {formatPassDuration(option, t)}
                </option>
              ))}
            </select>
          </div>
          <p className="field__hint">
            {t(current === 'pro' ? 'admin-plan-extend-hint' : 'admin-plan-pro-hint')}
          </p>
        </div>
      ) : (
        <p className="field__hint admin-form__hint">{t('admin-plan-free-hint')}</p>
      )}
      {error && (
        <p className="admin-form__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--wide"
        disabled={busy || (plan === 'free' && current === 'free')}
      >
        {t('admin-plan-apply')}
      </button>
    </form>
  );
}

function AccessCard({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = user.first_name;

  const apply = async (action: 'block' | 'unblock') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/admin/users/{id}/${action}`, { params: { path: { id: user.id } } });
      hapticNotify(action === 'block' ? 'warning' : 'success');
      toast(t(action === 'block' ? 'admin-blocked-done' : 'admin-unblocked-done'));
      setConfirming(false);
      onDone();
    } catch (failure) {
      hapticNotify('error');
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="group admin-form">
      <p className="admin-form__hint">
        {user.is_blocked ? t('admin-access-blocked', { name }) : t('admin-access-active', { name })}
      </p>
      {error && (
        <p className="admin-form__error" role="alert">
          {error}
        </p>
      )}
      {user.is_blocked ? (
        <button
          type="button"
          className="button button--secondary button--wide"
          disabled={busy}
          onClick={() => apply('unblock')}
        >
          {t('admin-unblock')}
        </button>
      ) : user.is_admin ? (
        <p className="field__hint">{t('admin-access-admin')}</p>
      ) : confirming ? (
        <div className="admin-confirm">
          <p className="admin-confirm__text">{t('admin-block-confirm', { name })}</p>
          <div className="admin-confirm__buttons">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              {t('admin-cancel')}
            </button>
            <button
              type="button"
              className="button admin-danger"
              disabled={busy}
              onClick={() => apply('block')}
            >
              {t('admin-block')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button admin-danger-soft button--wide"
          onClick={() => setConfirming(true)}
        >
          {t('admin-block')}
        </button>
      )}
    </div>
  );
}

/** One user as an admin sees them: profile, wallet, and the actions on both. */
export function AdminUserPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const allowed = useAdminOnly();
  const valid = /^\d{1,15}$/.test(id);
  const details = useApiResource(allowed && valid ? '/admin/users/{id}' : null, {
    params: { path: { id: Number(id) } },
  });
  const reload = () => void details.reload();

  if (!allowed) return null;

  const data = details.data;
  if (!data) {
    return (
      <Page title={t('route-admin-user')}>
        {details.error || !valid ? (
          <section className="notice" role="alert">
            <div className="notice__orb" aria-hidden="true" />
            <h2 className="notice__title">{t('admin-user-missing')}</h2>
            {details.error !== null && <p className="notice__text">{describeError(details.error, t)}</p>}
          </section>
        ) : (
          <div className="group admin-placeholder admin-placeholder--tall" aria-busy="true">
            <span className="spinner" />
          </div>
        )}
      </Page>
    );
  }

  const { user, wallet } = data;
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  const since = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(user.created_at),
  );

  return (
    <Page title={t('route-admin-user')}>
      <section className="profile-card">
        <div className="avatar avatar--large" aria-hidden="true">
          {initialsOf(user)}
        </div>
        <div className="profile-card__body">
          <h2 className="profile-card__name">{fullName}</h2>
          <p className="profile-card__username">
            {user.username ? `@${user.username} · ` : ''}
            {user.id}
          </p>
          <UserBadges user={user} plan={wallet.plan} />
        </div>
      </section>

      <dl className="group facts">
        <Fact label={t('admin-fact-balance')} value={t('wallet-token-count', { count: wallet.balance })} />
        <Fact
          label={t('admin-fact-plan')}
          value={
            wallet.plan === 'pro' && wallet.pass_expires_at
              ? t('admin-fact-pro-until', { date: formatExpiry(wallet.pass_expires_at, language) })
              : t('plan-free')
          }
        />
        <Fact
          label={t('admin-fact-quotas')}
          value={t('admin-fact-quotas-value', {
            text: wallet.quotas.text.used,
            textLimit: wallet.quotas.text.limit,
            image: wallet.quotas.image.used,
            imageLimit: wallet.quotas.image.limit,
          })}
        />
        <Fact
          label={t('admin-fact-payments')}
          value={t('admin-fact-payments-value', {
            count: wallet.payments,
            stars: wallet.stars_paid,
          })}
        />
        <Fact label={t('admin-fact-referrals')} value={formatNumber(wallet.referrals, language)} />
        <Fact label={t('admin-fact-joined')} value={since} />
        <Fact label={t('admin-fact-seen')} value={formatMoment(user.last_seen_at, language, t)} />
        <Fact label={t('admin-fact-language')} value={`${user.language} · ${user.timezone}`} />
      </dl>

      <h2 className="section-title">{t('admin-section-tokens')}</h2>
      <TokensForm userId={user.id} onDone={reload} />

      <h2 className="section-title">{t('admin-section-plan')}</h2>
      <PlanForm
        key={wallet.plan + (wallet.pass_expires_at ?? '')}
        userId={user.id}
        current={wallet.plan}
        onDone={reload}
      />

      <h2 className="section-title">{t('admin-section-access')}</h2>
      <AccessCard user={user} onDone={reload} />

      <h2 className="section-title">{t('admin-section-payments')}</h2>
      <PaymentsList userId={user.id} />
    </Page>
  );
}
