import { type ReactNode, useId, useMemo } from 'react';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AdminStats, DailyPoint } from '../../api/admin.ts';
import type { Language } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatNumber } from '../wallet/format.ts';
import { Stars } from '../wallet/Offers.tsx';

const CHART_HEIGHT = 168;
/** Amber of Telegram Stars, readable on light and dark cards alike. */
const STARS_COLOUR = '#f5a524';
const INCOME_COLOUR = '#2fb47c';
const OUTGO_COLOUR = '#e5656b';

interface ThemeColours {
  accent: string;
  hint: string;
  grid: string;
  card: string;
  text: string;
}

/**
 * The theme's colours as SVG needs them: chart strokes are attributes, which cannot use CSS
 * variables everywhere, so the values are read from the page (Telegram's theme or our fallbacks).
 */
function useThemeColours(): ThemeColours {
  const scheme = document.documentElement.dataset.scheme;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours change with the scheme.
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
      accent: read('--accent', '#7357f6'),
      hint: read('--tg-theme-hint-color', read('--fb-hint', '#8a869b')),
      grid: read('--tg-theme-section-separator-color', read('--fb-separator', 'rgba(40, 30, 90, 0.09)')),
      card: read('--tg-theme-section-bg-color', read('--fb-card', '#ffffff')),
      text: read('--tg-theme-text-color', read('--fb-text', '#1d1b29')),
    };
  }, [scheme]);
}

function dayLabel(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function Tile({ label, value, note }: { label: string; value: ReactNode; note?: string }) {
  return (
    <div className="admin-tile">
      <span className="admin-tile__label">{label}</span>
      <span className="admin-tile__value">{value}</span>
      {note && <span className="admin-tile__note">{note}</span>}
    </div>
  );
}

/** The figures an admin checks first. */
export function StatTiles({ stats }: { stats: AdminStats }) {
  const { t, language } = useI18n();
  const n = (value: number) => formatNumber(value, language);
  return (
    <div className="admin-tiles" data-testid="admin-tiles">
      <Tile label={t('admin-stat-users')} value={n(stats.users)} />
      <Tile label={t('admin-stat-active-today')} value={n(stats.active_today)} />
      <Tile label={t('admin-stat-active-week')} value={n(stats.active_week)} />
      <Tile
        label={t('admin-stat-payments')}
        value={n(stats.payments)}
        note={
          stats.refunded_payments > 0
            ? t('admin-stat-refunded', { count: stats.refunded_payments })
            : undefined
        }
      />
      <Tile label={t('admin-stat-revenue')} value={<Stars stars={stats.stars_revenue} />} />
      <Tile
        label={t('admin-stat-tokens-issued')}
        value={n(stats.tokens_issued)}
        note={stats.tokens_revoked > 0 ? t('admin-stat-revoked', { count: stats.tokens_revoked }) : undefined}
      />
      <Tile label={t('admin-stat-tokens-spent')} value={n(stats.tokens_spent)} />
    </div>
  );
}

function ChartCard({ title, total, children }: { title: string; total: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <figure className="admin-chart" aria-labelledby={titleId}>
      <figcaption className="admin-chart__head">
        <span id={titleId} className="admin-chart__title">
          {title}
        </span>
        <span className="admin-chart__total">{total}</span>
      </figcaption>
      <div className="admin-chart__plot">{children}</div>
    </figure>
  );
}

type SeriesKey = 'new_users' | 'stars_revenue' | 'payments';

function useTooltipStyle(colours: ThemeColours) {
  return {
    contentStyle: {
      background: colours.card,
      border: 'none',
      borderRadius: 12,
      boxShadow: '0 6px 24px rgba(0, 0, 0, 0.16)',
      color: colours.text,
      fontSize: 13,
    },
    labelStyle: { color: colours.hint, marginBottom: 2 },
    itemStyle: { color: colours.text, padding: 0 },
    cursor: { fill: colours.grid, stroke: colours.grid },
  };
}

/** Room for the Y axis's longest label: tight, but never clipping a figure. */
function axisWidth(values: number[]): number {
  const longest = String(Math.max(0, ...values.map((value) => Math.round(value)))).length;
  return 14 + longest * 7;
}

/**
 * Daily series of the last 30 days: users (the running total as an area, each day's newcomers as
 * faint bars) and Stars revenue per day.
 */
export function SeriesCharts({ series, users }: { series: DailyPoint[]; users: number }) {
  const { t, language } = useI18n();
  const colours = useThemeColours();
  const tooltip = useTooltipStyle(colours);
  const gradientId = useId().replace(/:/g, '');
  const data = useMemo(() => {
    // The series holds newcomers per day; the running total is counted back from today's total.
    let later = 0;
    const totals = new Array<number>(series.length);
    for (let index = series.length - 1; index >= 0; index--) {
      totals[index] = users - later;
      later += series[index]?.new_users ?? 0;
    }
    return series.map((point, index) => ({
      ...point,
      total_users: totals[index] ?? users,
      label: dayLabel(point.day, language),
    }));
  }, [series, users, language]);
  const sum = (key: SeriesKey) => series.reduce((total, point) => total + point[key], 0);
  const axis = {
    stroke: colours.hint,
    tick: { fill: colours.hint, fontSize: 11 },
    tickLine: false,
    axisLine: false,
  } as const;
  const margin = { top: 8, right: 8, bottom: 0, left: -4 };

  return (
    <>
      <ChartCard
        title={t('admin-chart-users')}
        total={t('admin-chart-users-total', { total: users, added: sum('new_users') })}
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <ComposedChart data={data} margin={margin}>
            <defs>
              <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={colours.accent} stopOpacity={0.4} />
                <stop offset="100%" stopColor={colours.accent} stopOpacity={0.03} />
              </linearGradient>
            </defs>
            <CartesianGrid vertical={false} stroke={colours.grid} yAxisId="total" />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
            <YAxis
              {...axis}
              yAxisId="total"
              allowDecimals={false}
              width={axisWidth(data.map((point) => point.total_users))}
            />
            <YAxis
              yAxisId="new"
              orientation="right"
              width={0}
              hide
              allowDecimals={false}
              domain={[0, (max: number) => Math.max(1, max) * 3]}
            />
            <Tooltip
              {...tooltip}
              formatter={(value, name) => [
                value,
                t(name === 'new_users' ? 'admin-chart-users-new' : 'admin-chart-users-series'),
              ]}
            />
            <Bar
              yAxisId="new"
              dataKey="new_users"
              fill={colours.accent}
              fillOpacity={0.28}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
            <Area
              yAxisId="total"
              type="monotone"
              dataKey="total_users"
              stroke={colours.accent}
              strokeWidth={2.2}
              fill={`url(#${gradientId})`}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard
        title={t('admin-chart-revenue')}
        total={`${t('admin-stars', { count: sum('stars_revenue') })} · ${t('admin-chart-payments-total', { count: sum('payments') })}`}
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={data} margin={margin}>
            <CartesianGrid vertical={false} stroke={colours.grid} />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
            <YAxis
              {...axis}
              allowDecimals={false}
              width={axisWidth(data.map((point) => point.stars_revenue))}
            />
            <Tooltip
              {...tooltip}
              formatter={(value) => [
                t('admin-stars', { count: Number(value) }),
                t('admin-chart-revenue-series'),
              ]}
            />
            <Bar
              dataKey="stars_revenue"
              fill={STARS_COLOUR}
              radius={[4, 4, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    </>
  );
}

/** Where tokens came from and went: net tokens per ledger kind, income green and outgo red. */
export function TokenFlowChart({ byKind }: { byKind: Record<string, number> }) {
  const { t, language } = useI18n();
  const colours = useThemeColours();
  const tooltip = useTooltipStyle(colours);
  const data = Object.entries(byKind)
    .filter(([, value]) => value !== 0)
    .map(([kind, value]) => {
      const label = t(`ledger-${kind}`);
      return { kind, value, label: label.startsWith('ledger-') ? kind : label };
    })
    .sort((a, b) => b.value - a.value);
  if (data.length === 0) return null;
  const net = data.reduce((total, row) => total + row.value, 0);
  return (
    <ChartCard
      title={t('admin-chart-tokens')}
      total={t('admin-chart-tokens-net', { count: formatNumber(net, language) })}
    >
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 16)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={colours.grid} />
          <XAxis
            type="number"
            stroke={colours.hint}
            tick={{ fill: colours.hint, fontSize: 11 }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={128}
            stroke={colours.hint}
            tick={{ fill: colours.text, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip {...tooltip} formatter={(value) => [value, t('admin-chart-tokens-series')]} />
          <Bar dataKey="value" radius={4} isAnimationActive={false}>
            {data.map((row) => (
              <Cell key={row.kind} fill={row.value > 0 ? INCOME_COLOUR : OUTGO_COLOUR} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
