// Understanding (issue 10, items 4 and 5): typo correction, coverage (what the data does not hold), questions of
// several parts and the "understood as" line. The parser is tested on the catalog alone; the answers of several
// parts against the snapshot database, with every expected value computed from the raw files.
import { describe, expect, it } from 'vitest';
import type { Answer, Fact } from '../../src/core/answer.ts';
import { chinesePunctuation } from '../../src/core/format.ts';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { buildContext, understand } from '../../src/engine/understand/index.ts';
import { questionParts } from '../../src/engine/understand/parts.ts';
import { useSnapshotEngine } from '../helpers/engine.ts';
import { addMonths, fred, pctChange, stock } from './questions/raw.ts';

const TODAY = '2026-11-24';
const ctx = buildContext(catalog, companies, TODAY);

describe('misspelt names are read as catalog names, and said', () => {
  it.each([
    ['特斯垃最新股价', 'zh', 'TSLA', '特斯拉'],
    ['英伟大今年涨了多少', 'zh', 'NVDA', '英伟达'],
    ['Amazn stock price', 'en', 'AMZN', 'Amazon'],
    ['Nvidai share price', 'en', 'NVDA', 'Nvidia'],
    ["what's the unemplyment rate", 'en', 'UNRATE', 'Unemployment'],
  ] as const)('%s → %s', (q, lang, id, to) => {
    const u = understand(q, ctx, lang);
    expect(u.ok).toBe(true);
    if (!u.ok) return;
    expect(u.plan.subjects.map((s) => s.seriesId)).toContain(id);
    expect(u.plan.corrections?.map((c) => c.to.toLowerCase())).toContain(to.toLowerCase());
  });

  it('does not "correct" an ordinary word or another share class', () => {
    const u = understand('GOOGL stock price', ctx, 'en');
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.why.notHeld?.[0]).toMatchObject({ kind: 'share_class', held: 'GOOG' });
    const v = understand('What is the latest unemployment rate please?', ctx, 'en');
    expect(v.ok && v.plan.corrections).toBeFalsy();
  });
});

describe('names the data does not hold are declined by name', () => {
  it.each([
    ['津巴布韦CPI是多少', 'zh', 'place', '津巴布韦'],
    ['Zimbabwe CPI inflation', 'en', 'place', 'Zimbabwe'],
    ['欧洲央行资产负债表多大', 'zh', 'institution', '欧洲央行'],
    ['Westeros unemployment rate', 'en', 'entity', 'Westeros'],
    ['Nvidia Mobile Ltd share price', 'en', 'entity', 'Nvidia Mobile Ltd'],
    ['Apple Bank stock price', 'en', 'entity', 'Apple Bank'],
    ['DAX index level', 'en', 'index', 'DAX'],
    ['上证50最新点位', 'zh', 'index', '上证50'],
    ['15年期美债收益率', 'zh', 'tenor', '15年期'],
    ['年轻人失业率', 'zh', 'entity', '年轻人失业率'],
  ] as const)('%s', (q, lang, kind, text) => {
    const u = understand(q, ctx, lang);
    expect(u.ok).toBe(false);
    if (u.ok) return;
    expect(u.why.kind).toBe('not_held');
    expect(u.why.notHeld?.[0]).toMatchObject({ kind, text });
    expect(u.why.reason[lang]).toContain(text);
  });

  it('keeps what the data holds: places of the subject, a U.S. qualifier, held names', () => {
    for (const q of ['美国CPI同比', '中国10年期国债收益率', '日本10年期国债收益率', '美联储手里有多少美债', '上证指数最新点位', 'USD/JPY latest', '三星电子最新股价']) {
      const u = understand(q, ctx, 'zh');
      expect(u.ok, `${q}: ${u.ok ? '' : u.why.reason.zh}`).toBe(true);
    }
  });

  it('declines a period compared with itself', () => {
    const u = understand('average unemployment during covid vs during covid', ctx, 'en');
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.why.kind).toBe('self_comparison');
  });
});

describe('questions of several parts', () => {
  it('splits sentences and comma clauses, inheriting the subject', () => {
    const parts = questionParts('苹果最新股价是多少，过去一年涨了多少', ctx, 'zh');
    expect(parts).toHaveLength(2);
    const plans = parts.map((p) => (p.understood.ok ? p.understood.plan : null));
    expect(plans.map((p) => p?.subjects[0]?.seriesId)).toEqual(['AAPL', 'AAPL']);
    expect(plans[1]?.measure).toBe('percent_change');
  });
  it('reads a question whole when a part alone means nothing', () => {
    expect(questionParts('缩表的每月上限是多少?后来怎么调整的?', ctx, 'zh')).toHaveLength(1);
    expect(questionParts('从2022年6月到现在，美联储总资产减少了多少', ctx, 'zh')).toHaveLength(1);
  });
  it('answers "each" once per subject', () => {
    const parts = questionParts('英伟达和苹果的最新股价分别是多少', ctx, 'zh');
    expect(parts.map((p) => (p.understood.ok ? p.understood.plan.subjects.map((s) => s.seriesId).join() : 'x'))).toEqual(['NVDA', 'AAPL']);
  });
});

describe('answers: parts in order, the understood line, full-width punctuation', () => {
  const engine = useSnapshotEngine(TODAY);

  const has = (facts: Fact[], seriesId: string, value: number, rel = 1e-6) =>
    facts.some((f) => (f.seriesId === seriesId || f.inputs.some((i) => i.seriesId === seriesId)) && Math.abs(f.value - value) <= rel * Math.max(1, Math.abs(value)));

  it('苹果最新股价是多少，过去一年涨了多少: the close and the one-year return, both cited', async () => {
    const a: Answer = await engine().ask('苹果最新股价是多少，过去一年涨了多少', { lang: 'zh' });
    const s = stock('AAPL');
    const w = s.window(addMonths(s.last().date, -12), s.last().date);
    expect(a.facts[0]!.value).toBe(s.last().value);
    expect(has(a.facts, 'AAPL', pctChange(w[0]!, w[w.length - 1]!))).toBe(true);
    expect(a.verification.unsupported).toEqual([]);
    expect(a.text.split('\n')[0]).toMatch(/^\*理解为：（1）.*（2）.*\*$/);
  });

  it('失业率最新多少？核心CPI同比呢？: both parts', async () => {
    const a = await engine().ask('失业率最新多少？核心CPI同比呢？', { lang: 'zh' });
    expect(a.facts[0]!.value).toBe(fred('UNRATE').last().value);
    const core = fred('CPILFESL');
    expect(has(a.facts, 'CPILFESL', core.yoy())).toBe(true);
  });

  it('a corrected name is said in the first line', async () => {
    const a = await engine().ask('特斯垃最新股价', { lang: 'zh' });
    expect(a.understood).toContain('按“特斯拉”理解“特斯垃”');
    expect(a.text.startsWith(`*${a.understood}*`)).toBe(true);
    expect(a.facts[0]!.value).toBe(stock('TSLA').last().value);
  });

  it('Chinese answers carry no ASCII comma, colon or parenthesis next to a Chinese character', async () => {
    const a = await engine().ask('美国CPI同比最新多少', { lang: 'zh' });
    const prose = a.text.split('\n').filter((l) => !/^\s*\|/.test(l)).join('\n');
    expect(prose).not.toMatch(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/);
    expect(chinesePunctuation('截至2026年7月,美国失业率为4.1%(季调)[1]。')).toBe('截至2026年7月，美国失业率为4.1%（季调）[1]。');
    expect(chinesePunctuation('1,234.5亿美元,时间14:00')).toBe('1,234.5亿美元，时间14:00');
    expect(chinesePunctuation('减少2.17万亿美元[1](-24.33%)[1]。')).toBe('减少2.17万亿美元[1]（-24.33%）[1]。');
    expect(chinesePunctuation('理解为:(1)10年期美债;(2)2年期美债。')).toBe('理解为：（1）10年期美债；（2）2年期美债。');
  });
});

describe('the lexicon of what is not held', () => {
  it('names no index, place or institution that the catalog holds under that name', async () => {
    const { WORLD_INDICES, UNSUPPORTED_MEASURES } = await import('../../src/engine/understand/lexicon.ts');
    const names = new Set([...catalog.flatMap((s) => [s.title.zh, s.title.en, ...s.aliases]), ...companies.flatMap((c) => [c.name.zh, c.name.en, ...c.aliases])].map((n) => n.normalize('NFKC').toLowerCase()));
    for (const n of [...WORLD_INDICES, ...UNSUPPORTED_MEASURES]) expect(names.has(n.toLowerCase()), n).toBe(false);
  });
});
