import { PRICE_ACTIONS, type Wallet } from '../../api/wallet.ts';
import { SparkIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PRICE_ICONS } from './icons.tsx';

/** What each AI action costs, so a price is known before it is spent. */
export function PriceTable({ prices }: { prices: Wallet['prices'] }) {
  const { t } = useI18n();
  // Actions the server prices but this build does not know yet still show, under their own names.
  const actions = [
    ...PRICE_ACTIONS.filter((action) => action in prices),
    ...Object.keys(prices).filter((action) => !(PRICE_ACTIONS as readonly string[]).includes(action)),
  ];
  return (
    <ul className="group price-list">
      {actions.map((action) => {
        const price = prices[action as keyof typeof prices];
        const label = t(`wallet-price-${action}`);
        const ActionIcon = PRICE_ICONS[action] ?? SparkIcon;
        return (
          <li key={action} className="row price-row">
            <span className="price-row__icon">
              <ActionIcon />
            </span>
            <span className="row__title">{label.startsWith('wallet-price-') ? action : label}</span>
            <span className="price-row__cost">
              {price === 0 ? t('wallet-price-free') : t('wallet-token-count', { count: price })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
