// Report charts: ECharts option objects (plain JSON, so the web app can render the same object) and their
// server-side rendering to SVG. Chinese labels need a CJK font installed (Debian fonts-noto-cjk) and named
// explicitly, or they render as boxes.
import * as echarts from 'echarts';
import { thin } from '../engine/charts.ts';
import type { IsoDate } from '../core/types.ts';
import type { ChartOption, ReportLang } from './types.ts';

export const CHART_FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/** English text in a Latin face: the CJK font's quotes and apostrophes are full-width. */
const LATIN_FONT = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, 'Noto Sans CJK SC', sans-serif";

/** The font stack of a report's text and charts: CJK-capable for Chinese, Latin first for English. */
export function fontStack(lang: ReportLang): string {
  return lang === 'zh' ? CHART_FONT : LATIN_FONT;
}
export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 330;

const PALETTE = ['#1f4e79', '#c0504d', '#4f9a5b', '#e39c2d', '#7f5fa8', '#3a9fbf'];
const MAX_POINTS = 360;

export interface Line {
  name: string;
  points: Array<[IsoDate, number]>;
  /** 0: left axis (default), 1: right axis. */
  axis?: 0 | 1;
  /** Draw as bars (e.g. facility usage). */
  bars?: boolean;
}

export interface Band {
  from: IsoDate;
  to: IsoDate;
  label: string;
}

/** A dated event the text discusses, drawn as a vertical line with a short label (e.g. "缩表放缓"). */
export interface ChartEvent {
  date: IsoDate;
  label: string;
}

const SOURCE_GRAPHIC_ID = 'fincite-source';
const EVENT_COLOR = '#8a5a00';

/** Thin spiky data (facility take-up) keeping each bucket's largest value, so the spikes survive. */
function thinKeepingPeaks(points: Array<[IsoDate, number]>, maxPoints: number): Array<[IsoDate, number]> {
  if (points.length <= maxPoints) return points;
  const step = points.length / maxPoints;
  const out: Array<[IsoDate, number]> = [];
  for (let i = 0; i < maxPoints; i++) {
    const bucket = points.slice(Math.floor(i * step), Math.floor((i + 1) * step));
    if (bucket.length) out.push(bucket.reduce((a, b) => (b[1] > a[1] ? b : a)));
  }
  return out;
}

function base(title: string, lang: ReportLang): ChartOption {
  const font = fontStack(lang);
  return {
    animation: false,
    color: PALETTE,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: font, fontSize: 12, color: '#333' },
    title: { text: title, left: 'center', top: 6, textStyle: { fontFamily: font, fontSize: 15, fontWeight: 'normal', color: '#0f2740' } },
    tooltip: { trigger: 'axis' },
    grid: { left: 64, right: 64, top: 64, bottom: 64, containLabel: false },
    aria: { enabled: true, label: { description: title } },
  };
}

/** The vertical lines of dated events, as markLine data items (labels run up the line, so close events do not collide). */
function eventLines(events: ChartEvent[], lang: ReportLang): Array<Record<string, unknown>> {
  return events.map((e) => ({
    xAxis: e.date,
    name: e.label,
    lineStyle: { color: EVENT_COLOR, type: 'dashed', width: 1 },
    label: { show: true, formatter: e.label, position: 'insideEndTop', fontFamily: fontStack(lang), fontSize: 10, color: EVENT_COLOR, backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 2] },
  }));
}

/** The event lines a time chart carries (for tests and for adding events later). */
export function chartEvents(option: ChartOption): ChartEvent[] {
  const series = (option['series'] as Array<Record<string, unknown>> | undefined) ?? [];
  const data = ((series[0]?.['markLine'] as { data?: Array<Record<string, unknown>> } | undefined)?.data ?? []).filter((d) => typeof d['xAxis'] === 'string');
  return data.map((d) => ({ date: d['xAxis'] as IsoDate, label: String(d['name'] ?? '') }));
}

/** A copy of a time chart with vertical event lines added to its first series (beside any reference line). */
export function withEvents(option: ChartOption, events: ChartEvent[], lang: ReportLang): ChartOption {
  const series = (option['series'] as Array<Record<string, unknown>> | undefined) ?? [];
  if (!events.length || !series.length) return option;
  const first = series[0]!;
  const mark = (first['markLine'] as Record<string, unknown> | undefined) ?? { silent: true, symbol: 'none', data: [] };
  const data = [...((mark['data'] as unknown[] | undefined) ?? []), ...eventLines(events, lang)];
  return { ...option, series: [{ ...first, markLine: { ...mark, symbol: 'none', data } }, ...series.slice(1)] };
}

/** The chart's source line ("来源：FRED（WALCL）"), or '' when it has none. */
export function chartSource(option: ChartOption): string {
  const g = (option['graphic'] as Array<{ id?: string; style?: { text?: string } }> | undefined) ?? [];
  return g.find((x) => x.id === SOURCE_GRAPHIC_ID)?.style?.text ?? '';
}

/**
 * A copy of the chart with its source line at the bottom left (below the legend, which moves up to make room).
 * `source` is the whole line, e.g. "来源：FRED（WALCL、TREAST）" / "Source: FRED (WALCL, TREAST)".
 */
export function withSource(option: ChartOption, source: string, lang: ReportLang): ChartOption {
  if (!source) return option;
  const others = ((option['graphic'] as Array<{ id?: string }> | undefined) ?? []).filter((g) => g.id !== SOURCE_GRAPHIC_ID);
  const legend = option['legend'] as Record<string, unknown> | undefined;
  const grid = option['grid'] as Record<string, unknown> | undefined;
  return {
    ...option,
    ...(legend ? { legend: { ...legend, bottom: 26 } } : {}),
    ...(grid ? { grid: { ...grid, bottom: 80 } } : {}),
    graphic: [...others, { id: SOURCE_GRAPHIC_ID, type: 'text', left: 12, bottom: 6, silent: true, style: { text: source, fontFamily: fontStack(lang), fontSize: 10, fill: '#6b7480' } }],
  };
}

/**
 * A time-series chart: lines (or bars) on one or two value axes, with shaded periods (QT1, QT2 …), dated events
 * the text discusses (vertical lines) and a source line.
 */
export function timeChart(o: { title: string; lang: ReportLang; lines: Line[]; axisNames: [string] | [string, string]; bands?: Band[]; refLine?: { value: number; label?: string }; events?: ChartEvent[]; source?: string }): ChartOption {
  const bands = o.bands ?? [];
  const series = o.lines.map((l, i) => ({
    name: l.name,
    type: l.bars ? 'bar' : 'line',
    showSymbol: false,
    smooth: false,
    yAxisIndex: l.axis ?? 0,
    lineStyle: { width: 1.6 },
    ...(l.bars ? { barMaxWidth: 3, barMinWidth: 1 } : {}),
    data: l.bars ? thinKeepingPeaks(l.points, MAX_POINTS) : thin(l.points, MAX_POINTS),
    ...(i === 0 && bands.length
      ? {
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(120, 144, 180, 0.14)' },
            label: { fontFamily: fontStack(o.lang), fontSize: 11, color: '#556', position: 'insideTop' },
            data: bands.map((b) => [{ name: b.label, xAxis: b.from }, { xAxis: b.to }]),
          },
        }
      : {}),
    ...(i === 0 && o.refLine
      ? { markLine: { silent: true, symbol: 'none', label: o.refLine.label ? { show: true, formatter: o.refLine.label, fontFamily: fontStack(o.lang), fontSize: 11, position: 'insideEndTop' } : { show: false }, lineStyle: { color: '#888', type: 'dashed' }, data: [{ yAxis: o.refLine.value }] } }
      : {}),
  }));
  const option: ChartOption = {
    ...base(o.title, o.lang),
    legend: { bottom: 8, data: o.lines.map((l) => l.name), textStyle: { fontFamily: fontStack(o.lang) } },
    xAxis: {
      type: 'time',
      axisLabel: { fontFamily: fontStack(o.lang), hideOverlap: true, formatter: { year: '{yyyy}', month: o.lang === 'zh' ? '{M}月' : '{MMM}', day: o.lang === 'zh' ? '{M}月{d}日' : '{MMM} {d}' } },
    },
    yAxis: o.axisNames.map((name, i) => ({
      type: 'value',
      name,
      scale: true,
      position: i === 0 ? 'left' : 'right',
      nameTextStyle: { fontFamily: fontStack(o.lang), align: i === 0 ? 'left' : 'right' },
      axisLabel: { fontFamily: fontStack(o.lang) },
      splitLine: { show: i === 0, lineStyle: { color: '#e6e6e6' } },
    })),
    series,
  };
  return withSource(withEvents(option, o.events ?? [], o.lang), o.source ?? '', o.lang);
}

/**
 * One precision for all the value labels of a chart, from its largest value: about three or four significant
 * digits for the largest bar (346.4 / 43.35 / 8.54), the same decimals for every bar.
 */
export function labelDecimals(values: number[]): number {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  // never more decimals than the values have (a plan that rounded to 0.1 is not shown as 14.30)
  const held = Math.max(0, ...values.map((v) => (String(Math.round(v * 100) / 100).split('.')[1] ?? '').length));
  return Math.min(held, max >= 1000 ? 0 : max >= 100 ? 1 : 2);
}

/** Grouped bars over categories (e.g. average monthly runoff against the cap, per cap regime). */
export function barChart(o: { title: string; lang: ReportLang; categories: string[]; bars: Array<{ name: string; values: number[]; hatched?: boolean }>; axisName: string; source?: string }): ChartOption {
  const decimals = labelDecimals(o.bars.flatMap((b) => b.values));
  return withSource({
    ...base(o.title, o.lang),
    legend: { bottom: 8, data: o.bars.map((b) => b.name), textStyle: { fontFamily: fontStack(o.lang) } },
    xAxis: { type: 'category', data: o.categories, axisLabel: { fontFamily: fontStack(o.lang), interval: 0, fontSize: 11 } },
    yAxis: [{ type: 'value', name: o.axisName, nameTextStyle: { fontFamily: fontStack(o.lang), align: 'left' }, axisLabel: { fontFamily: fontStack(o.lang) }, splitLine: { lineStyle: { color: '#e6e6e6' } } }],
    series: o.bars.map((b) => ({
      name: b.name,
      type: 'bar',
      barGap: '8%',
      // each bar's label written with the chart's one precision (236.0 beside 226.8, not 236.01 beside 226.8)
      data: b.values.map((v) => ({ value: Math.round(v * 100) / 100, label: { formatter: v.toFixed(decimals) } })),
      ...(b.hatched ? { itemStyle: { opacity: 0.45 } } : {}),
      label: { show: true, position: 'top', fontFamily: fontStack(o.lang), fontSize: 10, formatter: '{c}' },
    })),
  }, o.source ?? '', o.lang);
}

/** Lines over categories (e.g. the yield curve by maturity, today and a year ago). */
export function categoryLineChart(o: { title: string; lang: ReportLang; categories: string[]; lines: Array<{ name: string; values: number[] }>; axisName: string; source?: string }): ChartOption {
  return withSource({
    ...base(o.title, o.lang),
    legend: { bottom: 8, data: o.lines.map((l) => l.name), textStyle: { fontFamily: fontStack(o.lang) } },
    xAxis: { type: 'category', data: o.categories, boundaryGap: false, axisLabel: { fontFamily: fontStack(o.lang), interval: 0 } },
    yAxis: [{ type: 'value', name: o.axisName, scale: true, nameTextStyle: { fontFamily: fontStack(o.lang), align: 'left' }, axisLabel: { fontFamily: fontStack(o.lang) }, splitLine: { lineStyle: { color: '#e6e6e6' } } }],
    series: o.lines.map((l) => ({ name: l.name, type: 'line', symbol: 'circle', symbolSize: 6, data: l.values.map((v) => Math.round(v * 1000) / 1000), lineStyle: { width: 2 } })),
  }, o.source ?? '', o.lang);
}

/** Render an option object to an SVG string on the server (no DOM); the chart is disposed afterwards. */
export function renderChartSvg(option: ChartOption, size: { width?: number; height?: number } = {}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width ?? CHART_WIDTH, height: size.height ?? CHART_HEIGHT });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
