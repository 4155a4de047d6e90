// Chart specifications for answers: ECharts option objects (rendered in the browser, or to SVG on the server
// for reports). Long series are thinned to at most `maxPoints` points, keeping each bucket's last value.
import type { Fact } from '../core/answer.ts';
import { axisUnit, chinesePunctuation } from '../core/format.ts';
import type { IsoDate, SeriesMeta } from '../core/types.ts';
import { oneTicker, seriesName } from './writer.ts';

interface ChartSeries {
  meta: SeriesMeta;
  observations: Array<{ date: IsoDate; value: number | null }>;
}

export interface ChartSpec {
  title: { text: string };
  tooltip: { trigger: 'axis' };
  legend: { data: string[]; show?: false; top?: number; left?: number };
  grid?: { top: number };
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

/**
 * A line chart of one or more series in the answer's language: the title and each line named as the text names the
 * series (its Chinese title in a Chinese answer, never its id), each value axis named in its unit as the text writes
 * it (money in 亿美元/万亿美元 or billions/trillions, one scale per axis, chosen from the drawn range), and each
 * line's name ending with its axis unit so the tooltip says what the number is in. Chinese labels get full-width
 * punctuation.
 */
export function lineChart(series: ChartSeries[], lang: 'zh' | 'en', from?: IsoDate, to?: IsoDate, marks: Fact[] = [], maxPoints = 600): ChartSpec {
  const units = [...new Set(series.map((s) => s.meta.unit.label))];
  const inRange = series.map((s) => s.observations.filter((o): o is { date: IsoDate; value: number } => o.value !== null && (!from || o.date >= from) && (!to || o.date <= to)));
  const axes = units.slice(0, 2).map((u) => {
    const members = series.map((s, i) => ({ s, pts: inRange[i]! })).filter(({ s }) => s.meta.unit.label === u);
    const maxAbs = Math.max(0, ...members.flatMap(({ pts }) => pts.map((p) => Math.abs(p.value))));
    return axisUnit(members[0]!.s.meta.unit, maxAbs, lang);
  });
  // Chinese labels in full-width punctuation; an English name starts with a capital ("consumer price index" → "Consumer …")
  const typeset = (text: string) => (lang === 'zh' ? chinesePunctuation(text) : text.charAt(0).toUpperCase() + text.slice(1));
  const names = series.map((s) => typeset(chartName(s.meta, lang)));
  const lines = series.map((s, i) => {
    const axis = Math.max(0, Math.min(1, units.indexOf(s.meta.unit.label)));
    const unit = axes[axis]!.name;
    return { axis, name: unit ? (lang === 'zh' ? `${names[i]}（${unit}）` : `${names[i]} (${unit})`) : names[i]! };
  });
  return {
    title: { text: names.join(' / ') },
    tooltip: { trigger: 'axis' },
    // one line: the title names it (a legend would repeat it and crowd the title on a phone); several: the legend
    // goes under the title, with room for it above the plot
    legend: series.length > 1 ? { data: lines.map((l) => l.name), top: 24, left: 0 } : { show: false, data: lines.map((l) => l.name) },
    ...(series.length > 1 ? { grid: { top: 96 } } : {}),
    xAxis: { type: 'time' },
    yAxis: axes.map((a) => ({ type: 'value', name: a.name, scale: true })),
    series: series.map((s, i) => {
      const { axis, name } = lines[i]!;
      const div = axes[axis]?.divisor ?? 1;
      const pts = inRange[i]!.map((o) => [o.date, o.value / div] as [IsoDate, number]);
      const own = marks.filter((m) => m.seriesId === s.meta.id && m.unit.label === s.meta.unit.label);
      return {
        name,
        type: 'line' as const,
        showSymbol: false as const,
        yAxisIndex: axis,
        data: thin(pts, maxPoints),
        ...(own.length ? { markPoint: { data: own.map((m) => ({ coord: [m.asOf, m.value / div] as [IsoDate, number], name: typeset(oneTicker(lang === 'zh' ? m.label.zh : m.label.en)) })) } } : {}),
      };
    }),
  };
}

/**
 * A series' name on a chart: the name the text uses (`seriesName`), so a year-over-year line is "…同比" / "…, year
 * over year" and a price is "苹果公司(AAPL)日收盘价" — never the series id.
 */
function chartName(meta: SeriesMeta, lang: 'zh' | 'en'): string {
  const yoy = /:yoy$/.test(meta.id);
  if (lang === 'zh' || !yoy) return seriesName(meta, lang);
  // an English yoy series: the short name of the series, then the transform
  const base = meta.title.en.replace(/, year over year$/, '');
  return `${seriesName({ ...meta, title: { ...meta.title, en: base } }, 'en')}, year over year`;
}
