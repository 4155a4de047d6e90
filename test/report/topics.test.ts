// Topic resolution: bilingual and fuzzy (缩表 / QT / balance sheet runoff reach the same report; companies by
// ticker or name); an unknown topic is a typed error that lists the available topics.
import { describe, expect, it } from 'vitest';
import { companies } from '../../src/data/catalog/index.ts';
import { EmptyTopicError, NotHeldTopicError, resolveTopic, TOPICS, UnknownTopicError } from '../../src/report/index.ts';

const list = companies.map((c) => ({ ticker: c.ticker, name: c.name, aliases: c.aliases }));
const kind = (t: string) => {
  const r = resolveTopic(t, list);
  return r.kind === 'company' ? `company:${r.ticker}` : r.kind;
};

describe('resolveTopic', () => {
  it.each(['缩表', 'QT', 'qt', 'balance sheet runoff', '资产负债表', '美联储缩表策略', 'Fed balance sheet report', 'quantitative tightening', '量化紧缩'])('%s → the QT report', (t) => {
    expect(kind(t)).toBe('qt');
  });

  it.each(['通胀', 'inflation', 'CPI', '通货膨胀研究报告', 'inflaton report'])('%s → inflation', (t) => {
    expect(kind(t)).toBe('inflation');
  });

  it.each(['就业', '劳动力市场', 'labour market', 'labor market', 'jobs', '非农'])('%s → labour market', (t) => {
    expect(kind(t)).toBe('labour');
  });

  it.each(['收益率曲线', 'yield curve', '利率', '期限溢价'])('%s → yield curve', (t) => {
    expect(kind(t)).toBe('curve');
  });

  it.each([
    ['英伟达投资研究报告', 'NVDA'],
    ['NVDA', 'NVDA'],
    ['nvda', 'NVDA'],
    ['Apple report', 'AAPL'],
    ['苹果公司深度研究', 'AAPL'],
    ['Berkshire Hathaway', 'BRK.B'],
    ['三星电子', 'SAMSUNG'],
  ])('%s → company %s', (t, ticker) => {
    expect(kind(t)).toBe(`company:${ticker}`);
  });

  it('an unknown topic is an error listing the available topics, in both languages', () => {
    let err: unknown;
    try {
      resolveTopic('天气预报', list);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownTopicError);
    const e = err as UnknownTopicError;
    for (const t of TOPICS) {
      expect(e.messages.zh).toContain(t.name.zh);
      expect(e.messages.en).toContain(t.name.en);
    }
    expect(e.status).toBe(404);
  });

  it('a macro topic about another place or its central bank is declined, never the U.S. report', () => {
    for (const [topic, place] of [['欧洲央行资产负债表', '欧洲央行'], ['中国利率研究报告', '中国'], ['ECB balance sheet', 'ECB'], ['Japan inflation report', 'Japan'], ['日本通胀', '日本']] as const) {
      let err: unknown;
      try {
        resolveTopic(topic, list);
      } catch (e) {
        err = e;
      }
      expect(err, topic).toBeInstanceOf(NotHeldTopicError);
      expect((err as NotHeldTopicError).messages.zh).toContain(place);
    }
    // the U.S. named explicitly, and companies of any country, stay reports
    expect(resolveTopic('美国通胀', list)).toEqual({ kind: 'inflation' });
    expect(resolveTopic('US yield curve', list)).toEqual({ kind: 'curve' });
  });

  it('an empty topic is an error', () => {
    expect(() => resolveTopic('  ', list)).toThrow(EmptyTopicError);
  });
});
