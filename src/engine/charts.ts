// Chart specifications for answers: ECharts option objects (rendered in the browser, or to SVG on the server
// for reports). Long series are thinned to at most `maxPoints` points, keeping each bucket's last value.
import type { Fact } from '../core/answer.ts';
import type { IsoDate, SeriesMeta } from '../core/types.ts';

interface ChartSeries {
  meta: SeriesMeta;
  observations: Array<{ date: IsoDate; value: number | null }>;
}

export interface ChartSpec {
  title: { text: string };
  tooltip: { trigger: 'axis' };
  legend: { data: string[] };
  xAxis: { type: 'time' };
  yAxis: Array<{ type: 'value'; name: string; scale: boolean }>;
  series: Array<{ name: string; type: 'line'; showSymbol: false; yAxisIndex: number; data: Array<[IsoDate, number]>; markPoint?: { data: Array<{ coord: [IsoDate, number]; name: string }> } }>;
}

export function thin(points: Array<[IsoDate, number]>, maxPoints: number): Array<[IsoDate, number]> {
  if (points.length <= maxPoints) return points;
  const step = points.length / maxPoints;
  const out: Array<[IsoDate, number]> = [];
  for (let i = 1; i <= maxPoints; i++) out.push(points[Math.min(points.length - 1, Math.ceil(i * step) - 1)]!);
  return out;
}

export function lineChart(series: ChartSeries[], lang: 'zh' | 'en', from?: IsoDate, to?: IsoDate, marks: Fact[] = [], maxPoints = 600): ChartSpec {
  const units = [...new Set(series.map((s) => s.meta.unit.label))];
  return {
    title: { text: series.map((s) => (lang === 'zh' ? s.meta.title.zh : s.meta.title.en)).join(' / ') },
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.meta.id) },
    xAxis: { type: 'time' },
    yAxis: units.slice(0, 2).map((u) => ({ type: 'value', name: u, scale: true })),
    series: series.map((s) => {
      const pts = s.observations.filter((o): o is { date: IsoDate; value: number } => o.value !== null && (!from || o.date >= from) && (!to || o.date <= to)).map((o) => [o.date, o.value] as [IsoDate, number]);
      const own = marks.filter((m) => m.seriesId === s.meta.id && m.unit.label === s.meta.unit.label);
      return {
        name: s.meta.id,
        type: 'line' as const,
        showSymbol: false as const,
        yAxisIndex: Math.max(0, Math.min(1, units.indexOf(s.meta.unit.label))),
        data: thin(pts, maxPoints),
        ...(own.length ? { markPoint: { data: own.map((m) => ({ coord: [m.asOf, m.value] as [IsoDate, number], name: lang === 'zh' ? m.label.zh : m.label.en })) } } : {}),
      };
    }),
  };
}
