// The one-line restatement of how a question was understood ("理解为:英伟达(NVDA)日收盘价,涨跌幅,今年以来"), shown
// at the top of every answer so a reader sees a misreading at once, with any name the parser corrected.
import type { SeriesMeta } from '../../core/types.ts';
import type { Plan } from '../plan.ts';
import { seriesName } from '../writer.ts';
import type { Correction } from './coverage.ts';

const MEASURES: Record<string, { zh: string; en: string }> = {
  level: { zh: '数值', en: 'value' },
  change: { zh: '变化', en: 'change' },
  percent_change: { zh: '涨跌幅', en: 'percent change' },
  yoy: { zh: '同比', en: 'year-over-year rate' },
  mom: { zh: '环比', en: 'change on the previous period' },
  average: { zh: '平均值', en: 'average' },
  stdev: { zh: '标准差', en: 'standard deviation' },
  volatility: { zh: '波动率', en: 'volatility' },
  max: { zh: '最高值', en: 'highest value' },
  min: { zh: '最低值', en: 'lowest value' },
  avg_monthly_change: { zh: '平均每月变化', en: 'average monthly change' },
  spread: { zh: '利差(前者减后者)', en: 'spread (first minus second)' },
  ratio: { zh: '比值', en: 'ratio' },
  correlation: { zh: '相关系数', en: 'correlation' },
  drawdown: { zh: '最大回撤', en: 'largest drawdown' },
  inversion: { zh: '倒挂', en: 'inversion' },
  count_days: { zh: '超过/低于阈值的天数', en: 'number of days past the threshold' },
  annualized_growth: { zh: '环比折年率', en: 'annualised growth' },
  compare_periods: { zh: '分时期比较', en: 'comparison of periods' },
  compare_entities: { zh: '相互比较', en: 'comparison' },
  from_peak: { zh: '较峰值的变化', en: 'change from the peak' },
  from_trough: { zh: '较低点的变化', en: 'change from the low' },
  fundamental: { zh: '财务数据', en: 'financial statements' },
  policy: { zh: '美联储政策', en: 'Fed policy' },
  documents: { zh: 'FOMC文件原文', en: 'FOMC texts' },
};

const POLICY: Record<string, { zh: string; en: string }> = {
  qt_end: { zh: '缩表结束时间', en: 'when QT ended' },
  qt_start: { zh: '缩表开始时间', en: 'when QT started' },
  qt_caps: { zh: '缩表每月上限', en: 'QT monthly caps' },
  last_hike: { zh: '最近一次加息', en: 'the last hike' },
  last_cut: { zh: '最近一次降息', en: 'the last cut' },
  last_decision: { zh: '最近一次利率决议', en: 'the last rate decision' },
  target_range: { zh: '联邦基金利率目标区间', en: 'the federal funds target range' },
  count_decisions: { zh: '利率决议次数', en: 'number of rate decisions' },
  decision_bp: { zh: '加息/降息幅度(基点)', en: 'size of the rate moves (basis points)' },
  dissents: { zh: '反对票', en: 'dissenting votes' },
};

function subjectName(meta: SeriesMeta | undefined, id: string, lang: 'zh' | 'en'): string {
  if (!meta) return id;
  const name = seriesName(meta, lang);
  return meta.ticker || name.includes(meta.id) ? name : lang === 'zh' ? `${name}(${meta.id})` : `${name} (${meta.id})`;
}

/** "理解为:…" / "Understood as: …" for one plan (without the prefix): what, then when and which measure. */
export function describePlan(plan: Plan, series: Map<string, SeriesMeta>, lang: 'zh' | 'en'): string {
  const t = plan.time;
  const when =
    plan.measure === 'compare_periods' && plan.timeMatches.length >= 2
      ? plan.timeMatches.map((m) => ('label' in m.spec ? (m.spec as { label: { zh: string; en: string } }).label[lang] : '')).filter(Boolean).join(lang === 'zh' ? ' 对比 ' : ' vs ')
      : t.kind === 'latest'
        ? ''
        : 'label' in t
          ? (t as { label: { zh: string; en: string } }).label[lang]
          : '';
  let what: string;
  if (plan.measure === 'policy' && plan.policy) what = POLICY[plan.policy]?.[lang] ?? MEASURES.policy![lang];
  else if (plan.measure === 'documents') what = MEASURES.documents![lang];
  else if (plan.measure === 'fundamental' && plan.fundamental) return describeFundamental(plan, series, lang);
  else {
    const stat = plan.compareStat && (plan.measure === 'compare_periods' || plan.measure === 'compare_entities') ? MEASURES[plan.compareStat]?.[lang] : undefined;
    const m = MEASURES[plan.measure]?.[lang] ?? MEASURES.level![lang];
    what = stat ? (lang === 'zh' ? `${stat}${m}` : `${m} of the ${stat}`) : m;
    if (plan.measure === 'level' && t.kind === 'latest') what = lang === 'zh' ? '最新数值' : 'latest value';
  }
  const names = plan.subjects.map((s) => subjectName(series.get(s.seriesId), s.seriesId, lang)).join(lang === 'zh' ? '、' : ', ');
  if (lang === 'zh') return [names, `${when}${what}`].filter(Boolean).join(',');
  return [names ? `${names}: ${what}` : what, when].filter(Boolean).join(', ');
}

/** The whole line for one or more plans, with the names the parser corrected. */
export function understoodLine(plans: Plan[], series: Map<string, SeriesMeta>, lang: 'zh' | 'en', corrections: Correction[]): string {
  const body = plans.length === 1 ? describePlan(plans[0]!, series, lang) : plans.map((p, i) => `(${i + 1})${lang === 'en' ? ' ' : ''}${describePlan(p, series, lang)}`).join(lang === 'zh' ? ';' : '; ');
  const fixes = corrections.length
    ? lang === 'zh'
      ? `(${corrections.map((c) => `按“${c.to}”理解“${c.from}”`).join(',')})`
      : ` (reading ${corrections.map((c) => `"${c.from}" as "${c.to}"`).join(', ')})`
    : '';
  return lang === 'zh' ? `理解为:${body}${fixes}。` : `Understood as: ${body}${fixes}.`;
}

/** A company question: the companies, the items asked, the statement period and the change asked. */
function describeFundamental(plan: Plan, series: Map<string, SeriesMeta>, lang: 'zh' | 'en'): string {
  const f = plan.fundamental!;
  const companies = plan.subjects
    .map((s) => series.get(s.seriesId))
    .map((m, i) => (m ? seriesName(m, lang).replace(/日收盘价$| daily close$/, '').trim() : plan.subjects[i]!.seriesId));
  const labels = f.metrics.map((m) => m.label[lang]).join(lang === 'zh' ? '和' : ' and ');
  const valuation = f.metrics.every((m) => m.kind === 'valuation');
  const period = valuation ? '' : ({ annual: { zh: '年度', en: 'annual' }, quarterly: { zh: '季度', en: 'quarterly' }, ttm: { zh: '过去四个季度合计', en: 'trailing-twelve-month' } } as const)[f.period][lang];
  const t = f.target;
  const when =
    t.kind === 'ending'
      ? t.label[lang]
      : t.kind === 'fiscal_quarter'
        ? lang === 'zh'
          ? `${t.fiscalYear}财年第${t.quarter}财季`
          : `fiscal Q${t.quarter} ${t.fiscalYear}`
        : valuation
          ? lang === 'zh'
            ? '最新快照'
            : 'latest snapshot'
          : lang === 'zh'
            ? '最新一期'
            : 'latest period';
  const change = f.change
    ? ({ yoy: { zh: '同比', en: 'year over year' }, qoq: { zh: '环比', en: 'on the previous quarter' }, years: { zh: `${f.years ?? ''}年变化`, en: `change over ${f.years ?? ''} years` }, since: { zh: '以来变化', en: 'change since then' } } as const)[f.change][lang]
    : '';
  if (lang === 'zh') return `${companies.join('、')},${when}${period}${labels}${change ? `(${change})` : ''}`;
  return `${companies.join(', ')}: ${period ? `${period} ` : ''}${labels}${change ? ` ${change}` : ''}, ${when}`;
}
