// Chart specifications for answers: ECharts option objects (rendered in the browser, or to SVG on the server
// for reports). Long series are thinned to at most `maxPoints` points, keeping each bucket's last value.
import type { Fact } from '../core/answer.ts';
import { moneyAxis } from '../core/format.ts';
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
  const inRange = series.map((s) => s.observations.filter((o): o is { date: IsoDate; value: number } => o.value !== null && (!from || o.date >= from) && (!to || o.date <= to)));
  // money axes in 亿美元 / billions rather than the stored millions, one scale per axis
  const axes = units.slice(0, 2).map((u) => {
    const members = series.map((s, i) => ({ s, pts: inRange[i]! })).filter(({ s }) => s.meta.unit.label === u);
    const maxAbs = Math.max(0, ...members.flatMap(({ pts }) => pts.map((p) => Math.abs(p.value))));
    return { label: u, money: members[0] ? moneyAxis(members[0].s.meta.unit, maxAbs, lang) : null };
  });
  return {
    title: { text: series.map((s) => (lang === 'zh' ? s.meta.title.zh : s.meta.title.en)).join(' / ') },
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.meta.id) },
    xAxis: { type: 'time' },
    yAxis: axes.map((a) => ({ type: 'value', name: a.money?.name ?? a.label, scale: true })),
    series: series.map((s, i) => {
      const axis = Math.max(0, Math.min(1, units.indexOf(s.meta.unit.label)));
      const div = axes[axis]?.money?.divisor ?? 1;
      const pts = inRange[i]!.map((o) => [o.date, o.value / div] as [IsoDate, number]);
      const own = marks.filter((m) => m.seriesId === s.meta.id && m.unit.label === s.meta.unit.label);
      return {
        name: s.meta.id,
        type: 'line' as const,
        showSymbol: false as const,
        yAxisIndex: axis,
        data: thin(pts, maxPoints),
        ...(own.length ? { markPoint: { data: own.map((m) => ({ coord: [m.asOf, m.value / div] as [IsoDate, number], name: lang === 'zh' ? m.label.zh : m.label.en })) } } : {}),
      };
    }),
  };
}
