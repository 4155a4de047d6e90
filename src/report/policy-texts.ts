// The FOMC and Federal Reserve texts a report quotes when it states a policy or an opinion, each quoted verbatim
// with the date of the document that contains it (test/report/policy-texts.test.ts checks every quote against
// the stored documents). The dates and caps of QT themselves come from src/knowledge/periods.ts.
import type { PeriodCitation } from '../knowledge/periods.ts';

const STATEMENT = 'Federal Reserve issues FOMC statement';
const MINUTES = 'Minutes of the Federal Open Market Committee';
const speech = (id: string) => `https://www.federalreserve.gov/newsevents/speech/${id}.htm`;
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
  // ---- the March 2023 bank stress, during QT ----
  bankStressBorrowing: {
    date: '2023-03-22',
    title: MINUTES,
    url: minutes('20230322'),
    quote: 'Borrowing from the new Bank Term Funding Program had been small relative to discount window borrowing, which had increased to record levels',
  },
  runoffSmoothAfterStress: {
    date: '2023-05-03',
    title: MINUTES,
    url: minutes('20230503'),
    quote: 'Regarding the balance sheet and money markets, balance sheet runoff continued to proceed smoothly',
  },
  // ---- Board members' speeches on the balance sheet (attributed by the speech's title) ----
  bowmanSmallest: {
    date: '2025-09-26',
    title: 'Vice Chair for Supervision Bowman on the approach to monetary policy decision-making',
    url: speech('bowman20250926a'),
    quote: 'Over the longer run, my preference is to maintain the smallest balance sheet possible with reserve balances at a level closer to scarce than ample.',
  },
  bowmanOptionality: {
    date: '2025-09-26',
    title: 'Vice Chair for Supervision Bowman on the approach to monetary policy decision-making',
    url: speech('bowman20250926a'),
    quote: 'a lower terminal level of reserves and a smaller balance sheet as a percentage of gross domestic product (GDP) would provide the FOMC with the optionality to respond to future shocks or economic downturns without worrying whether there is enough room to expand the balance sheet as a potential tool',
  },
  miranRegulationFirst: {
    date: '2025-11-19',
    title: 'Governor Miran on the regulatory dominance of the Federal Reserve’s balance sheet',
    url: speech('miran20251119a'),
    quote: 'But before further reductions in the balance sheet, we first have to get the regulations right and ensure that bank balance sheets are flexible enough for an environment with a smaller Federal Reserve footprint.',
  },
  miranRemittances: {
    date: '2026-03-26',
    title: 'Governor Miran on prospects for shrinking the Fed’s balance sheet',
    url: speech('miran20260326a'),
    quote: 'A smaller balance sheet also helps lower the chances of mark-to-market losses at the central bank and the volatility of remittances to the Treasury.',
  },
  miranDryPowder: {
    date: '2026-03-26',
    title: 'Governor Miran on prospects for shrinking the Fed’s balance sheet',
    url: speech('miran20260326a'),
    quote: 'Finally, a smaller balance sheet preserves dry powder for a scenario in which policymakers must again confront the zero lower bound on interest rates.',
  },
  miranShareOfGdp: {
    date: '2026-03-26',
    title: 'Governor Miran on prospects for shrinking the Fed’s balance sheet',
    url: speech('miran20260326a'),
    quote: 'Or, second, before the start of open-ended QE in 2012, and in 2019, before the pandemic, the balance sheet was about 18 percent of GDP.',
  },
  wallerNetInterest: {
    date: '2025-07-10',
    title: 'Governor Waller on the balance sheet',
    url: speech('waller20250710a'),
    quote: 'Our interest expense on reserves is now exceeding our interest income on our asset holdings.',
  },
  wallerDuration: {
    date: '2025-07-10',
    title: 'Governor Waller on the balance sheet',
    url: speech('waller20250710a'),
    quote: 'So the duration of our asset portfolio is far too long for the liabilities we need to hold for an ample-reserves system.',
  },
  barrTradeoffs: {
    date: '2026-05-14',
    title: 'Governor Barr on the balance sheet',
    url: speech('barr20260514a'),
    quote: 'We might have a slightly smaller balance sheet, but we would need to transact more frequently. There would be higher market volatility and less predictable rate control.',
  },
  jeffersonRmp: {
    date: '2026-01-16',
    title: 'Vice Chair Jefferson on the economic outlook and monetary policy implementation',
    url: speech('jefferson20260116a'),
    quote: 'With the level of bank reserves judged to have declined to an ample level, the FOMC initiated reserve management purchases in December 2025.',
  },
} satisfies Record<string, PeriodCitation>;

export type PolicyTextId = keyof typeof POLICY_TEXTS;
