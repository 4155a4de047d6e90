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

/** A time-series chart: lines (or bars) on one or two value axes, with shaded periods (QT1, QT2 …). */
export function timeChart(o: { title: string; lang: ReportLang; lines: Line[]; axisNames: [string] | [string, string]; bands?: Band[]; refLine?: { value: number; label?: string } }): ChartOption {
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
  return {
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
}

/** Grouped bars over categories (e.g. average monthly runoff against the cap, per cap regime). */
export function barChart(o: { title: string; lang: ReportLang; categories: string[]; bars: Array<{ name: string; values: number[]; hatched?: boolean }>; axisName: string }): ChartOption {
  return {
    ...base(o.title, o.lang),
    legend: { bottom: 8, data: o.bars.map((b) => b.name), textStyle: { fontFamily: fontStack(o.lang) } },
    xAxis: { type: 'category', data: o.categories, axisLabel: { fontFamily: fontStack(o.lang), interval: 0, fontSize: 11 } },
    yAxis: [{ type: 'value', name: o.axisName, nameTextStyle: { fontFamily: fontStack(o.lang), align: 'left' }, axisLabel: { fontFamily: fontStack(o.lang) }, splitLine: { lineStyle: { color: '#e6e6e6' } } }],
    series: o.bars.map((b) => ({
      name: b.name,
      type: 'bar',
      barGap: '8%',
      data: b.values.map((v) => Math.round(v * 100) / 100),
      ...(b.hatched ? { itemStyle: { opacity: 0.45 } } : {}),
      label: { show: true, position: 'top', fontFamily: fontStack(o.lang), fontSize: 10, formatter: '{c}' },
    })),
  };
}

/** Lines over categories (e.g. the yield curve by maturity, today and a year ago). */
export function categoryLineChart(o: { title: string; lang: ReportLang; categories: string[]; lines: Array<{ name: string; values: number[] }>; axisName: string }): ChartOption {
  return {
    ...base(o.title, o.lang),
    legend: { bottom: 8, data: o.lines.map((l) => l.name), textStyle: { fontFamily: fontStack(o.lang) } },
    xAxis: { type: 'category', data: o.categories, boundaryGap: false, axisLabel: { fontFamily: fontStack(o.lang), interval: 0 } },
    yAxis: [{ type: 'value', name: o.axisName, scale: true, nameTextStyle: { fontFamily: fontStack(o.lang), align: 'left' }, axisLabel: { fontFamily: fontStack(o.lang) }, splitLine: { lineStyle: { color: '#e6e6e6' } } }],
    series: o.lines.map((l) => ({ name: l.name, type: 'line', symbol: 'circle', symbolSize: 6, data: l.values.map((v) => Math.round(v * 1000) / 1000), lineStyle: { width: 2 } })),
  };
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
