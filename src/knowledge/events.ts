// The policy-event timeline: QT1 and QT2 (plans, start, cap changes, end), reinvestment into bills, the
// standing repo facility, balance-sheet milestones and every rate decision — each event cites the verbatim
// sentence of a stored FOMC document that states it. Events are built by finding their quotes in the stored
// documents; a quote that is not found is never invented: the event is left out and a problem is reported.
import type { Bilingual, DocumentKind, FinDocument, IsoDate } from '../core/types.ts';
import type { Executor } from '../store/db.ts';
import { documentsOnDates, passageSpans } from '../store/passages.ts';
import { listDecisions, type DecisionRow } from '../store/repo.ts';
import { EVENT_KINDS, type PolicyEventKind } from './kinds.ts';

export { EVENT_KINDS, type PolicyEventKind };

export interface EventCitation {
  documentId: string;
  title: string;
  url: string;
  /** Publication date of the document. */
  date: IsoDate;
  /** Verbatim words of the document (a substring of its stored body). */
  quote: string;
  /** Position of the passage that holds the quote, when the document's passages are built. */
  position: number | null;
}

export interface PolicyEvent {
  /** Stable id: `qt2-start`, `rate-2022-03-16` … */
  id: string;
  /** When it takes effect (a start of runoff, a new cap) or, for announcements and decisions, the announcement date. */
  date: IsoDate;
  kind: PolicyEventKind;
  title: Bilingual;
  detail: Bilingual;
  citation: EventCitation;
}

export interface EventTimeline {
  events: PolicyEvent[];
  /** Events that could not be cited (quote or document not found), in English. */
  problems: string[];
}

export interface EventQuery {
  from?: IsoDate;
  to?: IsoDate;
  kinds?: PolicyEventKind[];
}

/** A balance-sheet event and the sentence that states it. */
interface EventSpec {
  id: string;
  date: IsoDate;
  kind: PolicyEventKind;
  title: Bilingual;
  detail: Bilingual;
  /** Where it is stated: the publication date of the document and its exact words. */
  source: { date: IsoDate; quote: string; kinds?: DocumentKind[] };
  /** The words of the quote that give the event's date, when it differs from the publication date. */
  dateWords?: string;
}

const PLANS_2022 = {
  treasury: 'For Treasury securities, the cap will initially be set at $30 billion per month and after three months will increase to $60 billion per month.',
  mbs: 'For agency debt and agency mortgage-backed securities, the cap will initially be set at $17.5 billion per month and after three months will increase to $35 billion per month.',
};

export const BALANCE_SHEET_EVENTS: readonly EventSpec[] = [
  {
    id: 'qt1-plan',
    date: '2017-06-14',
    kind: 'qt_plan',
    title: { zh: 'FOMC预计年内启动资产负债表正常化(第一轮缩表)', en: 'FOMC expects to begin balance sheet normalization this year (QT1)' },
    detail: { zh: '6月声明称预计年内开始逐步减少证券持有量,具体安排见《政策正常化原则与计划》附录。', en: 'The June statement says the Committee expects to begin gradually reducing its securities holdings this year, as set out in the Addendum to its Policy Normalization Principles and Plans.' },
    source: { date: '2017-06-14', quote: 'The Committee currently expects to begin implementing a balance sheet normalization program this year, provided that the economy evolves broadly as anticipated.' },
  },
  {
    id: 'qt1-start',
    date: '2017-10-01',
    kind: 'qt_start',
    title: { zh: '第一轮缩表(QT1)开始', en: 'QT1 begins' },
    detail: { zh: '2017年10月起启动资产负债表正常化计划,减少到期证券的再投资。', en: 'From October 2017 the balance sheet normalization program begins: maturing securities are no longer fully reinvested.' },
    source: { date: '2017-09-20', quote: "In October, the Committee will initiate the balance sheet normalization program described in the June 2017 Addendum to the Committee's Policy Normalization Principles and Plans." },
    dateWords: 'In October',
  },
  {
    id: 'ample-reserves-regime',
    date: '2019-01-30',
    kind: 'balance_sheet_other',
    title: { zh: 'FOMC确定在充足准备金框架下实施货币政策', en: 'FOMC will implement policy in an ample-reserves regime' },
    detail: { zh: '委员会表示将继续在充足准备金供给的框架下实施货币政策,主要通过管理利率控制联邦基金利率。', en: 'The Committee intends to keep implementing policy with an ample supply of reserves, controlling the federal funds rate mainly through its administered rates.' },
    source: { date: '2019-01-30', quote: 'The Committee intends to continue to implement monetary policy in a regime in which an ample supply of reserves ensures that control over the level of the federal funds rate and other short-term interest rates is exercised primarily through the setting of the Federal Reserve\'s administered rates, and in which active management of the supply of reserves is not required.' },
  },
  {
    id: 'qt1-end',
    date: '2019-08-01',
    kind: 'qt_end',
    title: { zh: '第一轮缩表(QT1)结束', en: 'QT1 ends' },
    detail: { zh: '2019年8月结束缩减证券持有量,比此前预计提前两个月。', en: 'The reduction of securities holdings concludes in August 2019, two months earlier than previously indicated.' },
    source: { date: '2019-07-31', quote: 'The Committee will conclude the reduction of its aggregate securities holdings in the System Open Market Account in August, two months earlier than previously indicated.' },
    dateWords: 'in August',
  },
  {
    id: 'covid-purchases',
    date: '2020-03-15',
    kind: 'balance_sheet_other',
    title: { zh: '疫情冲击下重启大规模购债', en: 'Large-scale purchases restart in the pandemic' },
    detail: { zh: '委员会宣布未来数月至少增持5000亿美元国债和2000亿美元机构抵押贷款支持证券。', en: 'The Committee will increase its holdings of Treasury securities by at least $500 billion and of agency MBS by at least $200 billion over coming months.' },
    source: { date: '2020-03-15', quote: 'the Committee will increase its holdings of Treasury securities by at least $500 billion and its holdings of agency mortgage-backed securities by at least $200 billion' },
  },
  {
    id: 'srf-established',
    date: '2021-07-28',
    kind: 'srf',
    title: { zh: '设立常备回购便利(SRF)', en: 'Standing repo facility (SRF) established' },
    detail: { zh: 'FOMC宣布设立国内常备回购便利(SRF)和面向外国及国际货币当局的回购便利(FIMA),作为货币市场的后备工具。', en: 'The FOMC establishes a domestic standing repo facility (SRF) and a FIMA repo facility as backstops in money markets.' },
    source: { date: '2021-07-28', quote: 'announced the establishment of two standing repurchase agreement (repo) facilities—a domestic standing repo facility (SRF) and a repo facility for foreign and international monetary authorities (FIMA repo facility)' },
  },
  {
    id: 'taper-2021',
    date: '2021-11-03',
    kind: 'balance_sheet_other',
    title: { zh: '开始缩减购债(Taper)', en: 'Taper of asset purchases begins' },
    detail: { zh: '每月净购债规模减少国债100亿美元、机构抵押贷款支持证券50亿美元。', en: 'Monthly net purchases are reduced by $10 billion of Treasury securities and $5 billion of agency MBS.' },
    source: { date: '2021-11-03', quote: 'the Committee decided to begin reducing the monthly pace of its net asset purchases by $10 billion for Treasury securities and $5 billion for agency mortgage-backed securities', kinds: ['statement'] },
  },
  {
    id: 'qt2-principles',
    date: '2022-01-26',
    kind: 'qt_plan',
    title: { zh: '发布《缩减美联储资产负债表规模的原则》', en: 'Principles for Reducing the Size of the Balance Sheet issued' },
    detail: { zh: '委员会表示缩表将在开始加息之后启动。', en: 'The Committee expects balance-sheet reduction to start after rate increases have begun.' },
    source: { date: '2022-01-26', quote: "The Committee expects that reducing the size of the Federal Reserve's balance sheet will commence after the process of increasing the target range for the federal funds rate has begun." },
  },
  {
    id: 'qt2-plan-treasury-cap',
    date: '2022-05-04',
    kind: 'qt_plan',
    title: { zh: '缩表计划:国债每月上限300亿美元,三个月后升至600亿美元', en: 'Runoff plan: Treasury cap $30 billion a month, rising to $60 billion after three months' },
    detail: { zh: '《缩减美联储资产负债表规模的计划》设定国债每月缩减上限。', en: "The Plans for Reducing the Size of the Federal Reserve's Balance Sheet set the monthly Treasury cap." },
    source: { date: '2022-05-04', quote: PLANS_2022.treasury },
  },
  {
    id: 'qt2-plan-mbs-cap',
    date: '2022-05-04',
    kind: 'qt_plan',
    title: { zh: '缩表计划:机构债和MBS每月上限175亿美元,三个月后升至350亿美元', en: 'Runoff plan: agency debt and MBS cap $17.5 billion a month, rising to $35 billion after three months' },
    detail: { zh: '《缩减美联储资产负债表规模的计划》设定机构债和机构抵押贷款支持证券每月缩减上限。', en: "The Plans for Reducing the Size of the Federal Reserve's Balance Sheet set the monthly cap for agency debt and agency MBS." },
    source: { date: '2022-05-04', quote: PLANS_2022.mbs },
  },
  {
    id: 'qt2-start',
    date: '2022-06-01',
    kind: 'qt_start',
    title: { zh: '本轮缩表(QT2)开始', en: 'QT2 begins' },
    detail: { zh: '2022年6月1日起开始减少国债、机构债和机构抵押贷款支持证券持有量。', en: 'Holdings of Treasury securities, agency debt and agency MBS begin to decline on 1 June 2022.' },
    source: { date: '2022-05-04', quote: 'the Committee decided to begin reducing its holdings of Treasury securities and agency debt and agency mortgage-backed securities on June 1', kinds: ['statement'] },
    dateWords: 'on June 1',
  },
  {
    id: 'qt2-cap-2022-09-treasury',
    date: '2022-09-01',
    kind: 'qt_cap_change',
    title: { zh: '国债缩减上限升至每月600亿美元', en: 'Treasury runoff cap rises to $60 billion a month' },
    detail: { zh: '按2022年5月计划,三个月后国债上限由300亿美元升至600亿美元。', en: 'As planned in May 2022, after three months the Treasury cap rises from $30 billion to $60 billion.' },
    source: { date: '2022-05-04', quote: 'the cap will initially be set at $30 billion per month and after three months will increase to $60 billion per month' },
    dateWords: 'after three months',
  },
  {
    id: 'qt2-cap-2022-09-mbs',
    date: '2022-09-01',
    kind: 'qt_cap_change',
    title: { zh: '机构债和MBS缩减上限升至每月350亿美元', en: 'Agency debt and MBS runoff cap rises to $35 billion a month' },
    detail: { zh: '按2022年5月计划,三个月后机构债和MBS上限由175亿美元升至350亿美元。', en: 'As planned in May 2022, after three months the agency cap rises from $17.5 billion to $35 billion.' },
    source: { date: '2022-05-04', quote: 'the cap will initially be set at $17.5 billion per month and after three months will increase to $35 billion per month' },
    dateWords: 'after three months',
  },
  {
    id: 'qt2-cap-2024-06',
    date: '2024-06-01',
    kind: 'qt_cap_change',
    title: { zh: '缩表放缓:国债上限由600亿美元降至250亿美元', en: 'Runoff slows: Treasury cap cut from $60 billion to $25 billion' },
    detail: { zh: '2024年6月起国债每月赎回上限降至250亿美元,机构债和MBS上限维持350亿美元。', en: 'From June 2024 the monthly Treasury redemption cap is $25 billion; the agency cap stays at $35 billion.' },
    source: { date: '2024-05-01', quote: 'Beginning in June, the Committee will slow the pace of decline of its securities holdings by reducing the monthly redemption cap on Treasury securities from $60 billion to $25 billion.', kinds: ['statement'] },
    dateWords: 'Beginning in June',
  },
  {
    id: 'qt2-cap-2025-04',
    date: '2025-04-01',
    kind: 'qt_cap_change',
    title: { zh: '缩表再放缓:国债上限由250亿美元降至50亿美元', en: 'Runoff slows again: Treasury cap cut from $25 billion to $5 billion' },
    detail: { zh: '2025年4月起国债每月赎回上限降至50亿美元,机构债和MBS上限维持350亿美元。', en: 'From April 2025 the monthly Treasury redemption cap is $5 billion; the agency cap stays at $35 billion.' },
    source: { date: '2025-03-19', quote: 'Beginning in April, the Committee will slow the pace of decline of its securities holdings by reducing the monthly redemption cap on Treasury securities from $25 billion to $5 billion.', kinds: ['statement'] },
    dateWords: 'Beginning in April',
  },
  {
    id: 'srf-morning-operations',
    date: '2025-06-26',
    kind: 'srf',
    title: { zh: '常备回购便利增设上午操作', en: 'Morning standing repo operations added' },
    detail: { zh: '自2025年6月26日起,纽约联储在下午操作之外增加常规的上午SRF操作。', en: 'From 26 June 2025 the Desk adds regular morning SRF operations to the afternoon ones.' },
    source: { date: '2025-06-18', quote: 'starting on June 26, the Desk will begin adding regular morning standing repo facility (SRF) operations to the existing afternoon operations' },
    dateWords: 'June 26',
  },
  {
    id: 'qt2-end',
    date: '2025-12-01',
    kind: 'qt_end',
    title: { zh: '本轮缩表(QT2)结束', en: 'QT2 ends' },
    detail: { zh: '委员会决定于2025年12月1日结束缩减证券持有量。', en: 'The Committee concludes the reduction of its securities holdings on 1 December 2025.' },
    source: { date: '2025-10-29', quote: 'The Committee decided to conclude the reduction of its aggregate securities holdings on December 1.', kinds: ['statement'] },
    dateWords: 'December 1',
  },
  {
    id: 'reinvest-agency-into-bills',
    date: '2025-12-01',
    kind: 'reinvestment',
    title: { zh: '机构证券本金全部再投资于短期国债', en: 'Agency principal reinvested into Treasury bills' },
    detail: { zh: '自2025年12月1日起,到期国债全部展期,机构债和MBS本金偿付全部再投资于短期国债。', en: 'From 1 December 2025 maturing Treasuries are rolled over and all agency principal payments are reinvested into Treasury bills.' },
    source: { date: '2025-10-29', quote: "Beginning on December 1, reinvest all principal payments from the Federal Reserve's holdings of agency securities into Treasury bills." },
    dateWords: 'Beginning on December 1',
  },
  {
    id: 'reserve-management-purchases',
    date: '2025-12-10',
    kind: 'reinvestment',
    title: { zh: '启动购买短期国债以维持充足准备金', en: 'Purchases of shorter-term Treasuries to keep reserves ample' },
    detail: { zh: '委员会判断准备金已降至充足水平,将按需购买短期国债以持续维持充足的准备金供给。', en: 'With reserves judged to have declined to ample levels, the Committee starts buying shorter-term Treasury securities as needed to maintain ample reserves.' },
    source: { date: '2025-12-10', quote: 'The Committee judges that reserve balances have declined to ample levels and will initiate purchases of shorter-term Treasury securities as needed to maintain an ample supply of reserves on an ongoing basis.', kinds: ['statement'] },
  },
  {
    id: 'srf-aggregate-limit-removed',
    date: '2025-12-10',
    kind: 'srf',
    title: { zh: '取消常备回购操作的总额上限', en: 'Aggregate limit on standing repo operations removed' },
    detail: { zh: '委员会同意取消常备回购操作每日5000亿美元的总额上限。', en: 'The Committee agrees to remove the aggregate limit on standing repo operations.' },
    source: { date: '2025-12-10', quote: 'They also agreed to remove the aggregate limit on standing repo operations.' },
  },
];

/** `5.25` → `5-1/4`, `0.25` → `1/4`, `0` → `0`: how FOMC statements write a rate. */
export function fomcRateText(rate: number): string {
  const whole = Math.floor(rate + 1e-9);
  const frac = Math.round((rate - whole) * 8);
  const fraction = ['', '1/8', '1/4', '3/8', '1/2', '5/8', '3/4', '7/8'][frac]!;
  if (!fraction) return String(whole);
  return whole === 0 ? fraction : `${whole}-${fraction}`;
}

/** Hyphen-like characters written as a plain hyphen, so "5‑1/4" (non-breaking hyphen) matches "5-1/4". */
function plainHyphens(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Sentences of a statement body (sentence ends followed by a capital letter start a new one). */
function sentencesOf(body: string): string[] {
  return body
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

const pct = (x: number) => x.toFixed(2);

function decisionEvent(d: DecisionRow, previous: DecisionRow | undefined, statement: FinDocument, quote: string): PolicyEvent {
  const range = `${pct(d.lower!)}%–${pct(d.upper!)}%`;
  const bp = previous?.upper != null ? Math.round((d.upper! - previous.upper) * 100) : null;
  const votes = d.votesFor != null && d.votesAgainst != null ? { en: `vote ${d.votesFor}–${d.votesAgainst}`, zh: `投票 ${d.votesFor} 比 ${d.votesAgainst}` } : null;
  const title =
    d.action === 'hike'
      ? { en: `Rate hike: target range raised to ${range}`, zh: `加息:联邦基金利率目标区间上调至${range}` }
      : d.action === 'cut'
        ? { en: `Rate cut: target range lowered to ${range}`, zh: `降息:联邦基金利率目标区间下调至${range}` }
        : { en: `Rates held: target range kept at ${range}`, zh: `利率不变:联邦基金利率目标区间维持在${range}` };
  const move = bp ? { en: `${bp > 0 ? '+' : '−'}${Math.abs(bp)} bp`, zh: `${bp > 0 ? '上调' : '下调'}${Math.abs(bp)}个基点` } : { en: 'unchanged', zh: '不变' };
  return {
    id: `rate-${d.date}`,
    date: d.date,
    kind: 'rate_decision',
    title,
    detail: { en: [move.en, votes?.en].filter(Boolean).join('; '), zh: [move.zh, votes?.zh].filter(Boolean).join(';') },
    citation: { documentId: statement.id, title: statement.title, url: statement.url, date: statement.date, quote, position: null },
  };
}

/**
 * The sentence of a statement that states a rate decision: it names the target range for the federal funds
 * rate and the decided range in the statement's own notation ("5-1/4 to 5-1/2 percent"); one that also says
 * "decided" is preferred.
 */
export function decisionSentence(body: string, lower: number, upper: number): string | null {
  const range = `${fomcRateText(lower)} to ${fomcRateText(upper)} percent`;
  const candidates = sentencesOf(body).filter((s) => s.includes('target range') && plainHyphens(s).includes(range));
  return candidates.find((s) => /\bdecided\b/.test(s)) ?? candidates[0] ?? null;
}

function inRange(e: PolicyEvent, q: EventQuery): boolean {
  return (!q.from || e.date >= q.from) && (!q.to || e.date <= q.to) && (!q.kinds?.length || q.kinds.includes(e.kind));
}

/** Order in which documents are searched for a quote when several were published that day. */
const SOURCE_ORDER: DocumentKind[] = ['statement', 'other', 'press_release', 'implementation_note', 'minutes', 'sep', 'decision', 'speech'];

/**
 * The policy events in date order, each cited to the passage of a stored document that states it. Events
 * whose quote is not found in the stored documents are left out and listed in `problems`.
 */
export async function listEvents(db: Executor, query: EventQuery = {}): Promise<EventTimeline> {
  const problems: string[] = [];
  const decisions = (await listDecisions(db)).filter((d) => d.action !== 'operational');
  const dates = [...new Set([...BALANCE_SHEET_EVENTS.map((e) => e.source.date), ...decisions.map((d) => d.date)])];
  const docsByDate = new Map<IsoDate, FinDocument[]>();
  for (const doc of await documentsOnDates(db, dates)) docsByDate.set(doc.date, [...(docsByDate.get(doc.date) ?? []), doc]);
  for (const docs of docsByDate.values()) docs.sort((a, b) => SOURCE_ORDER.indexOf(a.kind) - SOURCE_ORDER.indexOf(b.kind));

  const events: PolicyEvent[] = [];
  for (const spec of BALANCE_SHEET_EVENTS) {
    if (spec.dateWords && !spec.source.quote.includes(spec.dateWords)) {
      problems.push(`${spec.id}: the quote does not contain its date words "${spec.dateWords}"`);
      continue;
    }
    const candidates = (docsByDate.get(spec.source.date) ?? []).filter((d) => !spec.source.kinds || spec.source.kinds.includes(d.kind));
    const doc = candidates.find((d) => d.body.includes(spec.source.quote));
    if (!doc) {
      problems.push(`${spec.id}: "${spec.source.quote.slice(0, 80)}…" not found in any stored document of ${spec.source.date}`);
      continue;
    }
    events.push({
      id: spec.id,
      date: spec.date,
      kind: spec.kind,
      title: spec.title,
      detail: spec.detail,
      citation: { documentId: doc.id, title: doc.title, url: doc.url, date: doc.date, quote: spec.source.quote, position: null },
    });
  }

  decisions.forEach((d, i) => {
    if (d.lower == null || d.upper == null) return void problems.push(`rate-${d.date}: the decision has no target range`);
    const statement = docsByDate.get(d.date)?.find((doc) => doc.kind === 'statement');
    if (!statement) return void problems.push(`rate-${d.date}: no statement stored for the decision of ${d.date}`);
    const quote = decisionSentence(statement.body, d.lower, d.upper);
    if (!quote) return void problems.push(`rate-${d.date}: no sentence of ${statement.id} states the target range ${fomcRateText(d.lower)} to ${fomcRateText(d.upper)} percent`);
    events.push(decisionEvent(d, decisions[i - 1], statement, quote));
  });

  const shown = events.filter((e) => inRange(e, query));
  await locatePassages(db, shown, docsByDate);
  shown.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : EVENT_KINDS.indexOf(a.kind) - EVENT_KINDS.indexOf(b.kind)));
  return { events: shown, problems };
}

/** Fill in which passage of its document each citation's quote sits in. */
async function locatePassages(db: Executor, events: PolicyEvent[], docsByDate: Map<IsoDate, FinDocument[]>): Promise<void> {
  const spans = await passageSpans(db, [...new Set(events.map((e) => e.citation.documentId))]);
  for (const e of events) {
    const body = docsByDate.get(e.citation.date)?.find((d) => d.id === e.citation.documentId)?.body ?? '';
    const at = body.indexOf(e.citation.quote);
    const span = spans.find((s) => s.documentId === e.citation.documentId && s.startOffset <= at && at < s.endOffset);
    e.citation.position = span ? span.position : null;
  }
}
