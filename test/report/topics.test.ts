// Topic resolution: bilingual and fuzzy (缩表 / QT / balance sheet runoff reach the same report; companies by
// ticker or name); an unknown topic is a typed error that lists the available topics.
import { describe, expect, it } from 'vitest';
import { companies } from '../../src/data/catalog/index.ts';
import { EmptyTopicError, NotHeldTopicError, resolveTopic, TOPICS, UnknownTopicError } from '../../src/report/index.ts';

const list = companies.map((c) => ({ ticker: c.ticker, name: c.name, aliases: c.aliases }));
const kind = (t: string) => {
  const r = resolveTopic(t, list);
  return r.kind === 'company' ? `company:${r.ticker}` : r.kind === 'topic' ? `topic:${r.id}` : r.kind === 'companies' ? `companies:${r.tickers.join(',')}` : r.kind;
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

  it('an unknown topic is an error listing the nearest topics (or all of them when none is near), in both languages', () => {
    const errorOf = (t: string): UnknownTopicError => {
      try {
        resolveTopic(t, list);
      } catch (e) {
        return e as UnknownTopicError;
      }
      throw new Error(`${t} resolved`);
    };
    const far = errorOf('zzqx wobble');
    expect(far).toBeInstanceOf(UnknownTopicError);
    for (const t of TOPICS) {
      expect(far.messages.zh).toContain(t.name.zh);
      expect(far.messages.en).toContain(t.name.en);
    }
    expect(far.status).toBe(404);
    // a miswritten Chinese topic lists the topic sharing most of an alias's characters first
    const near = errorOf('房地厂');
    expect(near.messages.en).toContain('nearest');
    expect(near.available[0]).toBe(TOPICS.find((t) => t.aliases.includes('房地产'))!.name.en);
  });

  it('a macro topic about another place or its central bank is declined, never the U.S. report', () => {
    for (const [topic, place] of [['欧洲央行资产负债表', '欧洲央行'], ['德国国债收益率研究报告', '德国'], ['ECB balance sheet', 'ECB'], ['Japan inflation report', 'Japan'], ['日本通胀', '日本'], ['中国通胀', '中国'], ['UK housing market', 'UK'], ['German bund yields', 'German']] as const) {
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

  it.each([
    ['货币市场', 'topic:money_markets'],
    ['repo market report', 'topic:money_markets'],
    ['信用利差', 'topic:credit'],
    ['credit spreads', 'topic:credit'],
    ['美国房地产', 'topic:housing'],
    ['housing market', 'topic:housing'],
    ['中国国债', 'topic:china_yields'],
    ['中国利率研究报告', 'topic:china_yields'],
    ['中美利差', 'topic:china_yields'],
    ['人民币汇率', 'topic:cny'],
    ['A股', 'topic:china_markets'],
    ['中国', 'topic:china_markets'],
    ['日本国债', 'topic:japan'],
    ['半导体行业', 'topic:semiconductors'],
    ['大宗商品', 'topic:commodities'],
    ['黄金', 'topic:gold'],
    ['比特币', 'topic:crypto'],
    ['financial conditions', 'topic:financial_conditions'],
    ['银行业危机', 'topic:banking_stress'],
    ['财政与TGA', 'topic:fiscal'],
    ['美股估值', 'topic:equity_valuation'],
    ['sector rotation', 'topic:sectors'],
    ['新兴市场', 'topic:emerging_markets'],
    ['美元指数', 'topic:dollar'],
    ['VIX', 'topic:volatility'],
    ['货币供应', 'topic:money_supply'],
  ])('%s → %s', (t, expected) => {
    expect(kind(t)).toBe(expected);
  });

  it.each([
    ['苹果和微软对比', 'companies:AAPL,MSFT'],
    ['NVDA vs AMD', 'companies:NVDA,AMD'],
    ['英伟达、台积电与博通', 'companies:NVDA,TSM,AVGO'],
  ])('%s → %s', (t, expected) => {
    expect(kind(t)).toBe(expected);
  });

  it('an empty topic is an error', () => {
    expect(() => resolveTopic('  ', list)).toThrow(EmptyTopicError);
  });
});
