// One ECharts chart from an option object (the server's answer charts, or the series explorer's), drawn in the
// app's palette and type. Resizes with its box and is disposed on unmount. The canvas is an image to screen
// readers: its name says the title and each series' latest point, and a visually hidden table lists them.
import { useEffect, useMemo, useRef } from 'react';
import { useI18n, type Lang, type Translate } from '../i18n.ts';

const FONT = "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif";
const MUTED = '#5b6470';
const GRIDLINE = '#eceef2';
const LEGEND_ROOM = 150;

const BASE = {
  color: ['#1d4ed8', '#d97706', '#0f766e', '#7c3aed', '#be123c', '#0369a1'],
  textStyle: { fontFamily: FONT, color: MUTED },
  title: { left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 600, color: '#1b1f24' } },
  legend: { top: 2, right: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 4, textStyle: { color: MUTED } },
  grid: { left: 8, right: 16, top: 52, bottom: 8, containLabel: true },
  tooltip: { backgroundColor: '#fff', borderColor: '#e3e6eb', textStyle: { color: '#1b1f24', fontSize: 12 } },
};

type Obj = Record<string, unknown>;

function asArray(v: unknown): Obj[] | undefined {
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]) as Obj[];
}

/**
 * Axis defaults cannot go in BASE: ECharts merges component arrays by index, so a second y axis would miss
 * them. Value axes also get compact labels (2,707,446 → 271万 / 2.7M) that fit a phone-width chart.
 */
function styled(option: Obj, lang: Lang): Obj {
  const compact = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { notation: 'compact', maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 });
  const axis = (a: Obj): Obj => ({
    axisLine: { lineStyle: { color: '#c9ced6' } },
    splitLine: { lineStyle: { color: GRIDLINE } },
    nameTextStyle: { color: MUTED, align: 'left' },
    ...a,
    axisLabel: {
      color: MUTED,
      hideOverlap: true,
      ...(a.type === 'value' ? { formatter: (v: number) => (Math.abs(v) >= 1e4 ? compact.format(v) : plain.format(v)) } : {}),
      ...(a.axisLabel as Obj | undefined),
    },
  });
  const tooltip = (option.tooltip as Obj | undefined) ?? {};
  // the points an answer's facts sit on: small rings that name themselves on hover, not ECharts' big pins
  const series = asArray(option.series)?.map((s) =>
    s.markPoint
      ? {
          ...s,
          markPoint: {
            symbol: 'circle',
            symbolSize: 9,
            itemStyle: { borderColor: '#fff', borderWidth: 2 },
            label: { show: false },
            emphasis: { label: { show: true, position: 'top', formatter: '{b}', color: '#1b1f24', fontSize: 11 } },
            ...(s.markPoint as Obj),
          },
        }
      : s,
  );
  return {
    ...option,
    series,
    xAxis: asArray(option.xAxis)?.map(axis),
    yAxis: asArray(option.yAxis)?.map(axis),
    tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? plain.format(v) : String(v ?? '—')), ...tooltip },
  };
}

/** The latest point of one series of a chart, for people who cannot see it. */
export interface LatestPoint {
  name: string;
  value: string;
  date: string;
}

function pointOf(item: unknown, index: number, categories: unknown[] | undefined): [unknown, unknown] {
  const raw = item && typeof item === 'object' && !Array.isArray(item) ? (item as Obj).value : item;
  if (Array.isArray(raw)) return [raw[0], raw[raw.length - 1]];
  return [categories?.[index], raw];
}

function showDate(x: unknown, lang: Lang): string {
  const s = typeof x === 'number' ? new Date(x).toISOString().slice(0, 10) : String(x ?? '');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m && lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
}

/** Each series' last non-empty point, its value with the axis unit (6.75万亿美元 / 6.75 trillions of USD). */
export function latestPoints(option: unknown, lang: Lang): LatestPoint[] {
  const o = (option ?? {}) as Obj;
  const yAxes = asArray(o.yAxis) ?? [];
  const categories = (asArray(o.xAxis)?.[0]?.data as unknown[] | undefined) ?? undefined;
  const fmt = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  const small = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumSignificantDigits: 4 });
  const out: LatestPoint[] = [];
  for (const s of asArray(o.series) ?? []) {
    const data = Array.isArray(s.data) ? (s.data as unknown[]) : [];
    for (let k = data.length - 1; k >= 0; k--) {
      const [x, y] = pointOf(data[k], k, categories);
      if (typeof y !== 'number' || !Number.isFinite(y)) continue;
      const axisName = yAxes[typeof s.yAxisIndex === 'number' ? s.yAxisIndex : 0]?.name;
      const unit = typeof axisName === 'string' && axisName ? (lang === 'zh' ? axisName : ` ${axisName}`) : '';
      const value = `${Math.abs(y) >= 1 || y === 0 ? fmt.format(y) : small.format(y)}${unit}`;
      out.push({ name: typeof s.name === 'string' ? s.name : '', value, date: showDate(x, lang) });
      break;
    }
  }
  return out;
}

/** "美联储总资产：最新值6.75万亿美元（2026年8月19日）": the chart's accessible name. */
export function chartSummary(title: string, points: LatestPoint[], t: Translate, lang: Lang): string {
  if (!points.length) return title;
  const sep = lang === 'zh' ? '；' : '; ';
  const text = points
    .map((p) => t('chart.point', { name: points.length === 1 ? '' : lang === 'zh' ? p.name : `${p.name}:`, value: p.value, date: p.date }).trim())
    .join(sep);
  return t('chart.summary', { title, points: lang === 'en' && points.length === 1 ? text.charAt(0).toUpperCase() + text.slice(1) : text });
}

interface Props {
  option: unknown;
  /** Title of the chart for screen readers (charts are drawn on a canvas); its latest points are added. */
  label: string;
  height?: number;
}

export function EChart({ option, label, height = 320 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const { lang, t } = useI18n();
  const points = useMemo(() => latestPoints(option, lang), [option, lang]);

  useEffect(() => {
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    void import('../charts.ts').then(({ echarts }) => {
      const node = el.current;
      if (cancelled || !node) return;
      const chart = echarts.init(node);
      chart.setOption(BASE);
      chart.setOption(styled(option as Obj, lang));
      // long series titles are cut short of the legend instead of running under it
      // (room for a legend beside the title only when the chart has one there)
      const legend = (option as Obj).legend as Obj | Obj[] | undefined;
      const legends = legend === undefined ? [] : Array.isArray(legend) ? legend : [legend];
      const beside = legends.some((l) => l.show !== false && (l.top === undefined || l.top === 2));
      const fit = () => {
        chart.setOption({ title: { textStyle: { width: Math.max(120, node.clientWidth - (beside ? LEGEND_ROOM : 8)), overflow: 'truncate' } } });
        chart.resize();
      };
      fit();
      // a ResizeObserver also catches the sidebar opening and closing, which window resize does not
      const observer = new ResizeObserver(fit);
      observer.observe(node);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    }).catch(() => {
      // the chart code could not be loaded (offline, or a new deployment replaced it): the box stays empty and the
      // chart's name and hidden table still say what it shows
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [option, lang]);

  return (
    <div className="chart-wrap">
      <div ref={el} className="chart" style={{ height }} role="img" aria-label={chartSummary(label, points, t, lang)} data-testid="chart" />
      {points.length > 0 && (
        <table className="sr-only" data-testid="chart-table">
          <caption>
            {label}
            {lang === 'zh' ? '：' : ': '}
            {t('chart.tableCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.series')}</th>
              <th scope="col">{t('chart.latest')}</th>
              <th scope="col">{t('chart.date')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.name || label}</th>
                <td>{p.value}</td>
                <td>{p.date}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
