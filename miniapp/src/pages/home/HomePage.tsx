import type { ComponentType, SVGProps } from 'react';
import { useUser } from '../../auth/AuthProvider.tsx';
import {
  ChartIcon,
  ChevronRightIcon,
  FeedIcon,
  JournalIcon,
  MoonIcon,
  SettingsIcon,
  WalletIcon,
} from '../../components/icons.tsx';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { paths } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { initialsOf } from '../profile/initials.ts';

interface QuickAction {
  to: string;
  titleId: string;
  hintId: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  tint: 'violet' | 'blue' | 'pink' | 'amber';
}

const QUICK_ACTIONS: readonly QuickAction[] = [
  {
    to: paths.newDream,
    titleId: 'action-log-dream',
    hintId: 'action-log-dream-hint',
    Icon: MoonIcon,
    tint: 'violet',
  },
  {
    to: paths.dreams,
    titleId: 'action-journal',
    hintId: 'action-journal-hint',
    Icon: JournalIcon,
    tint: 'blue',
  },
  { to: paths.feed, titleId: 'action-feed', hintId: 'action-feed-hint', Icon: FeedIcon, tint: 'pink' },
  {
    to: paths.wallet,
    titleId: 'action-wallet',
    hintId: 'action-wallet-hint',
    Icon: WalletIcon,
    tint: 'amber',
  },
];

/** The hour (0–23) now in the user's time zone; the device's hour if the zone is unknown here. */
function hourIn(timeZone: string): number {
  try {
    const hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(
      new Date(),
    );
    return Number.parseInt(hour, 10);
  } catch {
    return new Date().getHours();
  }
}

function greetingId(hour: number): string {
  if (hour >= 5 && hour < 12) return 'greeting-morning';
  if (hour >= 12 && hour < 17) return 'greeting-day';
  if (hour >= 17 && hour < 23) return 'greeting-evening';
  return 'greeting-night';
}

export function HomePage() {
  const { t } = useI18n();
  const { user } = useUser();

  return (
    <Page>
      <section className="hero">
        <div className="hero__stars" aria-hidden="true" />
        <div className="hero__top">
          <span className={`badge badge--${user.plan}`}>{t(`plan-${user.plan}`)}</span>
          <Link to={paths.profile} className="hero__avatar" aria-label={t('home-settings')}>
            {initialsOf(user)}
          </Link>
        </div>
        <h1 className="hero__greeting">{t(greetingId(hourIn(user.timezone)), { name: user.first_name })}</h1>
        <p className="hero__subtitle">{t('home-subtitle')}</p>
      </section>

      <h2 className="section-title">{t('home-actions')}</h2>
      <nav className="actions" aria-label={t('home-actions')}>
        {QUICK_ACTIONS.map(({ to, titleId, hintId, Icon, tint }) => (
          <Link key={to} to={to} className="action-card">
            <span className={`action-card__icon action-card__icon--${tint}`}>
              <Icon />
            </span>
            <span className="action-card__title">{t(titleId)}</span>
            <span className="action-card__hint">{t(hintId)}</span>
          </Link>
        ))}
      </nav>

      <div className="group">
        <Link to={paths.insights} className="row row--link">
          <span className="row__icon">
            <ChartIcon />
          </span>
          <span className="row__body">
            <span className="row__title">{t('home-insights')}</span>
            <span className="row__hint">{t('home-insights-hint')}</span>
          </span>
          <ChevronRightIcon className="row__chevron" />
        </Link>
        <Link to={paths.profile} className="row row--link">
          <span className="row__icon">
            <SettingsIcon />
          </span>
          <span className="row__body">
            <span className="row__title">{t('home-settings')}</span>
            <span className="row__hint">{t('home-settings-hint')}</span>
          </span>
          <ChevronRightIcon className="row__chevron" />
        </Link>
      </div>
    </Page>
  );
}
