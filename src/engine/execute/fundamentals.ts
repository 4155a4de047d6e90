// Company fundamentals: statement items and margins, annual or quarterly, with growth over the periods asked.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { IsoDate } from '../../core/types.ts';
import { lineChart } from '../charts.ts';
import type { LoadedSeries } from '../data.ts';
import type { Subject } from '../plan.ts';
import { NoAnswerError, windowFor, type ExecContext } from './common.ts';

export async function fundamental(ctx: ExecContext): Promise<void> {
  const { w, plan, data } = ctx;
  const fm = plan.fundamental!;
  const companies = plan.subjects.filter((s) => s.type === 'company');
  for (const c of companies.slice(0, 3)) {
    const ticker = (c as Extract<Subject, { type: 'company' }>).ticker;
    const priceMeta = await data.meta(c.seriesId).catch(() => undefined);
    const companyName = priceMeta ? w.name(priceMeta).replace(/[((].*$/, '').replace(/ daily close$|日收盘价$/, '').trim() : ticker;
    let s: A.SeriesData | null;
    if (fm.metric.kind === 'item') {
      s = await data.fundamentalSeries(ticker, fm.metric.statement, fm.metric.item, fm.period);
    } else {
      const [num, den] = await Promise.all([data.fundamentalSeries(ticker, 'income', fm.metric.numerator, fm.period), data.fundamentalSeries(ticker, 'income', fm.metric.denominator, fm.period)]);
      s = num && den ? (A.ratioSeries(num, den, { asPercent: true }) as A.SeriesData) : null;
      if (s) s = { ...s, meta: { ...s.meta, title: { zh: `${companyName} ${fm.metric.label.zh}`, en: `${companyName} ${fm.metric.label.en}` } } };
    }
    if (!s || !A.points(s).length) {
      throw new NoAnswerError({ zh: `数据库中没有${companyName}的${fm.metric.label.zh}数据。`, en: `The database has no ${fm.metric.label.en} data for ${companyName}.` });
    }
    const src = { kind: 'series' as const, title: w.t(`${companyName} 财务报表(${fm.period === 'annual' ? '年度' : '季度'})`, `${companyName} financial statements (${fm.period})`), publisher: w.t('雅虎财经(公司财报数据)', 'Yahoo Finance (company filings data)'), url: `https://finance.yahoo.com/quote/${ticker.replace('.', '-')}/financials` };
    const reg = (f: Fact) => w.factWithSource(f, { ...src, date: f.asOf });
    const pts = A.points(s);
    const last = reg(A.latest(s));
    const label = w.t(fm.metric.label.zh, fm.metric.label.en);
    const periodName = (d: IsoDate) => (fm.period === 'annual' ? w.t(`截至${w.month(d)}的财年`, `fiscal year ended ${d}`) : w.t(`截至${w.month(d)}的季度`, `quarter ended ${d}`));
    const win = windowFor(plan.time, s as LoadedSeries, 'all');
    const growthAsked = plan.compareStat === 'change' || plan.compareStat === 'percent_change' || plan.compareStat === 'annualized_growth' || plan.compareStat === 'yoy';
    if (growthAsked && pts.length >= 2) {
      const fromDate = win.from && plan.time.kind !== 'latest' ? win.from : pts[pts.length - 2]!.date;
      const startPt = pts.find((p) => p.date >= A.addDays(fromDate, -45)) ?? pts[0]!;
      const pct = reg(A.percentChange(s, startPt.date, last.asOf));
      const first = reg(A.valueOn(s, startPt.date));
      w.say(
        `${companyName}${label}从${periodName(first.asOf)}的${w.v(first)}增至${periodName(last.asOf)}的${w.v(last)},${pct.value >= 0 ? '增长' : '下降'}${w.abs(pct)}${w.cite(first, last, pct)}。`.replace('增至', pct.value >= 0 ? '增至' : '降至'),
        `${companyName}'s ${label} went from ${w.v(first)} (${periodName(first.asOf)}) to ${w.v(last)} (${periodName(last.asOf)}), ${pct.value >= 0 ? 'up' : 'down'} ${w.abs(pct)}${w.cite(first, last, pct)}.`,
      );
      w.facts.unshift(w.facts.splice(w.facts.indexOf(pct), 1)[0]!);
    } else {
      const listed = pts.slice(-5).map((p) => reg(A.valueOn(s!, p.date)));
      w.say(
        `${companyName}${label}:${periodName(last.asOf)}为${w.v(last)}${w.cite(last)}。`,
        `${companyName}'s ${label} was ${w.v(last)} in the ${periodName(last.asOf)}${w.cite(last)}.`,
      );
      if (listed.length > 1) {
        w.say(
          `${companyName}${label}最近几期:${listed.map((f) => `${w.month(f.asOf)} ${w.v(f)}`).join(',')}${w.cite(...listed)}。`,
          `${companyName}'s ${label} in recent periods: ${listed.map((f) => `${f.asOf} ${w.v(f)}`).join(', ')}${w.cite(...listed)}.`,
        );
      }
    }
    w.charts.push(lineChart([s as LoadedSeries], w.lang, undefined, undefined, [last]));
  }
  w.say('财务数据来自公司报表的汇总数据(雅虎财经),以公司向SEC提交的文件为准。', 'Statement figures are Yahoo Finance summaries of company filings; the SEC filings are authoritative.');
}
