// Evaluation cases for understanding (issue 10, items 4 and 5): misspelt names read as the catalog's names, the
// first part of a question of several parts, "each" questions, and names, qualifiers and periods the data does not
// hold (declined). Expectations are computed from the raw files (see the conventions at the top of cases.ts); what
// the second and later parts answer is checked in test/engine/understanding.test.ts.
import { latestCaseIn, refuse, STORED, trailing, val, ytdStart, type Case } from './cases.ts';
import { fred, pctChange, stock } from './raw.ts';

const understood = (c: Case): Case => ({ ...c, category: 'understanding' });
const declined = (id: string, q: string, lang: 'zh' | 'en'): Case => ({ ...refuse(id, q, lang), category: 'decline' });

export const understandingCases: Case[] = [
  // ---- misspelt names: Latin by edit distance, Chinese by sound ----
  latestCaseIn('understanding', 'typo-tsla-zh', '特斯垃最新股价', 'zh', 'TSLA', () => stock('TSLA')),
  latestCaseIn('understanding', 'typo-amzn-en', 'Amazn stock price', 'en', 'AMZN', () => stock('AMZN')),
  latestCaseIn('understanding', 'typo-unrate-en', "what's the unemplyment rate", 'en', 'UNRATE', () => fred('UNRATE')),
  latestCaseIn('understanding', 'typo-nvda-transposed-en', 'Nvidai share price', 'en', 'NVDA', () => stock('NVDA')),
  latestCaseIn('understanding', 'typo-msft-transposed-en', 'Microsfot latest close', 'en', 'MSFT', () => stock('MSFT')),
  latestCaseIn('understanding', 'typo-aapl-zh', '苹过最新股价', 'zh', 'AAPL', () => stock('AAPL')),
  understood(
    val('typo-nvda-ytd-zh', '英伟大今年涨了多少', 'zh', 'change', 'percent', 'NVDA', () => {
      const s = stock('NVDA');
      return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
    }),
  ),
  understood(
    val('typo-berkshire-en', 'How much did Berkshire Hathway stock return over the past year?', 'en', 'change', 'percent', 'BRK.B', () => {
      const s = stock('BRK.B');
      const w = trailing(s, 12);
      return { value: pctChange(w[0]!, w[w.length - 1]!), asOf: s.last().date };
    }),
  ),

  // ---- several parts: facts[0] answers the first part ----
  latestCaseIn('understanding', 'parts-aapl-level-then-change-zh', '苹果最新股价是多少，过去一年涨了多少', 'zh', 'AAPL', () => stock('AAPL')),
  latestCaseIn('understanding', 'parts-each-nvda-aapl-zh', '英伟达和苹果的最新股价分别是多少', 'zh', 'NVDA', () => stock('NVDA')),
  latestCaseIn('understanding', 'parts-dgs10-now-and-since-en', 'What is the 10-year Treasury yield now, and how has it changed since 2022?', 'en', 'DGS10', () => fred('DGS10')),
  latestCaseIn('understanding', 'parts-two-sentences-zh', '失业率最新多少？核心CPI同比呢？', 'zh', 'UNRATE', () => fred('UNRATE')),
  {
    id: 'parts-each-yields-en',
    q: 'What are the 2-year and 10-year Treasury yields, respectively?',
    lang: 'en',
    category: 'understanding',
    expect: { kind: 'value', seriesId: 'DGS2', unit: 'native', value: () => fred('DGS2').last().value, asOf: () => fred('DGS2').last().date, tolerance: STORED },
  },

  // ---- declined: what the data does not hold, named ----
  declined('decl-zimbabwe-cpi-zh', '津巴布韦CPI是多少', 'zh'),
  declined('decl-zimbabwe-cpi-en', 'Zimbabwe CPI inflation rate', 'en'),
  declined('decl-westeros-en', 'Westeros unemployment rate', 'en'),
  declined('decl-ecb-balance-sheet-zh', '欧洲央行资产负债表现在多大', 'zh'),
  declined('decl-boj-balance-sheet-en', "How big is the Bank of Japan's balance sheet?", 'en'),
  declined('decl-nvidia-mobile-en', 'Nvidia Mobile Ltd share price', 'en'),
  declined('decl-apple-bank-en', 'Apple Bank stock price', 'en'),
  declined('decl-apple-bank-zh', '苹果银行的股价', 'zh'),
  declined('decl-dax-en', 'DAX index level', 'en'),
  declined('decl-hang-seng-zh', '恒生指数今年涨了多少', 'zh'),
  declined('decl-euro-area-zh', '欧元区的失业率', 'zh'),
  declined('decl-15y-treasury-zh', '15年期美债收益率', 'zh'),
  declined('decl-googl-en', 'GOOGL stock price', 'en'),
  declined('decl-youth-unemployment-zh', '年轻人失业率是多少', 'zh'),
  declined('decl-self-comparison-en', 'average unemployment during covid vs during covid', 'en'),
  declined('decl-feb-29-common-year-zh', '2023年2月29日10年期美债收益率', 'zh'),
  declined('decl-april-31-en', 'What was the VIX on April 31, 2024?', 'en'),
  declined('decl-japan-cpi-zh', '日本CPI同比', 'zh'),
];
