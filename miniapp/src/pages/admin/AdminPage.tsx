import { useState } from 'react';
import { Page } from '../../components/Page.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hapticSelection } from '../../telegram.ts';
import { useApiResource } from '../wallet/useApiResource.ts';
import { PaymentsList } from './PaymentsList.tsx';
import { SeriesCharts, StatTiles, TokenFlowChart } from './StatsOverview.tsx';
import { UserSearch } from './UserSearch.tsx';
import { useAdminOnly } from './useAdminOnly.ts';
import '../../styles/forms.css';
import '../wallet/wallet.css';
import './admin.css';

const TABS = ['overview', 'payments', 'users'] as const;
type Tab = (typeof TABS)[number];
/** The open tab outlives a visit to a user's screen and back. */
const TAB_KEY = 'mechta.admin-tab';

function storedTab(): Tab {
  const saved = window.sessionStorage.getItem(TAB_KEY);
  return (TABS as readonly string[]).includes(saved ?? '') ? (saved as Tab) : 'overview';
}

function Overview() {
  const { t } = useI18n();
  const stats = useApiResource('/admin/stats');
  if (!stats.data) {
    return stats.error ? (
      <div className="group admin-error" role="alert">
        <p>{t('wallet-load-failed', { message: describeError(stats.error, t) })}</p>
        <button type="button" className="link-button" onClick={() => void stats.reload()}>
          {t('wallet-retry')}
        </button>
      </div>
    ) : (
      <div className="group admin-placeholder admin-placeholder--tall" aria-busy="true">
        <span className="spinner" />
      </div>
    );
  }
  return (
    <>
      <StatTiles stats={stats.data} />
      <h2 className="section-title">{t('admin-charts')}</h2>
      <SeriesCharts series={stats.data.series} users={stats.data.users} />
      <TokenFlowChart byKind={stats.data.tokens_by_kind} />
    </>
  );
}

/** The admin dashboard: figures and charts, payments with refunds, and user lookup. */
export function AdminPage() {
  const { t } = useI18n();
  const allowed = useAdminOnly();
  const [tab, setTab] = useState<Tab>(storedTab);

  if (!allowed) return null;

  const choose = (next: Tab) => {
    hapticSelection();
    setTab(next);
    window.sessionStorage.setItem(TAB_KEY, next);
  };

  return (
    <Page title={t('route-admin')}>
      <div className="segmented admin-tabs" role="tablist" aria-label={t('route-admin')}>
        {TABS.map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            id={`admin-tab-${option}`}
            aria-selected={tab === option}
            aria-controls="admin-panel"
            className="segmented__option admin-tabs__option"
            onClick={() => choose(option)}
          >
            {t(`admin-tab-${option}`)}
          </button>
        ))}
      </div>
      <div id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${tab}`} className="admin-panel">
        {tab === 'overview' && <Overview />}
        {tab === 'payments' && <PaymentsList />}
        {tab === 'users' && <UserSearch />}
      </div>
    </Page>
  );
}
