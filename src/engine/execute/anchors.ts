// Periods anchored on events (缩表结束以来, 上次降息以来, 本轮加息周期, 上市以来, 从上次加息到上次降息), resolved
// against the data before a question is executed: the decision record for hikes, cuts and cycles; the FOMC texts
// of src/knowledge/periods.ts for QT; the series itself for its first observation. The plan's time becomes a plain
// range, and the answer opens by saying the dates it resolved to, citing the decision or document behind each.
import * as A from '../../analytics/index.ts';
import type { Bilingual, IsoDate } from '../../core/types.ts';
import { NAMED_PERIODS } from '../../knowledge/periods.ts';
import { EVENT_LABELS, type EventAnchor, type TimeSpec } from '../understand/time.ts';
import { NoAnswerError, type ExecContext } from './common.ts';

interface Resolved {
  /** First day of the period. */
  from: IsoDate;
  /** Last day, when the anchor itself ends (a finished cycle); otherwise open. */
  to?: IsoDate;
  /** The sentence naming the dates, with its citation marker. */
  note: Bilingual;
}

const DECISIONS_URL = 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm';

/** `before`: the latest such event on or before this date (the start of "from the last hike to the last cut"). */
async function resolveAnchor(ctx: ExecContext, anchor: EventAnchor, before?: IsoDate): Promise<Resolved> {
  const { w, data, plan } = ctx;
  const decisionDoc = (d: A.PolicyDecision) =>
    w.citeDoc(w.document({ id: `decision:${d.date}`, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), url: d.url ?? DECISIONS_URL, date: d.date }));
  switch (anchor) {
    case 'last_hike':
    case 'last_cut': {
      const action = anchor === 'last_hike' ? 'hike' : 'cut';
      const d = A.rateDecisions(await data.decisions()).filter((x) => x.action === action && (!before || x.date <= before)).at(-1);
      if (!d) throw new NoAnswerError({ zh: `决议记录中没有${action === 'hike' ? '加息' : '降息'}。`, en: `The decision record has no ${action}.` });
      return {
        from: d.date,
        note: before
          ? { zh: `此前最后一次${action === 'hike' ? '加息' : '降息'}是${w.date(d.date)}的FOMC会议${decisionDoc(d)}`, en: `the last ${action} before it was at the FOMC meeting on ${d.date}${decisionDoc(d)}` }
          : { zh: `${EVENT_LABELS[anchor].zh}是${w.date(d.date)}的FOMC会议${decisionDoc(d)}`, en: `${EVENT_LABELS[anchor].en} was at the FOMC meeting on ${d.date}${decisionDoc(d)}` },
      };
    }
    case 'qt_start':
    case 'qt_end': {
      const qt2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;
      const c = anchor === 'qt_start' ? qt2.citations[0]! : qt2.citations[1]!;
      const doc = await data.documentWithQuote(c.date, c.quote);
      const src = w.document({ id: doc?.id ?? `${c.date}:${c.url}`, title: doc?.title ?? c.title, url: doc?.url ?? c.url, date: c.date, quote: c.quote });
      // QT2's last day is `to`; it ended the day after (the statement's "December 1").
      const from = anchor === 'qt_start' ? qt2.from : A.addDays(qt2.to!, 1);
      return {
        from,
        note:
          anchor === 'qt_start'
            ? { zh: `本轮缩表于${w.date(from)}开始(“${c.quote}”)${w.citeDoc(src)}`, en: `QT2 began on ${from} ("${c.quote}")${w.citeDoc(src)}` }
            : { zh: `缩表于${w.date(from)}结束(${w.date(c.date)}声明:“${c.quote}”)${w.citeDoc(src)}`, en: `QT ended on ${from} (statement of ${c.date}: "${c.quote}")${w.citeDoc(src)}` },
      };
    }
    case 'hike_cycle':
    case 'cut_cycle': {
      const action = anchor === 'hike_cycle' ? 'hike' : 'cut';
      const cy = A.latestCycle(await data.decisions(), action, before);
      if (!cy) throw new NoAnswerError({ zh: `决议记录中没有${action === 'hike' ? '加息' : '降息'}周期。`, en: `The decision record has no ${action === 'hike' ? 'hiking' : 'cutting'} cycle.` });
      const verb = action === 'hike' ? { zh: '加息', en: 'hike' } : { zh: '降息', en: 'cut' };
      const ended = cy.endedBy;
      return {
        from: cy.first.date,
        ...(ended ? { to: cy.last.date } : {}),
        note: {
          zh: `${EVENT_LABELS[anchor].zh}按决议记录界定:自上一次反向调整后的第一次${verb.zh}(${w.date(cy.first.date)})${decisionDoc(cy.first)}起,${cy.moves.length > 1 ? `至最近一次${verb.zh}(${w.date(cy.last.date)})${decisionDoc(cy.last)}` : '仅此一次'}${ended ? `;${w.date(ended.date)}已转为${action === 'hike' ? '降息' : '加息'}${decisionDoc(ended)}` : ',周期尚未结束'}`,
          en: `${EVENT_LABELS[anchor].en[0]!.toUpperCase()}${EVENT_LABELS[anchor].en.slice(1)}, from the decision record: from the first ${verb.en} after the last opposite move (${cy.first.date})${decisionDoc(cy.first)}${cy.moves.length > 1 ? ` to the latest ${verb.en} (${cy.last.date})${decisionDoc(cy.last)}` : ', the only one so far'}${ended ? `; the FOMC moved the other way on ${ended.date}${decisionDoc(ended)}` : '; the cycle has not ended'}`,
        },
      };
    }
    case 'first_obs': {
      const subject = plan.subjects[0];
      if (!subject) throw new NoAnswerError({ zh: '“有数据以来”需要指明一个数据序列或公司。', en: '"Since the first observation" needs a series or a company.' });
      const s = await data.series(subject.seriesId);
      const first = s.meta.firstDate;
      if (!first) throw new NoAnswerError({ zh: `${w.name(s.meta)} 没有数据。`, en: `${w.name(s.meta)} has no data.` });
      // no citation marker here: registering a fact now would put it ahead of the answer's headline fact; the
      // computed facts that follow carry this date and cite the series
      const src = '';
      return {
        from: first,
        note: {
          zh: `${w.name(s.meta)}在本数据库中的首个观测值是${w.obsDate(first, s.meta.frequency)}${src}(“上市以来”按数据中的首个观测值计算,不一定是实际上市日)`,
          en: `The first observation of ${w.name(s.meta)} in this database is ${w.obsDate(first, s.meta.frequency)}${src} ("since listing" is measured from the first observation in the data, which may be later than the actual listing)`,
        },
      };
    }
  }
}

/** Rewrites an event-anchored time into a range with dates, saying them first; other times are left as they are. */
export async function resolveEventTime(ctx: ExecContext): Promise<void> {
  const t = ctx.plan.time;
  if (t.kind !== 'event') return;
  // between two events, the start is the latest one before the end ("从上次加息到上次降息": the hike before that cut)
  const end = t.end ? await resolveAnchor(ctx, t.end) : null;
  const start = await resolveAnchor(ctx, t.start, end?.from);
  const from = start.from;
  const to = end ? end.from : start.to;
  if (to && to < from) {
    throw new NoAnswerError({ zh: `${t.label.zh}:终点(${to})早于起点(${from})。`, en: `${t.label.en}: the end (${to}) is before the start (${from}).` });
  }
  const range: TimeSpec = { kind: 'range', from, ...(to ? { to } : {}), label: t.label, ...(to ? {} : { since: true }) };
  ctx.plan = { ...ctx.plan, time: range };
  const { w } = ctx;
  const span = to ? w.t(`${w.date(from)}至${w.date(to)}`, `${from} to ${to}`) : w.t(`${w.date(from)}至最新数据`, `${from} to the latest data`);
  w.say(
    `“${t.label.zh}”:${end ? `${end.note.zh};${start.note.zh}` : start.note.zh}。计算区间为${span}。`,
    `"${t.label.en}": ${end ? `${end.note.en}; ${start.note.en}` : start.note.en}. The period used is ${span}.`,
  );
}
