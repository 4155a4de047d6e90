// One ECharts chart from an option object (the server's answer charts, or the series explorer's), drawn in the
// app's palette and type. Resizes with its box and is disposed on unmount.
import { useEffect, useRef } from 'react';
import { useI18n, type Lang } from '../i18n.ts';

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

interface Props {
  option: unknown;
  /** Accessible name of the chart (charts are drawn on a canvas). */
  label: string;
  height?: number;
}

export function EChart({ option, label, height = 320 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const { lang } = useI18n();

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
      const fit = () => {
        chart.setOption({ title: { textStyle: { width: Math.max(120, node.clientWidth - LEGEND_ROOM), overflow: 'truncate' } } });
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
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [option, lang]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />;
}
