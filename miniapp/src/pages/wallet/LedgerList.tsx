import type { PagedList } from '../../api/usePagedList.ts';
import type { LedgerEntry } from '../../api/wallet.ts';
import { SparkIcon } from '../../components/icons.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { formatDelta, formatMoment, formatNumber } from './format.ts';
import { LEDGER_ICONS, PRICE_ICONS } from './icons.tsx';

/** What an entry was, in words: a spend names what it paid for when the server says. */
export function ledgerTitle(entry: LedgerEntry, t: Translate): string {
  const what = entry.action ? t(`wallet-price-${entry.action}`) : '';
  if (what && !what.startsWith('wallet-price-')) {
    if (entry.kind === 'spend') return what;
    if (entry.kind === 'refund') return t('ledger-refund-for', { what });
  }
  const title = t(`ledger-${entry.kind}`);
  return title.startsWith('ledger-') ? entry.label || entry.kind : title;
}

/** An admin's reason is worth showing; machine reasons (offer ids, "invited 42") are not. */
function humanReason(entry: LedgerEntry): string | null {
  return (entry.kind === 'grant' || entry.kind === 'revoke') && entry.reason ? entry.reason : null;
}

function LedgerRow({ entry }: { entry: LedgerEntry }) {
  const { t, language } = useI18n();
  const reason = humanReason(entry);
  const direction = entry.delta > 0 ? 'in' : entry.delta < 0 ? 'out' : 'zero';
  const KindIcon =
    (entry.kind === 'spend' && entry.action ? PRICE_ICONS[entry.action] : undefined) ??
    LEDGER_ICONS[entry.kind] ??
    SparkIcon;
  return (
    <li className="row ledger-row">
      <span className={`ledger-row__icon ledger-row__icon--${direction}`} aria-hidden="true">
        <KindIcon />
      </span>
      <span className="row__body">
        <span className="ledger-row__title">{ledgerTitle(entry, t)}</span>
        <span className="row__hint">
          <time dateTime={entry.created_at}>{formatMoment(entry.created_at, language, t)}</time>
          {reason && <> · {reason}</>}
        </span>
      </span>
      <span className="ledger-row__amounts">
        <span className={`ledger-row__delta ledger-row__delta--${direction}`}>
          {formatDelta(entry.delta, language)}
        </span>
        <span className="ledger-row__after">
          {t('wallet-balance-after', { balance: formatNumber(entry.balance_after, language) })}
        </span>
      </span>
    </li>
  );
}

/** The token history, newest first, a page at a time. */
export function LedgerList({ list }: { list: PagedList<LedgerEntry> }) {
  const { t } = useI18n();
  if (list.status !== 'ready') return <ListStatus list={list} variant="wallet" />;
  if (list.items.length === 0) {
    return <p className="group wallet-empty">{t('wallet-history-empty')}</p>;
  }
  return (
    <>
      <ul className="group ledger-list">
        {list.items.map((entry) => (
          <LedgerRow key={entry.id} entry={entry} />
        ))}
      </ul>
      {list.hasNext && (
        <LoadMoreButton
          variant="wallet-more"
          onClick={list.loadMore}
          loading={list.loadingMore}
          error={list.moreError}
          label={t('wallet-load-more')}
        />
      )}
    </>
  );
}
