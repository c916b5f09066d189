import { type ReactNode, useEffect, useMemo, useState } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useApi } from '../../api/context.tsx';
import type { DreamInsights } from '../../api/dreams.ts';
import { FlameIcon } from '../../components/icons.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { paths } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { CATEGORY_LOOK } from '../dreams/categories.ts';
import { isoWeekStart } from '../dreams/format.ts';
import { type ThemeColors, useThemeColors } from './useThemeColors.ts';
import '../dreams/dreams.css';

/** Series colours of the emotions chart: Mechta's violet first, then hues far enough apart to tell. */
const EMOTION_COLORS = ['#7b5cff', '#ee6fa8', '#3fb6e8', '#f5a524', '#2fbf9b'];
const SYMBOLS_SHOWN = 8;
/** Weeks drawn before the first one with emotions, so a young journal is not a flat line and a cliff. */
const WEEKS_BEFORE_FIRST = 2;
const MIN_WEEKS = 4;

type Load =
  | { status: 'loading' }
  | { status: 'ready'; insights: DreamInsights }
  | { status: 'error'; error: unknown };

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function tooltipStyle(colors: ThemeColors) {
  return {
    contentStyle: {
      background: colors.card,
      border: `1px solid ${colors.separator}`,
      borderRadius: 12,
      color: colors.text,
      fontSize: 13,
    },
    itemStyle: { color: colors.text },
    labelStyle: { color: colors.hint },
  };
}

function StatTile({
  label,
  value,
  hint,
  icon,
}: {
  label: string;
  value: string;
  hint?: string;
  icon?: ReactNode;
}) {
  return (
    <div className="stat-tile">
      <span className="stat-tile__label">{label}</span>
      <span className="stat-tile__value">
        {icon}
        {value}
      </span>
      {hint && <span className="stat-tile__hint">{hint}</span>}
    </div>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card chart-card">
      <h2 className="card__title">{title}</h2>
      {children}
    </section>
  );
}

function CategoryMix({ insights, colors }: { insights: DreamInsights; colors: ThemeColors }) {
  const { t } = useI18n();
  const data = insights.categories
    .filter((c) => c.count > 0)
    .map((c) => ({ ...c, name: t(`dream-category-${c.category}`) }));
  const sum = data.reduce((total, c) => total + c.count, 0);
  if (sum === 0) return <p className="card__text">{t('insights-no-analysis')}</p>;
  return (
    <div className="donut">
      <div className="donut__chart">
        <ResponsiveContainer width="100%" height={180}>
          <PieChart>
            <Pie
              data={data}
              dataKey="count"
              nameKey="name"
              innerRadius="62%"
              outerRadius="96%"
              paddingAngle={data.length > 1 ? 3 : 0}
              cornerRadius={6}
              stroke={colors.card}
              strokeWidth={2}
              isAnimationActive={!reducedMotion()}
            >
              {data.map((entry) => (
                <Cell key={entry.category} fill={CATEGORY_LOOK[entry.category].color} />
              ))}
            </Pie>
            <Tooltip {...tooltipStyle(colors)} />
          </PieChart>
        </ResponsiveContainer>
        <div className="donut__center" aria-hidden="true">
          <span className="donut__total">{sum}</span>
          <span className="donut__caption">{t('insights-analysed', { count: sum })}</span>
        </div>
      </div>
      <ul className="legend">
        {data.map((entry) => (
          <li key={entry.category} className="legend__item">
            <span className="legend__dot" style={{ background: CATEGORY_LOOK[entry.category].color }} />
            <span className="legend__name">{entry.name}</span>
            <span className="legend__value">{Math.round((entry.count / sum) * 100)}%</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TopSymbols({ insights, colors }: { insights: DreamInsights; colors: ThemeColors }) {
  const { t } = useI18n();
  const data = insights.symbols.slice(0, SYMBOLS_SHOWN);
  if (data.length === 0) return <p className="card__text">{t('insights-no-symbols')}</p>;
  return (
    <ResponsiveContainer width="100%" height={data.length * 34 + 8}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 0, right: 28, bottom: 0, left: 0 }}
        barCategoryGap={7}
      >
        <defs>
          <linearGradient id="symbol-bar" x1="0" y1="0" x2="1" y2="0">
            <stop offset="0%" stopColor="#6d5cff" />
            <stop offset="100%" stopColor="#ee8fc0" />
          </linearGradient>
        </defs>
        <XAxis type="number" hide allowDecimals={false} domain={[0, 'dataMax']} />
        <YAxis
          type="category"
          dataKey="symbol"
          width={104}
          tickLine={false}
          axisLine={false}
          tick={{ fill: colors.text, fontSize: 13 }}
        />
        <Tooltip cursor={{ fill: colors.separator }} {...tooltipStyle(colors)} />
        <Bar
          dataKey="count"
          name={t('insights-times')}
          fill="url(#symbol-bar)"
          radius={[0, 8, 8, 0]}
          isAnimationActive={!reducedMotion()}
        >
          <LabelList dataKey="count" position="right" fill={colors.hint} fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

function EmotionsOverTime({ insights, colors }: { insights: DreamInsights; colors: ThemeColors }) {
  const { t, language } = useI18n();
  const series = insights.emotions.slice(0, EMOTION_COLORS.length).map((e) => e.emotion);
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  const weeks = insights.emotions_over_time;
  const first = weeks.findIndex((week) => Object.values(week.emotions).some((n) => n > 0));
  const shownFrom = Math.max(0, Math.min(first - WEEKS_BEFORE_FIRST, weeks.length - MIN_WEEKS));
  const data = weeks.slice(shownFrom).map((week) => {
    const monday = isoWeekStart(week.week);
    const row: Record<string, string | number> = { week: monday ? format.format(monday) : week.week };
    for (const emotion of series) row[emotion] = week.emotions[emotion] ?? 0;
    return row;
  });
  if (series.length === 0 || first === -1) return <p className="card__text">{t('insights-no-emotions')}</p>;
  return (
    <>
      <ResponsiveContainer width="100%" height={200}>
        <AreaChart data={data} margin={{ top: 8, right: 6, bottom: 0, left: -22 }}>
          <defs>
            {series.map((emotion, index) => (
              <linearGradient key={emotion} id={`emotion-${index}`} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={EMOTION_COLORS[index]} stopOpacity={0.75} />
                <stop offset="100%" stopColor={EMOTION_COLORS[index]} stopOpacity={0.25} />
              </linearGradient>
            ))}
          </defs>
          <CartesianGrid vertical={false} stroke={colors.separator} />
          <XAxis
            dataKey="week"
            tick={{ fill: colors.hint, fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            interval="preserveStartEnd"
            minTickGap={18}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fill: colors.hint, fontSize: 11 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip {...tooltipStyle(colors)} />
          {series.map((emotion, index) => (
            <Area
              key={emotion}
              type="monotone"
              dataKey={emotion}
              stackId="emotions"
              stroke={EMOTION_COLORS[index]}
              strokeWidth={2}
              fill={`url(#emotion-${index})`}
              isAnimationActive={!reducedMotion()}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
      <ul className="legend legend--inline">
        {series.map((emotion, index) => (
          <li key={emotion} className="legend__item">
            <span className="legend__dot" style={{ background: EMOTION_COLORS[index] }} />
            <span className="legend__name">{emotion}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Insights: streaks, lucid share, category mix, recurring symbols and emotions by week. */
export function InsightsPage() {
  const api = useApi();
  const { t, language } = useI18n();
  const colors = useThemeColors();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load.
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    api.get('/dreams/insights', { signal: controller.signal }).then(
      (insights) => setLoad({ status: 'ready', insights }),
      (error: unknown) => !controller.signal.aborted && setLoad({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [api, attempt]);

  const percent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent' }), [language]);

  if (load.status === 'loading') return <PageLoading titleId="route-insights" />;
  if (load.status === 'error') {
    return (
      <Page title={t('route-insights')}>
        <section className="notice" role="alert">
          <h2 className="notice__title">{t('insights-load-failed')}</h2>
          <p className="notice__text">{describeError(load.error, t)}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('dreams-retry')}
          </button>
        </section>
      </Page>
    );
  }

  const { insights } = load;
  if (insights.total === 0) {
    return (
      <Page title={t('route-insights')}>
        <section className="notice">
          <div className="notice__orb" aria-hidden="true" />
          <h2 className="notice__title">{t('insights-empty-title')}</h2>
          <p className="notice__text">{t('insights-empty-text')}</p>
          <Link to={paths.newDream} className="button button--primary">
            {t('journal-empty-action')}
          </Link>
        </section>
      </Page>
    );
  }

  return (
    <Page title={t('route-insights')}>
      <div className="stat-grid">
        <StatTile
          label={t('insights-streak')}
          value={t('dreams-days', { count: insights.streak.current })}
          icon={insights.streak.current > 0 ? <FlameIcon className="stat-tile__icon" /> : undefined}
          hint={t('insights-last-30', { count: insights.streak.days_logged_last_30 })}
        />
        <StatTile
          label={t('insights-longest')}
          value={t('dreams-days', { count: insights.streak.longest })}
          hint={t('insights-longest-hint')}
        />
        <StatTile
          label={t('insights-total')}
          value={String(insights.total)}
          hint={t('insights-total-hint')}
        />
        <StatTile
          label={t('insights-lucid')}
          value={percent.format(insights.lucid_share)}
          hint={t('insights-lucid-hint')}
        />
      </div>

      <ChartCard title={t('insights-categories')}>
        <CategoryMix insights={insights} colors={colors} />
      </ChartCard>
      <ChartCard title={t('insights-symbols')}>
        <TopSymbols insights={insights} colors={colors} />
      </ChartCard>
      <ChartCard title={t('insights-emotions')}>
        <EmotionsOverTime insights={insights} colors={colors} />
      </ChartCard>
    </Page>
  );
}
