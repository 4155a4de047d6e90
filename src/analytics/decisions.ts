// Arithmetic over the FOMC decision record (one row per meeting: date, action, target range after it, votes):
// sizes of moves, cumulative basis points over a period, the range in force on a date, dissents, and the dates of
// rate cycles. Pure functions; every number comes back as a Fact whose methodDetail names the decisions it used.
// Facts carry no series inputs: the caller attaches the decision record (or the meeting statement) as their source.
import type { Fact } from '../core/answer.ts';
import type { IsoDate } from '../core/types.ts';
import { BASIS_POINTS, PERCENT } from './units.ts';

export interface PolicyDecision {
  date: IsoDate;
  action: 'hike' | 'cut' | 'hold' | 'operational';
  lower: number | null;
  upper: number | null;
  votesFor?: number | null;
  votesAgainst?: number | null;
  url?: string | null;
}

export type MoveAction = 'hike' | 'cut';

export const MEETINGS = { kind: 'count', scale: 1, label: 'Meetings' } as const;
export const VOTES = { kind: 'count', scale: 1, label: 'Votes' } as const;

/** Rate decisions (not operational notices) with a target range, in date order. */
export function rateDecisions<D extends PolicyDecision>(all: D[]): D[] {
  return all.filter((d) => d.action !== 'operational' && d.upper !== null && d.lower !== null).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** bp between two percent levels, rounded to a whole bp (the record holds ranges in steps of 0.25 %). */
const bp = (after: number, before: number) => Math.round((after - before) * 10000) / 100;

export interface Move<D extends PolicyDecision = PolicyDecision> {
  decision: D;
  previous: D;
  /** Change of the upper bound, in basis points (signed). */
  bp: number;
}

/** Each decision with the change of the upper bound from the decision before it (the first decision has none). */
export function moves<D extends PolicyDecision>(all: D[]): Move<D>[] {
  const ds = rateDecisions(all);
  const out: Move<D>[] = [];
  for (let i = 1; i < ds.length; i++) out.push({ decision: ds[i]!, previous: ds[i - 1]!, bp: bp(ds[i]!.upper!, ds[i - 1]!.upper!) });
  return out;
}

const inWindow = (d: IsoDate, from?: IsoDate, to?: IsoDate) => (!from || d >= from) && (!to || d <= to);
const actionWord = (a: MoveAction | undefined) => (a === 'hike' ? { zh: '加息', en: 'hikes' } : a === 'cut' ? { zh: '降息', en: 'cuts' } : { zh: '利率调整', en: 'rate moves' });

/**
 * Total basis points moved by the decisions of one kind (or all) dated in [from, to]: the sum of each decision's
 * change of the upper bound from the decision before it. A period without such a decision sums to 0.
 */
export function cumulativeMove<D extends PolicyDecision>(all: D[], action: MoveAction | undefined, from?: IsoDate, to?: IsoDate): { fact: Fact; used: Move<D>[] } {
  const used = moves(all).filter((m) => inWindow(m.decision.date, from, to) && (action ? m.decision.action === action : m.bp !== 0));
  const total = Math.round(used.reduce((s, m) => s + m.bp, 0) * 100) / 100;
  const ds = rateDecisions(all);
  const f = from ?? ds[0]?.date ?? '';
  const t = to ?? ds.at(-1)?.date ?? f;
  const w = actionWord(action);
  const fact: Fact = {
    id: `FOMC:cumulative:${action ?? 'all'}:${f}:${t}`,
    value: total,
    unit: BASIS_POINTS,
    label: { zh: `FOMC ${w.zh}累计幅度(${f} 至 ${t})`, en: `FOMC ${w.en}, cumulative (${f} to ${t})` },
    asOf: used.at(-1)?.decision.date ?? t,
    period: { from: f, to: t },
    method: 'sum',
    methodDetail: used.length
      ? `sum of the changes of the target range's upper bound at ${used.length} decision(s): ${used.map((m) => `${m.decision.date} ${m.bp > 0 ? '+' : ''}${m.bp} bp (${m.previous.upper}% → ${m.decision.upper}%)`).join(', ')}`
      : `no ${action ?? 'rate move'} decision between ${f} and ${t} in the decision record`,
    inputs: [],
    sourceIds: [],
    extra: { decisions: used.length },
  };
  return { fact, used };
}

/** The size of one move in basis points (upper bound after it minus after the decision before it). */
export function moveSize(m: Move): Fact {
  return {
    id: `FOMC:${m.decision.date}:size`,
    value: m.bp,
    unit: BASIS_POINTS,
    label: { zh: `FOMC ${m.decision.date} 调整幅度`, en: `size of the FOMC move on ${m.decision.date}` },
    asOf: m.decision.date,
    method: 'change',
    methodDetail: `upper bound after the ${m.decision.date} decision (${m.decision.upper}%) minus upper bound after the ${m.previous.date} decision (${m.previous.upper}%)`,
    inputs: [],
    sourceIds: [],
  };
}

/** The decision whose range was in force on `date`: the last one dated on or before it (null before the record). */
export function decisionInForce<D extends PolicyDecision>(all: D[], date: IsoDate): D | null {
  return rateDecisions(all).filter((d) => d.date <= date).at(-1) ?? null;
}

/** The target range's bounds set by a decision, as facts. */
export function rangeFacts(d: PolicyDecision): { lower: Fact; upper: Fact } {
  const mk = (which: 'lower' | 'upper', v: number): Fact => ({
    id: `FOMC:${d.date}:${which}`,
    value: v,
    unit: PERCENT,
    label: which === 'lower' ? { zh: '目标区间下限', en: 'target range, lower bound' } : { zh: '目标区间上限', en: 'target range, upper bound' },
    asOf: d.date,
    method: 'document',
    methodDetail: `target range set at the FOMC meeting of ${d.date}`,
    inputs: [],
    sourceIds: [],
  });
  return { lower: mk('lower', d.lower!), upper: mk('upper', d.upper!) };
}

/** Meetings in [from, to] with at least one vote against, and the votes against in all; null counts are unknown. */
export function dissents<D extends PolicyDecision>(all: D[], from?: IsoDate, to?: IsoDate): { meetings: Fact; votes: Fact; withDissent: D[]; considered: D[] } {
  const considered = rateDecisions(all).filter((d) => inWindow(d.date, from, to) && d.votesAgainst !== null && d.votesAgainst !== undefined);
  const withDissent = considered.filter((d) => (d.votesAgainst ?? 0) > 0);
  const f = considered[0]?.date ?? from ?? '';
  const t = considered.at(-1)?.date ?? to ?? f;
  const votes = withDissent.reduce((s, d) => s + (d.votesAgainst ?? 0), 0);
  const base = { asOf: t, period: { from: f, to: t }, method: 'count' as const, inputs: [], sourceIds: [] };
  return {
    meetings: {
      ...base,
      id: `FOMC:dissent-meetings:${f}:${t}`,
      value: withDissent.length,
      unit: { ...MEETINGS },
      label: { zh: `有反对票的FOMC会议数(${f} 至 ${t})`, en: `FOMC meetings with a dissent (${f} to ${t})` },
      methodDetail: `${withDissent.length} of ${considered.length} decisions between ${f} and ${t} had vote_against > 0${withDissent.length ? `: ${withDissent.map((d) => `${d.date} (${d.votesAgainst})`).join(', ')}` : ''}`,
    },
    votes: {
      ...base,
      id: `FOMC:dissent-votes:${f}:${t}`,
      value: votes,
      unit: { ...VOTES },
      label: { zh: `FOMC反对票总数(${f} 至 ${t})`, en: `FOMC votes against (${f} to ${t})` },
      methodDetail: `sum of vote_against over ${considered.length} decisions between ${f} and ${t}`,
    },
    withDissent,
    considered,
  };
}

/** Votes for and against at one meeting. */
export function voteFacts(d: PolicyDecision): { votesFor: Fact | null; votesAgainst: Fact | null } {
  const mk = (which: 'for' | 'against', v: number | null | undefined): Fact | null =>
    v === null || v === undefined
      ? null
      : {
          id: `FOMC:${d.date}:votes-${which}`,
          value: v,
          unit: { ...VOTES },
          label: which === 'for' ? { zh: `${d.date} 赞成票`, en: `votes for on ${d.date}` } : { zh: `${d.date} 反对票`, en: `votes against on ${d.date}` },
          asOf: d.date,
          method: 'document',
          methodDetail: `vote_${which} of the FOMC decision of ${d.date}`,
          inputs: [],
          sourceIds: [],
        };
  return { votesFor: mk('for', d.votesFor), votesAgainst: mk('against', d.votesAgainst) };
}

export interface Cycle<D extends PolicyDecision = PolicyDecision> {
  action: MoveAction;
  /** The first move of the cycle (the first of its direction after the last opposite move). */
  first: D;
  /** Its last move so far. */
  last: D;
  moves: Move<D>[];
  /** The opposite move that ended it, if any. */
  endedBy: D | null;
}

/**
 * The latest hiking (or cutting) cycle on or before `asOf`: from the first move of that direction after the last
 * opposite move before it, through its last move; `endedBy` is the next opposite move (null while it is current).
 */
export function latestCycle<D extends PolicyDecision>(all: D[], action: MoveAction, asOf?: IsoDate): Cycle<D> | null {
  const ms = moves(all).filter((m) => (!asOf || m.decision.date <= asOf) && (m.decision.action === 'hike' || m.decision.action === 'cut'));
  const lastIdx = ms.map((m) => m.decision.action).lastIndexOf(action);
  if (lastIdx < 0) return null;
  let i = lastIdx;
  while (i > 0 && ms[i - 1]!.decision.action === action) i--;
  const opposite = ms.slice(lastIdx + 1).find((m) => m.decision.action !== action) ?? null;
  const cycle = ms.slice(i, lastIdx + 1);
  return { action, first: cycle[0]!.decision, last: cycle.at(-1)!.decision, moves: cycle, endedBy: opposite?.decision ?? null };
}
