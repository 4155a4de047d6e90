// Normalisation shared by the index and the queries: the light stemmer, the tokenizer on scraped text, Chinese
// segmentation with the finance dictionary, and query analysis (including bad input).
import { describe, expect, it } from 'vitest';
import { FinciteError } from '../../src/core/errors.ts';
import { MAX_QUERY_LENGTH } from '../../src/knowledge/kinds.ts';
import { analyzeQuery } from '../../src/knowledge/search.ts';
import { segmentChinese } from '../../src/knowledge/segment.ts';
import { FINANCE_TERMS, termForChinese } from '../../src/knowledge/terms.ts';
import { stem, tokenize, tokenSpans } from '../../src/knowledge/text.ts';

describe('stem', () => {
  it.each([
    ['caps', 'cap', 'cap'],
    ['holdings', 'holding', 'hold'],
    ['reduced', 'reducing', 'reduce'],
    ['securities', 'security', 'security'],
    ['capped', 'capping', 'cap'],
    ['reserves', 'reserve', 'reserv'],
    ['raised', 'raises', 'raise'],
    ['concluded', 'concludes', 'conclude'],
    ['purchases', 'purchased', 'purchase'],
    ['exceeded', 'exceeds', 'exceed'],
    ['agreed', 'agrees', 'agree'],
  ])('%s / %s / %s share a stem', (a, b, c) => {
    expect(stem(a)).toBe(stem(c));
    expect(stem(b)).toBe(stem(c));
  });

  it('leaves short words, numbers and -ss/-us/-is words alone', () => {
    for (const w of ['us', 'rrp', '17.5', '2022', 'less', 'status', 'basis']) expect(stem(w).startsWith(w.slice(0, -1))).toBe(true);
    expect(stem('17.5')).toBe('17.5');
    expect(stem('need')).toBe('need');
  });
});

describe('tokenize', () => {
  it('lower-cases, drops stopwords and possessives, splits hyphens (also non-breaking ones)', () => {
    expect(tokenize("The Federal Reserve's holdings of agency mortgage\u2011backed securities")).toEqual(['federal', 'reserv', 'hold', 'agency', 'mortgag', 'back', 'security']);
  });

  it('keeps words a scraper split with a soft hyphen whole, and U.S. as one word', () => {
    expect(tokenize('al\u00adthough the U.S. economy')).toEqual(['although', 'us', 'economy']);
  });

  it('gives offsets into the original text', () => {
    const text = 'Reserve balances are ample.';
    for (const s of tokenSpans(text)) expect(text.slice(s.start, s.end).toLowerCase()).toBe(s.word);
  });
});

describe('Chinese segmentation and the finance dictionary', () => {
  it('keeps finance words whole (Intl.Segmenter would split them into characters)', () => {
    expect(segmentChinese('结束缩表')).toEqual(['结束', '缩表']);
    expect(segmentChinese('常备回购便利的上限')).toEqual(['常备回购便利', '的', '上限']);
    expect(segmentChinese('准备金和逆回购')).toEqual(['准备金', '和', '逆回购']);
    expect(termForChinese(segmentChinese('准备金充足')[0]!)?.en).toContain('ample reserves');
  });

  it('has at least 80 concepts, each with Chinese words and English phrases, no Chinese word twice', () => {
    expect(FINANCE_TERMS.length).toBeGreaterThanOrEqual(80);
    const words = FINANCE_TERMS.flatMap((t) => t.zh);
    expect(new Set(words).size).toBe(words.length);
    for (const t of FINANCE_TERMS) {
      expect(t.zh.length).toBeGreaterThan(0);
      expect(t.en.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['缩表', 'balance sheet runoff'],
    ['上限', 'cap'],
    ['准备金', 'reserves'],
    ['逆回购', 'ON RRP'],
    ['常备回购便利', 'standing repurchase agreement facility'],
    ['加息', 'raise the target range'],
    ['降息', 'lower the target range'],
    ['抵押贷款支持证券', 'agency mortgage-backed securities'],
    ['充足准备金', 'ample reserves'],
    ['贴现窗口', 'discount window'],
  ])('%s → %s', (zh, en) => {
    expect(termForChinese(zh)?.en).toContain(en);
  });
});

describe('analyzeQuery', () => {
  it('turns a Chinese query into concepts with English alternatives', () => {
    const a = analyzeQuery('美联储什么时候结束缩表?');
    expect(a.concepts.map((c) => c.text)).toEqual(['美联储', '结束', '缩表']);
    expect(a.concepts[2]!.alternatives).toContain('reduction of its aggregate securities holdings');
    expect(a.unknown).toEqual([]);
  });

  it('reads abbreviations in either language (QT, ON RRP, MBS)', () => {
    const a = analyzeQuery('QT 期间 ON RRP 和 MBS');
    expect(a.concepts.map((c) => [c.text, c.source])).toEqual([
      ['QT', 'abbreviation'],
      ['ON RRP', 'abbreviation'],
      ['MBS', 'abbreviation'],
    ]);
  });

  it('reports Chinese words the dictionary does not know', () => {
    expect(analyzeQuery('缩表 人工智能').unknown).toEqual(['人工智能']);
  });

  it('rejects empty, oversized and wordless text with a bilingual message', () => {
    const fails = (q: string, code: string) => {
      try {
        analyzeQuery(q);
      } catch (err) {
        expect(err).toBeInstanceOf(FinciteError);
        expect((err as FinciteError).code).toBe(code);
        expect((err as FinciteError).messages.zh).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      throw new Error(`"${q.slice(0, 20)}" was accepted`);
    };
    fails('', 'empty_query');
    fails('   \n\t ', 'empty_query');
    fails('x'.repeat(10_000), 'query_too_long');
    fails('缩'.repeat(MAX_QUERY_LENGTH + 1), 'query_too_long');
    fails('the of and', 'no_search_terms');
    fails('的 了 吗', 'no_search_terms');
  });

  it('treats SQL-looking text as words', () => {
    expect(analyzeQuery("'; DROP TABLE passages; --").concepts.map((c) => c.text)).toEqual(['DROP', 'TABLE', 'passages']);
  });
});
