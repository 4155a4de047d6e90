// The FOMC and Federal Reserve texts a report quotes when it states a policy or an opinion, each quoted verbatim
// with the date of the document that contains it (test/report/policy-texts.test.ts checks every quote against
// the stored documents). The dates and caps of QT themselves come from src/knowledge/periods.ts.
import type { PeriodCitation } from '../knowledge/periods.ts';

const STATEMENT = 'Federal Reserve issues FOMC statement';
const MINUTES = 'Minutes of the Federal Open Market Committee';
const pressRelease = (id: string) => `https://www.federalreserve.gov/newsevents/pressreleases/monetary${id}.htm`;
const minutes = (ymd: string) => `https://www.federalreserve.gov/monetarypolicy/fomcminutes${ymd}.htm`;

export const POLICY_TEXTS = {
  principlesHowRunoff: {
    date: '2022-01-26',
    title: "Principles for Reducing the Size of the Federal Reserve's Balance Sheet",
    url: pressRelease('20220126c'),
    quote: "The Committee intends to reduce the Federal Reserve's securities holdings over time in a predictable manner primarily by adjusting the amounts reinvested of principal payments",
  },
  principlesTreasuryOnly: {
    date: '2022-01-26',
    title: "Principles for Reducing the Size of the Federal Reserve's Balance Sheet",
    url: pressRelease('20220126c'),
    quote: 'In the longer run, the Committee intends to hold primarily Treasury securities in the SOMA',
  },
  prepaymentsUnderCap: {
    date: '2022-03-16',
    title: MINUTES,
    url: minutes('20220316'),
    quote: 'MBS principal prepayments would likely run under the proposed monthly cap in a range of plausible interest rate scenarios',
  },
  runoffRisks: {
    date: '2022-05-04',
    title: MINUTES,
    url: minutes('20220504'),
    quote: 'several participants noted the potential for unanticipated effects on financial market conditions',
  },
  ampleCalibration: {
    date: '2022-05-04',
    title: "Plans for Reducing the Size of the Federal Reserve's Balance Sheet",
    url: pressRelease('20220504b'),
    quote: 'the Committee intends to slow and then stop the decline in the size of the balance sheet when reserve balances are somewhat above the level it judges to be consistent with ample reserves',
  },
  reservesKeepFalling: {
    date: '2022-05-04',
    title: "Plans for Reducing the Size of the Federal Reserve's Balance Sheet",
    url: pressRelease('20220504b'),
    quote: 'Once balance sheet runoff has ceased, reserve balances will likely continue to decline for a time, reflecting growth in other Federal Reserve liabilities',
  },
  srfBackstop: {
    date: '2021-07-28',
    title: 'Statement Regarding Repurchase Agreement Arrangements',
    url: pressRelease('20210728b'),
    quote: 'These facilities will serve as backstops in money markets to support the effective implementation of monetary policy and smooth market functioning',
  },
  tgaRebuild: {
    date: '2023-02-01',
    title: MINUTES,
    url: minutes('20230201'),
    quote: 'the Treasury could increase bill issuance to rebuild TGA balances once the debt limit is lifted, reducing reserves and potentially lifting money market rates',
  },
  runoffSmooth: {
    date: '2024-05-01',
    title: MINUTES,
    url: minutes('20240501'),
    quote: 'Participants judged that balance sheet reduction had proceeded smoothly',
  },
  mbsExcessToTreasuries: {
    date: '2024-05-01',
    title: STATEMENT,
    url: pressRelease('20240501a'),
    quote: 'will reinvest any principal payments in excess of this cap into Treasury securities',
  },
  mbsCapKept2024: {
    date: '2024-05-01',
    title: STATEMENT,
    url: pressRelease('20240501a'),
    // the statement writes "mortgage-backed" with a non-breaking hyphen (U+2011)
    quote: 'maintain the monthly redemption cap on agency debt and agency mortgage\u2011backed securities at $35 billion',
  },
  mbsCapKept2025: {
    date: '2025-03-19',
    title: STATEMENT,
    url: pressRelease('20250319a'),
    quote: 'maintain the monthly redemption cap on agency debt and agency mortgage-backed securities at $35 billion',
  },
  ceilingTools: {
    date: '2025-03-19',
    title: MINUTES,
    url: minutes('20250319'),
    quote: "Some participants highlighted the importance of the Federal Reserve's ceiling tools and encouraged the ongoing efforts of the Desk to improve the efficacy of the standing repo facility",
  },
  moneyMarketTightening: {
    date: '2025-10-29',
    title: MINUTES,
    url: minutes('20251029'),
    quote: 'Participants agreed that the recent tightening in money market conditions indicated that it would soon be appropriate to end balance sheet runoff',
  },
  billReinvestment: {
    date: '2025-10-29',
    title: MINUTES,
    url: minutes('20251029'),
    quote: "Beginning on December 1, reinvest all principal payments from the Federal Reserve's holdings of agency securities into Treasury bills",
  },
  reserveManagementPurchases: {
    date: '2025-12-10',
    title: STATEMENT,
    url: pressRelease('20251210a'),
    quote: 'The Committee judges that reserve balances have declined to ample levels and will initiate purchases of shorter-term Treasury securities as needed to maintain an ample supply of reserves on an ongoing basis',
  },
  inflationGoal: {
    date: '2025-08-22',
    title: 'Statement on Longer-Run Goals and Monetary Policy Strategy',
    url: 'https://www.federalreserve.gov/monetarypolicy/files/FOMC_LongerRunGoals.pdf',
    quote: 'inflation at the rate of 2 percent, as measured by the annual change in the price index for personal consumption expenditures, is most consistent over the longer run',
  },
  maximumEmployment: {
    date: '2025-08-22',
    title: 'Statement on Longer-Run Goals and Monetary Policy Strategy',
    url: 'https://www.federalreserve.gov/monetarypolicy/files/FOMC_LongerRunGoals.pdf',
    quote: 'The maximum level of employment is not directly measurable and changes over time owing largely to nonmonetary factors that affect the structure and dynamics of the labor market',
  },
  termPremiums: {
    date: '2025-01-29',
    title: MINUTES,
    url: minutes('20250129'),
    quote: 'The increase in longer-term yields appeared to be partly attributable to higher term premiums',
  },
  longerTermCompensation: {
    date: '2025-01-29',
    title: MINUTES,
    url: minutes('20250129'),
    quote: "measures of longer-term inflation compensation remained at levels consistent with inflation returning over time to the Committee's 2 percent objective",
  },
} satisfies Record<string, PeriodCitation>;

export type PolicyTextId = keyof typeof POLICY_TEXTS;
