// The report on any topic of the graph, written from the research planner's evidence plan: scope (what the data
// hold and what they do not), key takeaways, the indicators (a table against their history, charts with the policy
// periods shaded and the asked events marked), the relations between them, the policy periods compared, context
// series, the companies of a sector, what the Fed and officials said, what the data cannot tell, related topics,
// and the method. The same sections for every topic; the topic graph decides what fills them.
import type { Fact } from '../../core/answer.ts';
import type { IsoDate } from '../../core/types.ts';
import { type RelationStory, type SeriesStory } from '../../engine/research/evidence.ts';
import { capital, historySentence, quoteLines, relationSentence, shortName } from '../../engine/research/answer.ts';
import type { TopicNode } from '../../engine/research/graph.ts';
import { planResearch, type EvidencePlan } from '../../engine/research/plan.ts';
import { researchCompanies } from '../../engine/research/index.ts';
import { timeChart, type Line } from '../charts.ts';
import { chartPoints, type ReportComposer } from '../compose.ts';

/** How a series is drawn: its values divided into display units, and the axis name. */
function axisOf(s: SeriesStory, lang: 'zh' | 'en'): { divide: number; axis: string } {
  const u = s.read === 'yoy' ? { kind: 'percent' as const, scale: 1, currency: undefined, label: '%' } : s.series.meta.unit;
  switch (u.kind) {
    case 'percent':
      return { divide: 1, axis: '%' };
    case 'percentage_points':
      return { divide: 1, axis: lang === 'zh' ? '百分点' : 'pp' };
    case 'currency': {
      const big = Math.abs(s.latest.value * u.scale) >= 1e12;
      const cur = u.currency ?? 'USD';
      const zhCur = cur === 'USD' ? '美元' : cur === 'CNY' ? '元' : cur;
      if (lang === 'zh') return big ? { divide: 1e12 / u.scale, axis: `万亿${zhCur}` } : { divide: 1e8 / u.scale, axis: `亿${zhCur}` };
      return big ? { divide: 1e12 / u.scale, axis: `${cur} trillions` } : { divide: 1e9 / u.scale, axis: `${cur} billions` };
    }
    case 'count':
      return lang === 'zh' ? { divide: 1e4 / u.scale, axis: '万' } : { divide: 1e3 / u.scale, axis: 'thousands' };
    case 'price':
      return { divide: 1, axis: u.currency ?? '' };
    default:
      return { divide: 1, axis: lang === 'zh' ? '指数' : 'index' };
  }
}

function seriesLabel(c: ReportComposer, s: SeriesStory): string {
  const name = c.name(s.series);
  return s.read === 'yoy' ? c.t(`${name}同比`, `${name}, y/y`) : name;
}

/** Charts of the stories, grouped by axis (at most four lines and three charts). */
function storyCharts(c: ReportComposer, plan: EvidencePlan, stories: SeriesStory[], first: number, maxCharts = 3): number {
  const groups = new Map<string, SeriesStory[]>();
  for (const s of stories) {
    const key = `${axisOf(s, c.lang).axis}|${s.series.meta.unit.kind === 'price' || s.series.meta.unit.kind === 'index' ? s.id : ''}`;
    const g = groups.get(key) ?? [];
    if (g.length < 4) g.push(s);
    groups.set(key, g);
  }
  let n = first;
  for (const g of [...groups.values()].slice(0, maxCharts)) {
    const from = g.map((s) => s.window.from).sort()[0]!;
    const { divide, axis } = axisOf(g[0]!, c.lang);
    const money = g[0]!.series.meta.unit.kind === 'currency' && g.every((s) => s.read === 'level');
    const lines: Line[] = g.map((s) => ({ name: seriesLabel(c, s), points: money ? c.moneyPoints(s.series, from).points : chartPoints(s.data as never, from, divide) }));
    const axisName = money ? c.moneyPoints(g[0]!.series, from).axisName : axis;
    // a title fits on one line: the series' names when short, else the topic and how many indicators
    const joined = g.map((s) => seriesLabel(c, s)).join(c.t('、', ', '));
    const names = joined.length <= (c.lang === 'zh' ? 28 : 60) ? joined : c.t(`${shortName(plan.node.name.zh)}：${g.length}个指标`, `${shortName(plan.node.name.en)}: ${g.length} indicators`);
    c.chart(
      timeChart({
        title: c.t(`图${n} ${names}（${axisName}）`, `Figure ${n} ${names} (${axisName})`),
        lang: c.lang,
        lines,
        axisNames: [axisName],
        bands: plan.focus ? [{ from: plan.focus.from, to: plan.focus.to, label: c.t(plan.focus.label.zh, plan.focus.label.en) }] : [],
        events: g[0]!.periods.flatMap((p) => (p.period.from >= from ? [{ date: p.period.from, label: c.t(shortName(p.period.name.zh), shortName(p.period.name.en)) }] : [])),
      }),
      g.map((s) => s.id),
    );
    n++;
  }
  return n;
}

/** The table of stories: latest, a year earlier, the change, the window's high and low (with dates) and average. */
function storyTable(c: ReportComposer, stories: SeriesStory[], years: number): void {
  const { w } = c;
  const header = [c.t('指标', 'Indicator'), c.t('最新', 'Latest'), c.t('一年前', 'A year earlier'), c.t('一年变化', '1-year change'), c.t('区间最高', 'Window high'), c.t('区间最低', 'Window low'), c.t('区间平均', 'Window average'), c.t('来源', 'Source')];
  c.p(`表中“区间”为各指标最新观测值之前的${years}年（数据较短的指标为全部历史）。`, `“Window” is the ${years} years before each indicator's latest observation (its whole history when shorter).`);
  c.table(
    header,
    stories.map((s) => {
      const freq = s.series.meta.frequency;
      const name = seriesLabel(c, s);
      const dated = (f: Fact) => c.dated(f, freq);
      const facts = [s.latest, ...(s.yearAgo ? [s.yearAgo] : []), ...(s.change1y ? [s.change1y] : []), s.window.high, s.window.low, s.window.average];
      return [name, dated(s.latest), s.yearAgo ? { f: s.yearAgo } : '—', s.change1y ? { f: s.change1y, text: w.signed(s.change1y) } : '—', dated(s.window.high), dated(s.window.low), { f: s.window.average }, c.cite(...facts)];
    }),
  );
}

function relationTable(c: ReportComposer, rels: RelationStory[]): void {
  const { w } = c;
  c.table(
    [c.t('关系', 'Relation'), c.t('最新', 'Latest'), c.t('平均', 'Average'), c.t('最高', 'High'), c.t('最低', 'Low'), c.t('来源', 'Source')],
    rels.map((r) => {
      const name = c.t(r.relation.name.zh, r.relation.name.en);
      const d = (f: Fact) => c.dated(f, r.frequency);
      return [name, d(r.latest), { f: r.average }, d(r.high), d(r.low), c.cite(r.latest, r.average, r.high, r.low)];
    }),
  );
}

/** Describe every fact of a story with the words the report uses for it, for the verifier. */
function describeStory(c: ReportComposer, s: SeriesStory): void {
  const name = seriesLabel(c, s);
  c.describe(s.latest, name, c.t('最新', 'latest'));
  if (s.yearAgo) c.describe(s.yearAgo, name, c.t('一年前', 'a year earlier'));
  if (s.change1y) c.describe(s.change1y, name, c.t('一年变化', 'change over the year'));
  c.describe(s.window.high, name, c.t('最高', 'high'));
  c.describe(s.window.low, name, c.t('最低', 'low'));
  c.describe(s.window.average, name, c.t('平均', 'average'));
}

/** Build the report on a node of the graph through the composer; returns the title and subtitle. */
export async function researchReport(c: ReportComposer, node: TopicNode, today: IsoDate): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const companies = await researchCompanies(c.data);
  const plan = await planResearch(c.data, node, { lang: c.lang, quotes: 4, companies, maxCompanies: 10 });
  void today;
  const topic = c.t(node.name.zh, node.name.en);
  if (!plan.indicators.length) {
    c.section('数据范围', 'Scope');
    c.p(`数据库中没有“${node.name.zh}”的任何序列。`, `The database holds none of the series of "${node.name.en}".`);
    return { title: topic, subtitle: '' };
  }
  const lead = plan.indicators[0]!;
  const asOf = plan.indicators.map((s) => s.latest.asOf).sort().at(-1)!;

  // ---- 1. scope and takeaways ------------------------------------------------------------------------------
  c.section('范围与核心结论', 'Scope and key takeaways');
  const names = plan.indicators.map((s) => seriesLabel(c, s)).join(c.t('、', ', '));
  c.p(`本报告研究${node.name.zh}，依据数据库中的${names}等序列，数据截至${c.day(asOf)}。`, `This report covers ${node.name.en}, from the database's series on ${names}, with data through ${c.day(asOf)}.`);
  const scope = [...(node.cannotTell ?? [])];
  if (plan.missing.length) scope.push({ zh: `本主题的以下序列不在数据库中，报告不涉及：${plan.missing.join('、')}。`, en: `These series of the topic are not in the database and are not covered: ${plan.missing.join(', ')}.` });
  if (scope.length) c.p(`数据范围：${scope.map((x) => x.zh).join('')}`, `Scope: ${scope.map((x) => x.en).join(' ')}`);
  const takeaways: string[] = [];
  for (const s of plan.indicators.slice(0, 4)) {
    const name = seriesLabel(c, s);
    const [now, avg] = w.pair(s.latest, s.window.average);
    const vsAvg = now === avg ? 0 : s.latest.value - s.window.average.value;
    const pos = vsAvg > 0 ? c.t('高于', 'above') : vsAvg < 0 ? c.t('低于', 'below') : c.t('持平于', 'level with');
    const since = s.window.from.slice(0, 4);
    const year = s.yearAgo && s.change1y ? s : null;
    takeaways.push(
      c.t(
        `${name}最新为${now}${c.cite(s.latest)}，${pos}${since}年以来的平均值${avg}${c.cite(s.window.average)}${year ? `；一年前为${w.v(year.yearAgo!)}${c.cite(year.yearAgo!)}，一年来${year.change1y!.value >= 0 ? '上升' : '下降'}${w.abs(year.change1y!)}${c.cite(year.change1y!)}` : ''}。`,
        `${name} is ${now}${c.cite(s.latest)}, ${pos} the ${avg} it averaged since ${since}${c.cite(s.window.average)}.${year ? ` ${name} was ${w.v(year.yearAgo!)} a year earlier${c.cite(year.yearAgo!)}. ${name} has changed by ${w.signed(year.change1y!)} since then${c.cite(year.change1y!)}.` : ''}`,
      ),
    );
  }
  for (const r of plan.relations.slice(0, 2)) {
    const name = c.t(r.relation.name.zh, r.relation.name.en);
    c.describe(r.latest, name, c.t('最新', 'latest'));
    c.describe(r.average, name, c.t('平均', 'average'));
    takeaways.push(c.t(`${name}最新为${w.v(r.latest)}${c.cite(r.latest)}，${r.from.slice(0, 4)}年以来平均为${w.v(r.average)}${c.cite(r.average)}。`, `${name} is ${w.v(r.latest)}${c.cite(r.latest)}; its average since ${r.from.slice(0, 4)} is ${w.v(r.average)}${c.cite(r.average)}.`));
  }
  c.bullets(c.lang === 'en' ? takeaways.map(capital) : takeaways);

  // ---- 2. indicators -----------------------------------------------------------------------------------------
  c.section('主要指标：现状与历史位置', 'The indicators: where they stand and their history');
  storyTable(c, plan.indicators, plan.years);
  for (const s of plan.indicators) c.p(historySentence(w, s, plan.years), historySentence(w, s, plan.years));
  let fig = storyCharts(c, plan, plan.indicators, 1);

  // ---- 3. relations --------------------------------------------------------------------------------------------
  if (plan.relations.length) {
    c.section('指标之间的关系', 'How the indicators relate');
    relationTable(c, plan.relations);
    for (const r of plan.relations) {
      const name = c.t(r.relation.name.zh, r.relation.name.en);
      c.describe(r.high, name, c.t('最高', 'high'));
      c.describe(r.low, name, c.t('最低', 'low'));
      c.p(relationSentence(w, r, r.frequency), relationSentence(w, r, r.frequency));
    }
    const r0 = plan.relations[0]!;
    c.chart(timeChart({ title: c.t(`图${fig} ${r0.relation.name.zh}`, `Figure ${fig} ${r0.relation.name.en}`), lang: c.lang, lines: [{ name: c.t(r0.relation.name.zh, r0.relation.name.en), points: chartPoints(r0.data as never, r0.from, r0.latest.unit.scale === 0.01 ? 0.01 : 1) }], axisNames: [r0.latest.unit.scale === 0.01 ? c.t('基点', 'bp') : r0.relation.kind === 'ratio' ? c.t('比值', 'ratio') : c.t('百分点', 'pp')]}), [r0.relation.a, r0.relation.b]);
    fig++;
  }

  // ---- 4. policy periods -----------------------------------------------------------------------------------
  const withPeriods = plan.indicators.filter((s) => s.periods.length);
  if (withPeriods.length) {
    c.section('政策时期对比', 'Across policy periods');
    const periods = [...new Map(withPeriods.flatMap((s) => s.periods.map((p) => [p.period.id, p.period] as const))).values()];
    c.p(
      `下表比较各指标在${periods.map((p) => p.name.zh).join('、')}期间的变化与平均水平（时期的起止日期依据美联储文件）。`,
      `The table compares each indicator's change and average during ${periods.map((p) => p.name.en).join(' and ')} (the periods' dates follow the Fed's texts).`,
    );
    const rows: Array<Array<string | { f: Fact; text?: string }>> = [];
    for (const s of withPeriods)
      for (const p of s.periods) {
        const name = seriesLabel(c, s);
        const pn = c.t(p.period.name.zh, p.period.name.en);
        c.describe(p.change, name, pn, c.t('变化', 'change'));
        c.describe(p.average, name, pn, c.t('平均', 'average'));
        rows.push([`${name} · ${pn}`, { f: p.change, text: w.signed(p.change) }, { f: p.average }, c.cite(p.change, p.average)]);
      }
    c.table([c.t('指标 · 时期', 'Indicator · period'), c.t('期间变化', 'Change during'), c.t('期间平均', 'Average during'), c.t('来源', 'Source')], rows);
  }

  // ---- 5. context --------------------------------------------------------------------------------------------
  if (plan.related.length) {
    c.section('相关市场与背景数据', 'Related markets and context');
    storyTable(c, plan.related, plan.years);
    const s = plan.related[0]!;
    c.p(historySentence(w, s, plan.years), historySentence(w, s, plan.years));
    fig = storyCharts(c, plan, plan.related.slice(0, 4), fig, 1);
  }

  // ---- 6. companies ------------------------------------------------------------------------------------------
  if (plan.companies.length) {
    c.section('相关公司', 'Companies');
    c.table(
      [c.t('公司', 'Company'), c.t('最新收盘价', 'Latest close'), c.t('一年涨跌幅', 'One-year return'), c.t('来源', 'Source')],
      plan.companies.map((co) => {
        const name = c.t(co.name.zh, co.name.en);
        c.describe(co.price.latest, name, c.t('收盘价', 'close'));
        if (co.price.change1y) c.describe(co.price.change1y, name, c.t('一年涨跌幅', 'one-year return'));
        return [`${name} (${co.ticker})`, c.dated(co.price.latest), co.price.change1y ? { f: co.price.change1y, text: w.signed(co.price.change1y) } : '—', c.cite(co.price.latest, ...(co.price.change1y ? [co.price.change1y] : []))];
      }),
    );
    const ranked = plan.companies.filter((co) => co.price.change1y).sort((a, b) => b.price.change1y!.value - a.price.change1y!.value);
    if (ranked.length >= 2) {
      const top = ranked[0]!;
      const bottom = ranked.at(-1)!;
      c.p(
        `过去一年，${top.name.zh}涨跌幅最高，为${w.signed(top.price.change1y!)}${c.cite(top.price.change1y!)}；${bottom.name.zh}最低，为${w.signed(bottom.price.change1y!)}${c.cite(bottom.price.change1y!)}。`,
        `Over the past year ${top.name.en} returned the most, ${w.signed(top.price.change1y!)}${c.cite(top.price.change1y!)}, and ${bottom.name.en} the least, ${w.signed(bottom.price.change1y!)}${c.cite(bottom.price.change1y!)}.`,
      );
    }
  }

  // ---- 7. what the Fed and officials said ------------------------------------------------------------------
  const quotes = quoteLines(w, plan);
  if (quotes.length) {
    c.section('美联储与官员的表述', 'What the Fed and officials said');
    c.p('以下为与本主题最相关的美联储文件原文，按原文引用并注明出处与发言人：', 'The passages of the Fed’s texts most relevant to the topic, quoted verbatim with their source and speaker:');
    c.bullets(quotes);
  }

  // ---- 8. what the data cannot tell, related topics ----------------------------------------------------------
  c.section('数据不能告诉我们的', 'What the data cannot tell', 'challenges');
  c.bullets(plan.cannotTell.map((x) => c.t(x.zh, x.en)));
  if (plan.links.length) c.p(`相关主题：${plan.links.map((l) => shortName(l.name.zh)).join(';')}。`, `Related topics: ${plan.links.map((l) => shortName(l.name.en)).join('; ')}.`);

  c.section('数据与方法', 'Data and method', 'method');
  c.p(
    `每个数字都由数据库中的序列计算：最新值即最后的观测值；利率、比率和会跌破零的指数的一年变化是最新值与一年前的值之差，其他指标的一年变化是变化率；最高、最低与平均值覆盖近${plan.years}年的观测；价格指数按同比读取。引文均为美联储文件原文，发言人以文件标明者为准。`,
    `Every number is computed from the database's series: the latest value is the last observation; the change over the year is a difference in points for rates, ratios and indices that go below zero, and a percent change otherwise; highs, lows and averages cover the last ${plan.years} years of observations; price indices are read year over year. Quotes are verbatim from the Fed’s texts, attributed as the document names the speaker.`,
  );
  return { title: c.t(`${node.name.zh}研究报告`, `${node.name.en}: a research report`), subtitle: c.t(`数据截至${c.day(asOf)}；${lead.series.meta.id}等${plan.indicators.length + plan.related.length}个序列`, `Data through ${c.day(asOf)}; ${plan.indicators.length + plan.related.length} series incl. ${lead.series.meta.id}`) };
}
``