// Policy questions answered from the FOMC decision record, FRED's target range and the cited FOMC texts.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { IsoDate } from '../../core/types.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES } from '../../knowledge/periods.ts';
import { documentsOnDates } from '../../store/passages.ts';
import { chartFor, NoAnswerError, type ExecContext } from './common.ts';

export async function policy(ctx: ExecContext): Promise<void> {
  const { w, plan, data } = ctx;
  const topic = plan.policy!;
  const qt2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;
  const qt1 = NAMED_PERIODS.find((p) => p.id === 'qt1')!;
  const cite = async (c: { date: IsoDate; title: string; url: string; quote: string }) => {
    const doc = await data.documentWithQuote(c.date, c.quote);
    return w.document({ id: doc?.id ?? `${c.date}:${c.url}`, title: doc?.title ?? c.title, url: doc?.url ?? c.url, date: c.date, quote: c.quote });
  };
  if (topic === 'qt_end' || topic === 'qt_start') {
    const [start, end] = qt2.citations;
    const sStart = await cite(start!);
    const sEnd = await cite(end!);
    const walcl = await data.series('WALCL');
    const ch = A.change(walcl, qt2.from, qt2.to);
    const pct = A.percentChange(walcl, qt2.from, qt2.to);
    if (topic === 'qt_end') {
      w.say(
        `美联储在${w.date(end!.date)}的FOMC声明中宣布于12月1日结束缩表(“${end!.quote}”)${w.citeDoc(sEnd)}。本轮缩表自2022年6月1日开始${w.citeDoc(sStart)}。`,
        `The FOMC announced on ${end!.date} that it would end the runoff on December 1, 2025 ("${end!.quote}")${w.citeDoc(sEnd)}. This round of QT had begun on June 1, 2022${w.citeDoc(sStart)}.`,
      );
    } else {
      w.say(
        `本轮缩表于2022年6月1日开始,依据是${w.date(start!.date)}发布的缩表计划(“${start!.quote}”)${w.citeDoc(sStart)};上一轮(QT1)于2017年10月启动${w.citeDoc(await cite(qt1.citations[0]!))}。`,
        `This round of QT began on June 1, 2022 under the plan published on ${start!.date} ("${start!.quote}")${w.citeDoc(sStart)}; the previous round (QT1) began in October 2017${w.citeDoc(await cite(qt1.citations[0]!))}.`,
      );
    }
    w.fact(ch);
    w.say(
      `按H.4.1数据,缩表期间(${w.date(ch.period!.from)}至${w.date(ch.period!.to)})美联储总资产减少${w.abs(ch)}(${w.signed(pct)})${w.cite(ch, pct)}。`,
      `Per the H.4.1 data, total assets fell by ${w.abs(ch)} (${w.signed(pct)}) between ${ch.period!.from} and ${ch.period!.to}${w.cite(ch, pct)}.`,
    );
    chartFor(ctx, [walcl], '2021-01-01', undefined, [ch]);
    return;
  }
  if (topic === 'qt_caps') {
    const rows: string[] = [];
    for (const r of QT2_CAP_REGIMES) {
      const src = await cite(r.citation);
      rows.push(
        w.t(
          `- ${w.month(r.from)}–${w.month(r.to)}:国债每月上限${r.treasuryCapBillions * 10}亿美元,MBS每月上限${r.mbsCapBillions * 10}亿美元(${w.date(r.citation.date)}宣布)${w.citeDoc(src)}`,
          `- ${r.from.slice(0, 7)} to ${r.to.slice(0, 7)}: Treasuries $${r.treasuryCapBillions} billion a month, MBS $${r.mbsCapBillions} billion a month (announced ${r.citation.date})${w.citeDoc(src)}`,
        ),
      );
    }
    w.say('本轮缩表(QT2)的每月赎回上限及调整:', 'Monthly redemption caps of QT2 and how they changed:');
    w.paragraphs.push(rows.join('\n'));
    // How much MBS actually ran off under the full cap, computed from the data.
    const mbs = await data.series('WSHOMCB');
    const full = QT2_CAP_REGIMES.find((r) => r.id === 'qt2_full')!;
    const m = A.averageMonthlyChange(mbs, full.from, full.to);
    w.fact(m);
    w.say(
      `实际数据:${w.date(m.period!.from)}至${w.date(m.period!.to)},美联储MBS持有量平均每月减少${w.abs(m)}${w.cite(m)},低于350亿美元的上限${w.citeDoc(await cite(full.citation))}——提前还款慢使MBS缩减长期低于上限。`,
      `In the data: from ${m.period!.from} to ${m.period!.to}, the Fed's MBS holdings fell by an average of ${w.abs(m)} a month${w.cite(m)}, below the $35 billion cap${w.citeDoc(await cite(full.citation))} — slow prepayments kept MBS runoff under its cap.`,
    );
    w.say(`${w.date(qt2.citations[1]!.date)}的声明宣布于12月1日结束缩表${w.citeDoc(await cite(qt2.citations[1]!))}。`, `The ${qt2.citations[1]!.date} statement ended the runoff on December 1${w.citeDoc(await cite(qt2.citations[1]!))}.`);
    chartFor(ctx, [mbs], '2022-01-01', undefined, [m]);
    return;
  }
  // Rate decisions: dates from the decision record, sizes computed from FRED's target-range series.
  const allDecisions = await data.decisions();
  const upper = await data.series('DFEDTARU');
  const lower = await data.series('DFEDTARL');
  const t = plan.time;
  const inWindow = (date: IsoDate) => (t.kind === 'point' || t.kind === 'range' ? date >= t.from && (!('to' in t) || !t.to || date <= t.to) : true);
  const decisions = allDecisions.filter((d) => inWindow(d.date));
  if (topic === 'count_decisions' || topic === 'decision_bp' || topic === 'dissents') assertInRecord(ctx, allDecisions);
  if (topic === 'count_decisions') return countDecisions(ctx, decisions, allDecisions);
  if (topic === 'decision_bp') return decisionBp(ctx, allDecisions);
  if (topic === 'dissents') return dissentAnswer(ctx, allDecisions);
  if (topic === 'target_range' && t.kind === 'point' && !t.relative) return rangeOnDate(ctx, allDecisions, t.precision === 'day' ? t.date : t.to, t.label, Boolean(t.future));
  const action = plan.decisionAction ?? (topic === 'last_cut' ? 'cut' : topic === 'last_hike' ? 'hike' : undefined);
  const pick = action ? decisions.filter((d) => d.action === action) : decisions.filter((d) => d.action !== 'operational');
  const d = pick[pick.length - 1];
  const lastUpper = A.latest(upper);
  if (!d && topic !== 'target_range') {
    throw new NoAnswerError({ zh: `所问时期内没有${action === 'cut' ? '降息' : action === 'hike' ? '加息' : '利率决议'}。`, en: `There was no ${action ?? 'rate decision'} in that period.` });
  }
  if (d && d.date > (upper.meta.lastDate ?? '') && d.upper !== null && d.lower !== null && topic !== 'target_range') {
    // The decision is newer than the FRED data: its range comes from the decision record (the statement).
    const prev = decisions.filter((x) => x.date < d.date && x.upper !== null).at(-1);
    const doc = { kind: 'document' as const, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: d.url ?? 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm', date: d.date };
    const mk = (id: string, value: number, unit: Fact['unit'], zh: string, en: string, method: Fact['method']): Fact => ({ id, value, unit, label: { zh, en }, asOf: d.date, method, inputs: [], sourceIds: [] });
    const up = w.factWithSource(mk(`FOMC:${d.date}:upper`, d.upper, A.PERCENT, '目标区间上限', 'target range, upper bound', 'document'), doc);
    const lo = w.factWithSource(mk(`FOMC:${d.date}:lower`, d.lower, A.PERCENT, '目标区间下限', 'target range, lower bound', 'document'), doc);
    const size = prev ? w.factWithSource({ ...mk(`FOMC:${d.date}:size`, Math.round((d.upper - prev.upper!) * 10000) / 100, A.BASIS_POINTS, '调整幅度', 'size of the move', 'change'), methodDetail: `upper bound after the ${d.date} decision minus upper bound after the ${prev.date} decision` }, doc) : null;
    if (size) w.facts.unshift(w.facts.splice(w.facts.indexOf(size), 1)[0]!);
    const verbZh = d.action === 'hike' ? '加息' : '降息';
    w.say(
      `最近一次${verbZh}是在${w.date(d.date)}的FOMC会议${size ? `,幅度${w.abs(size)}` : ''},目标区间调整为${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}。`,
      `The last ${d.action === 'hike' ? 'hike' : 'cut'} was at the FOMC meeting on ${d.date}${size ? `: ${w.abs(size)}` : ''}, taking the target range to ${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}.`,
    );
    w.say(
      `FRED的目标区间序列截至${w.date(lastUpper.asOf)},尚未包含这次决定;此前区间上限为${w.v(lastUpper)}${w.cite(lastUpper)}。`,
      `FRED's target-range series ends on ${lastUpper.asOf} and does not include this decision yet; before it the upper bound was ${w.v(lastUpper)}${w.cite(lastUpper)}.`,
    );
    chartFor(ctx, [upper, lower], A.addYears(d.date, -3));
    return;
  }
  if (topic === 'target_range' || !d || d.date > (upper.meta.lastDate ?? '')) {
    const latestDecision = allDecisions.filter((x) => x.action !== 'operational' && x.upper !== null).at(-1);
    const lastLower = A.latest(lower);
    w.fact(lastUpper);
    w.say(
      `截至${w.date(lastUpper.asOf)},联邦基金利率目标区间为${w.v(lastLower)}–${w.v(lastUpper)}${w.cite(lastLower, lastUpper)}。`,
      `As of ${lastUpper.asOf}, the federal funds target range is ${w.v(lastLower)} to ${w.v(lastUpper)}${w.cite(lastLower, lastUpper)}.`,
    );
    for (const x of allDecisions.filter((y) => y.date > lastUpper.asOf && y.action !== 'operational' && y.upper !== null && y.lower !== null)) {
      const doc = { kind: 'document' as const, title: w.t(`FOMC声明 ${x.date}`, `FOMC statement ${x.date}`), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: x.url ?? 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm', date: x.date };
      const mk = (id: string, value: number, zh: string, en: string): Fact => ({ id, value, unit: A.PERCENT, label: { zh, en }, asOf: x.date, method: 'document', inputs: [], sourceIds: [] });
      const up = w.factWithSource(mk(`FOMC:${x.date}:upper`, x.upper!, '目标区间上限', 'target range, upper bound'), doc);
      const lo = w.factWithSource(mk(`FOMC:${x.date}:lower`, x.lower!, '目标区间下限', 'target range, lower bound'), doc);
      const act = x.action === 'hike' ? w.t('加息', 'raised the range') : x.action === 'cut' ? w.t('降息', 'cut the range') : w.t('维持不变', 'kept the range');
      w.say(
        `FRED数据截至${w.date(lastUpper.asOf)};此后${w.date(x.date)}的FOMC会议${act},目标区间为${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}。`,
        `FRED's data ends on ${lastUpper.asOf}; at its meeting on ${x.date} the FOMC ${act} to ${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}.`,
      );
      if (x === latestDecision) w.facts.unshift(w.facts.splice(w.facts.indexOf(up), 1)[0]!);
    }
    chartFor(ctx, [upper, lower], '2021-01-01');
    return;
  }
  const before = A.valueOn(upper, A.addDays(d.date, -1));
  const after = A.valueOn(upper, A.addDays(d.date, 1), { policy: 'on_or_after' });
  const size = A.toBasisPoints(A.change(upper, before.asOf, after.asOf));
  const afterLower = A.valueOn(lower, after.asOf);
  const src = d.url ? w.document({ id: `decision:${d.date}`, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), url: d.url, date: d.date }) : null;
  w.fact(size);
  const verbZh = d.action === 'hike' ? '加息' : d.action === 'cut' ? '降息' : '调整';
  w.say(
    `最近一次${verbZh}是在${w.date(d.date)}的FOMC会议${src ? w.citeDoc(src) : ''},幅度${w.abs(size)}${w.cite(size)},目标区间调整为${w.v(afterLower)}–${w.v(after)}${w.cite(afterLower, after)}。`,
    `The last ${d.action === 'hike' ? 'hike' : 'cut'} was at the FOMC meeting on ${d.date}${src ? w.citeDoc(src) : ''}: ${w.abs(size)}${w.cite(size)}, taking the target range to ${w.v(afterLower)}–${w.v(after)}${w.cite(afterLower, after)}.`,
  );
  chartFor(ctx, [upper, lower], A.addYears(d.date, -3));
}

/** "2022年加息了几次": count decisions of one kind in the period, from the decision record. */
function countDecisions(ctx: ExecContext, decisions: Array<{ date: IsoDate; action: string; lower: number | null; upper: number | null; url: string | null }>, all: typeof decisions): void {
  const { w, plan } = ctx;
  const action = plan.decisionAction ?? 'hike';
  const hits = decisions.filter((d) => d.action === action);
  const t = plan.time;
  const label = 'label' in t ? w.t(t.label.zh, t.label.en) : w.t('有记录以来', 'in the record');
  const from = decisions[0]?.date ?? all[0]!.date;
  const to = decisions.at(-1)?.date ?? all.at(-1)!.date;
  const f: Fact = {
    id: `FOMC:count:${action}:${from}:${to}`,
    value: hits.length,
    unit: { kind: 'count', scale: 1, label: 'Meetings' },
    label: { zh: `FOMC ${action === 'hike' ? '加息' : action === 'cut' ? '降息' : '维持利率'}次数(${from} 至 ${to})`, en: `FOMC ${action === 'hike' ? 'hikes' : action === 'cut' ? 'cuts' : 'holds'} (${from} to ${to})` },
    asOf: to,
    period: { from, to },
    method: 'count',
    methodDetail: `number of scheduled and unscheduled FOMC decisions with action "${action}" between ${from} and ${to} in the decision record`,
    inputs: [],
    sourceIds: [],
  };
  const src = { kind: 'document' as const, title: w.t('FOMC利率决议记录(各次会议声明)', 'FOMC rate decisions (meeting statements)'), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm', date: to };
  const fact = w.factWithSource(f, src);
  const verb = w.t(action === 'hike' ? '加息' : action === 'cut' ? '降息' : '维持利率不变', action === 'hike' ? 'raised rates' : action === 'cut' ? 'cut rates' : 'left rates unchanged');
  w.say(`${label},FOMC共${verb}${hits.length}次${w.cite(fact)}。`, `In ${label}, the FOMC ${verb} ${hits.length} time${hits.length === 1 ? '' : 's'}${w.cite(fact)}.`);
  if (hits.length && hits.length <= 12) {
    const lines = hits.map((d) => {
      const src2 = d.url ? w.document({ id: `decision:${d.date}`, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), url: d.url, date: d.date }) : null;
      const lo = d.lower !== null ? w.factWithSource({ id: `FOMC:${d.date}:lower`, value: d.lower, unit: A.PERCENT, label: { zh: '目标区间下限', en: 'target range, lower bound' }, asOf: d.date, method: 'document', inputs: [], sourceIds: [] }, { ...src, date: d.date, ...(d.url ? { url: d.url } : {}) }) : null;
      const up = d.upper !== null ? w.factWithSource({ id: `FOMC:${d.date}:upper`, value: d.upper, unit: A.PERCENT, label: { zh: '目标区间上限', en: 'target range, upper bound' }, asOf: d.date, method: 'document', inputs: [], sourceIds: [] }, { ...src, date: d.date, ...(d.url ? { url: d.url } : {}) }) : null;
      const range = lo && up ? `${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}` : '';
      return `- ${w.date(d.date)}${range ? w.t(`:目标区间 ${range}`, `: target range ${range}`) : ''}${src2 ? w.citeDoc(src2) : ''}`;
    });
    w.paragraphs.push(lines.join('\n'));
  }
}


// ---- decision arithmetic ------------------------------------------------------------------------------------------

const CALENDAR_URL = 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm';
type Decision = Awaited<ReturnType<ExecContext['data']['decisions']>>[number];

/** The decision record as a source (dated by the last decision used). */
function recordSource(ctx: ExecContext, date: IsoDate) {
  const { w } = ctx;
  return { kind: 'document' as const, title: w.t('FOMC利率决议记录(各次会议声明)', 'FOMC rate decisions (meeting statements)'), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: CALENDAR_URL, date };
}

/** One decision's statement as a source. */
function statementSource(ctx: ExecContext, d: Decision) {
  const { w } = ctx;
  return { kind: 'document' as const, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: d.url ?? CALENDAR_URL, date: d.date };
}

/** The period asked for, as [from, to] (open ends = the whole record). */
function askedWindow(ctx: ExecContext): { from?: IsoDate; to?: IsoDate } {
  const t = ctx.plan.time;
  if (t.kind === 'point') return t.precision === 'day' ? { from: t.date, to: t.date } : { from: t.from, to: t.to };
  if (t.kind === 'range') return { from: t.from, ...(t.to ? { to: t.to } : {}) };
  return {};
}

/** A period wholly before or after the decision record is declined with the record's range. */
function assertInRecord(ctx: ExecContext, all: Decision[]): void {
  const t = ctx.plan.time;
  if (t.kind === 'invalid') throw new NoAnswerError(t.reason);
  if ((t.kind !== 'point' && t.kind !== 'range') || (t.kind === 'point' && t.relative)) return;
  const ds = A.rateDecisions(all);
  const first = ds[0]?.date;
  const last = ds.at(-1)?.date;
  if (!first || !last) throw new NoAnswerError({ zh: '没有FOMC决议记录。', en: 'There is no FOMC decision record.' });
  const { from, to } = askedWindow(ctx);
  if ((from && from > last) || (to && to < first)) {
    throw new NoAnswerError({
      zh: `${t.label.zh}在数据范围之外:FOMC决议记录覆盖${first}至${last}的会议。`,
      en: `${t.label.en} is outside the data: the FOMC decision record covers meetings from ${first} to ${last}.`,
    });
  }
}

function countFact(ctx: ExecContext, n: number, action: string | undefined, from: IsoDate, to: IsoDate): Fact {
  const word = action === 'hike' ? { zh: '加息', en: 'hikes' } : action === 'cut' ? { zh: '降息', en: 'cuts' } : { zh: '利率调整', en: 'rate moves' };
  return ctx.w.factWithSource(
    {
      id: `FOMC:count:${action ?? 'moves'}:${from}:${to}`,
      value: n,
      unit: { ...A.MEETINGS },
      label: { zh: `FOMC ${word.zh}次数(${from} 至 ${to})`, en: `FOMC ${word.en} (${from} to ${to})` },
      asOf: to,
      period: { from, to },
      method: 'count',
      methodDetail: `number of FOMC decisions with action "${action ?? 'hike or cut'}" between ${from} and ${to} in the decision record`,
      inputs: [],
      sourceIds: [],
    },
    recordSource(ctx, to),
  );
}

/** "2022年一共加息多少个基点", "2022年6月加息了多少": basis points moved by the decisions in the period. */
function decisionBp(ctx: ExecContext, all: Decision[]): void {
  const { w, plan } = ctx;
  const action = plan.decisionAction === 'hike' || plan.decisionAction === 'cut' ? plan.decisionAction : undefined;
  const { from, to } = askedWindow(ctx);
  const ds = A.rateDecisions(all);
  const f0 = from ?? ds[0]!.date;
  const t0 = to && to < ds.at(-1)!.date ? to : ds.at(-1)!.date;
  const { fact, used } = A.cumulativeMove(all, action, f0, t0);
  const t = plan.time;
  const label = t.kind !== 'latest' && 'label' in t ? t.label : { zh: '有记录以来', en: 'the decision record' };
  const verb = action === 'hike' ? { zh: '加息', en: 'raised rates' } : action === 'cut' ? { zh: '降息', en: 'cut rates' } : { zh: '调整利率', en: 'moved rates' };
  if (used.length === 1) {
    const m = used[0]!;
    const size = w.factWithSource(A.moveSize(m), statementSource(ctx, m.decision));
    const r = A.rangeFacts(m.decision);
    const prev = A.rangeFacts(m.previous);
    const lo = w.factWithSource(r.lower, statementSource(ctx, m.decision));
    const up = w.factWithSource(r.upper, statementSource(ctx, m.decision));
    const plo = w.factWithSource(prev.lower, statementSource(ctx, m.previous));
    const pup = w.factWithSource(prev.upper, statementSource(ctx, m.previous));
    const dir = m.bp > 0 ? { zh: '加息', en: 'raised the target range by' } : { zh: '降息', en: 'cut the target range by' };
    w.say(
      `${label.zh},FOMC在${w.date(m.decision.date)}的会议上${dir.zh}${w.abs(size)}${w.cite(size)},目标区间由${w.v(plo)}–${w.v(pup)}${w.cite(plo, pup)}调整为${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}。`,
      `In ${label.en}, the FOMC ${dir.en} ${w.abs(size)} at its meeting on ${m.decision.date}${w.cite(size)}, from ${w.v(plo)}–${w.v(pup)}${w.cite(plo, pup)} to ${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}.`,
    );
    w.say('计算方法:该次决议后目标区间上限减去上一次决议后的上限。', 'Method: the upper bound after the decision minus the upper bound after the previous decision.');
    return;
  }
  const total = w.factWithSource(fact, recordSource(ctx, fact.asOf));
  const n = countFact(ctx, used.length, action, f0, t0);
  if (!used.length) {
    w.say(`${label.zh}(${w.date(f0)}至${w.date(t0)}),FOMC没有${verb.zh},累计幅度为${w.abs(total)}${w.cite(total)}。`, `In ${label.en} (${f0} to ${t0}), the FOMC did not ${action === 'hike' ? 'raise' : action === 'cut' ? 'cut' : 'move'} rates: ${w.abs(total)} in all${w.cite(total)}.`);
    return;
  }
  w.say(
    `${label.zh}(${w.date(f0)}至${w.date(t0)}),FOMC共${verb.zh}${n.value}次${w.cite(n)},累计${w.abs(total)}${w.cite(total)}。`,
    `In ${label.en} (${f0} to ${t0}), the FOMC ${verb.en} ${n.value} time${n.value === 1 ? '' : 's'}${w.cite(n)}, ${w.abs(total)} in all${w.cite(total)}.`,
  );
  const lines = used.slice(0, 16).map((m) => {
    const size = w.factWithSource(A.moveSize(m), statementSource(ctx, m.decision));
    const up = w.factWithSource(A.rangeFacts(m.decision).upper, statementSource(ctx, m.decision));
    return w.t(`- ${w.date(m.decision.date)}:${w.signed(size)},上限至${w.v(up)}${w.cite(size, up)}`, `- ${m.decision.date}: ${w.signed(size)}, upper bound to ${w.v(up)}${w.cite(size, up)}`);
  });
  w.paragraphs.push(lines.join('\n'));
  w.say('计算方法:各次决议后目标区间上限减去上一次决议后上限,再求和。', 'Method: for each decision, the upper bound after it minus the upper bound after the previous decision, summed.');
}

/** "2019年8月1日联邦基金利率目标区间": the range in force on a past date. */
async function rangeOnDate(ctx: ExecContext, all: Decision[], date: IsoDate, label: { zh: string; en: string }, future: boolean): Promise<void> {
  const { w, data } = ctx;
  const upper = await data.series('DFEDTARU');
  const lower = await data.series('DFEDTARL');
  const first = upper.meta.firstDate ?? '';
  const lastFred = upper.meta.lastDate ?? '';
  const ds = A.rateDecisions(all);
  const lastDecision = ds.at(-1)!;
  if (date < first) {
    throw new NoAnswerError({ zh: `${label.zh}在数据范围之外:目标区间序列始于${first}(此前美联储公布的是单一目标利率)。`, en: `${label.en} is outside the data: the target-range series begins on ${first} (before it the Fed set a single target rate).` });
  }
  if (date <= lastFred) {
    const up = A.valueOn(upper, date);
    const lo = A.valueOn(lower, date);
    w.fact(up);
    const d = A.decisionInForce(all, date);
    const src = d ? w.document({ id: `decision:${d.date}`, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), url: d.url ?? CALENDAR_URL, date: d.date }) : null;
    w.say(
      `${w.date(up.asOf)},联邦基金利率目标区间为${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}${up.asOf !== date ? `(${w.date(date)}没有观测值,使用此前最近的${w.date(up.asOf)})` : ''}。`,
      `On ${up.asOf}, the federal funds target range was ${w.v(lo)} to ${w.v(up)}${w.cite(lo, up)}${up.asOf !== date ? ` (no observation on ${date}; the last one before it is used)` : ''}.`,
    );
    if (d && d.date < date) w.say(`该区间由${w.date(d.date)}的FOMC会议设定${src ? w.citeDoc(src) : ''}。`, `It was set at the FOMC meeting on ${d.date}${src ? w.citeDoc(src) : ''}.`);
    else if (d && d.date === date) {
      const r = A.rangeFacts(d);
      const nlo = w.factWithSource(r.lower, statementSource(ctx, d));
      const nup = w.factWithSource(r.upper, statementSource(ctx, d));
      w.say(
        `${w.date(date)}当天FOMC开会,决定的新区间为${w.v(nlo)}–${w.v(nup)}${w.cite(nlo, nup)},次日生效。`,
        `The FOMC met that day and set a new range of ${w.v(nlo)} to ${w.v(nup)}${w.cite(nlo, nup)}, effective the next day.`,
      );
    }
    chartFor(ctx, [upper, lower], A.addYears(date, -2), A.addYears(date, 1) < lastFred ? A.addYears(date, 1) : lastFred, [up]);
    return;
  }
  if (future) {
    throw new NoAnswerError({ zh: `${label.zh}尚未到来,无法给出当时的目标区间;FOMC决议记录截至${lastDecision.date}。`, en: `${label.en} is in the future; the FOMC decision record ends on ${lastDecision.date}.` });
  }
  // after FRED's series ends: the decision in force (the last one on or before the date), from its statement — as for
  // the current range, the record's last decision holds until a later one is recorded
  const d = A.decisionInForce(all, date)!;
  const r = A.rangeFacts(d);
  const up = w.factWithSource(r.upper, statementSource(ctx, d));
  const lo = w.factWithSource(r.lower, statementSource(ctx, d));
  w.facts.unshift(w.facts.splice(w.facts.indexOf(up), 1)[0]!);
  w.say(
    `${w.date(date)}适用的联邦基金利率目标区间为${w.v(lo)}–${w.v(up)},由${w.date(d.date)}的FOMC会议设定${w.cite(lo, up)};FRED的目标区间序列尚未覆盖该日,此后决议记录中没有新的会议。`,
    `On ${date}, the federal funds target range in force was ${w.v(lo)} to ${w.v(up)}, set at the FOMC meeting on ${d.date}${w.cite(lo, up)}; FRED's target-range series does not reach that date, and the decision record has no later meeting.`,
  );
}

/** "2025年有几次会议有反对票", "how many dissented at the last meeting": votes against, with names when recorded. */
async function dissentAnswer(ctx: ExecContext, all: Decision[]): Promise<void> {
  const { w, plan, data } = ctx;
  const t = plan.time;
  const q = plan.question;
  const ds = A.rateDecisions(all);
  const oneMeeting = t.kind === 'latest' || (t.kind === 'point' && t.precision === 'day') || /上次会议|上一次会议|最近一次会议|最新一次会议|上次议息|(?:last|latest|most recent|previous) (?:fomc )?meeting/i.test(q);
  if (oneMeeting) {
    const d = t.kind === 'point' && t.precision === 'day' ? ds.find((x) => x.date === t.date) : t.kind === 'point' || t.kind === 'range' ? ds.filter((x) => x.date >= t.from && (!('to' in t) || !t.to || x.date <= t.to)).at(-1) : ds.at(-1);
    if (!d) {
      const near = t.kind === 'point' ? ds.filter((x) => x.date <= t.date).at(-1) : undefined;
      throw new NoAnswerError({ zh: `${'label' in t ? t.label.zh : ''}没有FOMC会议决议${near ? `(此前最近一次会议是${near.date})` : ''}。`, en: `There was no FOMC decision on ${'label' in t ? t.label.en : 'that date'}${near ? ` (the closest earlier meeting was on ${near.date})` : ''}.` });
    }
    const v = A.voteFacts(d);
    if (!v.votesAgainst) throw new NoAnswerError({ zh: `${d.date}会议的投票记录中没有反对票数。`, en: `The record of the ${d.date} meeting has no count of votes against.` });
    const against = w.factWithSource(v.votesAgainst, statementSource(ctx, d));
    const vf = v.votesFor ? w.factWithSource(v.votesFor, statementSource(ctx, d)) : null;
    w.say(
      `${w.date(d.date)}的FOMC会议${against.value === 0 ? '没有反对票' : `有${against.value}票反对`}${w.cite(against)}${vf ? `,${vf.value}票赞成${w.cite(vf)}` : ''}。`,
      `At the FOMC meeting on ${d.date}, ${against.value === 0 ? 'no member dissented' : `${against.value} member${against.value === 1 ? '' : 's'} voted against the decision`}${w.cite(against)}${vf ? `; ${vf.value} voted for it${w.cite(vf)}` : ''}.`,
    );
    if (against.value > 0) {
      // the names, quoted from the meeting's statement when it is stored
      const docs = await documentsOnDates(data.db, [d.date]);
      for (const doc of docs.filter((x) => x.kind === 'statement')) {
        const i = doc.body.search(/Voting against/);
        if (i < 0) continue;
        const nl = doc.body.indexOf('\n', i);
        const quote = doc.body.slice(i, nl < 0 ? Math.min(doc.body.length, i + 400) : Math.min(nl, i + 400)).trim();
        const src = w.document({ id: doc.id, title: doc.title, url: doc.url, date: doc.date, quote });
        w.say(`投反对票的委员见声明原文:“${quote}”${w.citeDoc(src)}`, `The statement names them: "${quote}"${w.citeDoc(src)}`);
        break;
      }
    }
    return;
  }
  const { from, to } = askedWindow(ctx);
  const res = A.dissents(all, from, to);
  const meetings = w.factWithSource(res.meetings, recordSource(ctx, res.meetings.asOf));
  const votes = w.factWithSource(res.votes, recordSource(ctx, res.votes.asOf));
  const considered = w.factWithSource(
    { ...res.meetings, id: `FOMC:decisions:${res.meetings.period!.from}:${res.meetings.period!.to}`, value: res.considered.length, label: { zh: `FOMC利率决议次数(${res.meetings.period!.from} 至 ${res.meetings.period!.to})`, en: `FOMC rate decisions (${res.meetings.period!.from} to ${res.meetings.period!.to})` }, methodDetail: `decisions with a recorded vote in the decision record between ${res.meetings.period!.from} and ${res.meetings.period!.to}` },
    recordSource(ctx, res.meetings.asOf),
  );
  const asksVotes = /票|人|委员|members?|officials?|votes|dissents\b|dissenters/i.test(q) && !/会议|meetings?/i.test(q);
  if (asksVotes) w.facts.unshift(w.facts.splice(w.facts.indexOf(votes), 1)[0]!);
  const label = 'label' in t ? t.label : { zh: '有记录以来', en: 'the record' };
  w.say(
    `${label.zh}(${w.date(res.meetings.period!.from)}至${w.date(res.meetings.period!.to)}),${considered.value}次FOMC利率决议${w.cite(considered)}中有${meetings.value}次会议出现反对票${w.cite(meetings)},反对票共${votes.value}张${w.cite(votes)}。`,
    `In ${label.en} (${res.meetings.period!.from} to ${res.meetings.period!.to}), ${meetings.value} of ${considered.value} FOMC rate decisions${w.cite(considered)} had at least one dissent${w.cite(meetings)}, with ${votes.value} votes against in all${w.cite(votes)}.`,
  );
  if (res.withDissent.length && res.withDissent.length <= 12) {
    const lines = res.withDissent.map((d) => {
      const a = w.factWithSource(A.voteFacts(d).votesAgainst!, statementSource(ctx, d));
      return w.t(`- ${w.date(d.date)}:${a.value}票反对${w.cite(a)}`, `- ${d.date}: ${a.value} against${w.cite(a)}`);
    });
    w.paragraphs.push(lines.join('\n'));
  }
}
