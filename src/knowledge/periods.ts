// Named policy periods (缩表期间 / QT, QE, 疫情期间 …) and the QT redemption-cap regimes, defined once with
// their dates and the FOMC text that sets them. Every date and cap here is stated verbatim in `quote`, which
// must appear in the cited document of the snapshot (test/engine/periods.test.ts checks each one).
import type { Bilingual, IsoDate } from '../core/types.ts';

export interface PeriodCitation {
  /** Publication date of the document that states the period's boundary. */
  date: IsoDate;
  title: string;
  url: string;
  /** Verbatim words of the document. */
  quote: string;
}

export interface NamedPeriod {
  id: string;
  name: Bilingual;
  /** What people type for it, both languages. */
  aliases: string[];
  from: IsoDate;
  /** Last day of the period (inclusive). */
  to: IsoDate;
  /** How the boundaries were set. */
  basis: Bilingual;
  citations: PeriodCitation[];
}

const STATEMENT = 'Federal Reserve issues FOMC statement';
/** A federalreserve.gov monetary press release, e.g. pressRelease('20220504b'). */
const pressRelease = (id: string) => `https://www.federalreserve.gov/newsevents/pressreleases/monetary${id}.htm`;

export const NAMED_PERIODS: NamedPeriod[] = [
  {
    id: 'qt1',
    name: { zh: '第一轮缩表(QT1,2017–2019)', en: 'QT1 (balance-sheet runoff, 2017–2019)' },
    aliases: ['QT1', '第一轮缩表', '上一轮缩表', '2017年缩表', '首轮缩表', 'first QT', 'QT 1'],
    from: '2017-10-01',
    to: '2019-07-31',
    basis: { zh: '2017年10月启动缩表,2019年8月结束(比原计划提前两个月)', en: 'runoff began in October 2017 and ended in August 2019, two months earlier than first indicated' },
    citations: [
      { date: '2017-09-20', title: STATEMENT, url: pressRelease('20170920a'), quote: 'In October, the Committee will initiate the balance sheet normalization program' },
      { date: '2019-07-31', title: STATEMENT, url: pressRelease('20190731a'), quote: 'conclude the reduction of its aggregate securities holdings in the System Open Market Account in August' },
    ],
  },
  {
    id: 'qt2',
    name: { zh: '本轮缩表(QT2,2022–2025)', en: 'QT2 (balance-sheet runoff, 2022–2025)' },
    aliases: ['QT2', 'QT', '缩表', '缩表期间', '本轮缩表', '第二轮缩表', '这轮缩表', 'quantitative tightening', 'balance sheet runoff', 'runoff', 'QT 2', 'during QT'],
    from: '2022-06-01',
    to: '2025-11-30',
    basis: { zh: '2022年6月1日开始缩减证券持有量,2025年12月1日结束', en: 'holdings began to decline on 1 June 2022; the reduction concluded on 1 December 2025' },
    citations: [
      { date: '2022-05-04', title: "Plans for Reducing the Size of the Federal Reserve's Balance Sheet", url: pressRelease('20220504b'), quote: 'the cap will initially be set at $30 billion per month' },
      { date: '2025-10-29', title: STATEMENT, url: pressRelease('20251029a'), quote: 'conclude the reduction of its aggregate securities holdings on December 1' },
    ],
  },
  {
    id: 'covid',
    name: { zh: '疫情期间(2020年3月–2022年3月)', en: 'the pandemic period (March 2020 – March 2022)' },
    aliases: ['疫情期间', '疫情', '新冠', '新冠疫情', 'covid', 'pandemic', 'during covid', 'the pandemic'],
    from: '2020-03-15',
    to: '2022-03-15',
    basis: { zh: '自2020年3月15日紧急降息至零并重启购债,到2022年3月16日首次加息之前', en: 'from the emergency cut to zero and restart of purchases on 15 March 2020 until the first hike on 16 March 2022' },
    citations: [
      { date: '2020-03-15', title: STATEMENT, url: pressRelease('20200315a'), quote: 'to lower the target range for the federal funds rate to 0 to 1/4 percent' },
      { date: '2022-03-16', title: STATEMENT, url: pressRelease('20220316a'), quote: 'raise the target range for the federal funds rate to 1/4 to 1/2 percent' },
    ],
  },
  {
    id: 'hikes_2022',
    name: { zh: '2022–2023年加息周期', en: 'the 2022–2023 hiking cycle' },
    aliases: ['加息周期', '加息期间', '本轮加息', 'hiking cycle', 'rate hikes', 'tightening cycle'],
    from: '2022-03-16',
    to: '2023-07-26',
    basis: { zh: '从2022年3月16日首次加息到2023年7月26日最后一次加息', en: 'from the first hike on 16 March 2022 to the last on 26 July 2023' },
    citations: [
      { date: '2022-03-16', title: STATEMENT, url: pressRelease('20220316a'), quote: 'raise the target range for the federal funds rate to 1/4 to 1/2 percent' },
      { date: '2023-07-26', title: STATEMENT, url: pressRelease('20230726a'), quote: 'raise the target range for the federal funds rate to 5-1/4 to 5-1/2 percent' },
    ],
  },
];

/** A monthly redemption-cap regime of QT2 (caps in billions of U.S. dollars per month, as the text states them). */
export interface CapRegime {
  id: string;
  from: IsoDate;
  to: IsoDate;
  treasuryCapBillions: number;
  mbsCapBillions: number;
  /** The sentence that starts the regime (its changed cap). */
  citation: PeriodCitation;
  /** The sentence that sets each cap in force during the regime (a cap can be set, or kept, by another sentence). */
  caps: { treasury: PeriodCitation; mbs: PeriodCitation };
}

const PLANS_2022 = { date: '2022-05-04', title: "Plans for Reducing the Size of the Federal Reserve's Balance Sheet", url: pressRelease('20220504b') };
const TREASURY_CAPS_2022: PeriodCitation = { ...PLANS_2022, quote: 'the cap will initially be set at $30 billion per month and after three months will increase to $60 billion per month' };
const MBS_CAPS_2022: PeriodCitation = { ...PLANS_2022, quote: 'the cap will initially be set at $17.5 billion per month and after three months will increase to $35 billion per month' };
const TREASURY_CAP_2024: PeriodCitation = { date: '2024-05-01', title: STATEMENT, url: pressRelease('20240501a'), quote: 'reducing the monthly redemption cap on Treasury securities from $60 billion to $25 billion' };
const TREASURY_CAP_2025: PeriodCitation = { date: '2025-03-19', title: STATEMENT, url: pressRelease('20250319a'), quote: 'reducing the monthly redemption cap on Treasury securities from $25 billion to $5 billion' };
// the 2024 statement writes "mortgage-backed" with a non-breaking hyphen (U+2011)
const MBS_CAP_KEPT_2024: PeriodCitation = { date: '2024-05-01', title: STATEMENT, url: pressRelease('20240501a'), quote: 'maintain the monthly redemption cap on agency debt and agency mortgage\u2011backed securities at $35 billion' };
const MBS_CAP_KEPT_2025: PeriodCitation = { date: '2025-03-19', title: STATEMENT, url: pressRelease('20250319a'), quote: 'maintain the monthly redemption cap on agency debt and agency mortgage-backed securities at $35 billion' };

export const QT2_CAP_REGIMES: CapRegime[] = [
  { id: 'qt2_initial', from: '2022-06-01', to: '2022-08-31', treasuryCapBillions: 30, mbsCapBillions: 17.5, citation: TREASURY_CAPS_2022, caps: { treasury: TREASURY_CAPS_2022, mbs: MBS_CAPS_2022 } },
  { id: 'qt2_full', from: '2022-09-01', to: '2024-05-31', treasuryCapBillions: 60, mbsCapBillions: 35, citation: MBS_CAPS_2022, caps: { treasury: TREASURY_CAPS_2022, mbs: MBS_CAPS_2022 } },
  { id: 'qt2_slowed_2024', from: '2024-06-01', to: '2025-03-31', treasuryCapBillions: 25, mbsCapBillions: 35, citation: TREASURY_CAP_2024, caps: { treasury: TREASURY_CAP_2024, mbs: MBS_CAP_KEPT_2024 } },
  { id: 'qt2_slowed_2025', from: '2025-04-01', to: '2025-11-30', treasuryCapBillions: 5, mbsCapBillions: 35, citation: TREASURY_CAP_2025, caps: { treasury: TREASURY_CAP_2025, mbs: MBS_CAP_KEPT_2025 } },
];

export function findPeriod(text: string): NamedPeriod | undefined {
  const t = text.toLowerCase();
  return NAMED_PERIODS.find((p) => p.id === t || p.aliases.some((a) => a.toLowerCase() === t));
}
