// Understood or declined, never substituted: questions about places, central banks, indices and companies the
// database does not hold, and about impossible dates, generated from lists (every ISO region the runtime knows,
// central banks, world indices, companies, calendar arithmetic) — each entity is first checked to be absent from
// the catalog. Every such question must be declined with no fact, no number and a reason; a count of
// substitutions (answers that carry facts) is printed and must be 0.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.ts';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { useSnapshotEngine } from '../helpers/engine.ts';

const TODAY = '2026-11-24';

/** Every name and alias the catalog holds, lower-cased: an entity "absent from the catalog" appears in none. */
const catalogText = [...catalog.flatMap((s) => [s.id, s.title.zh, s.title.en, ...s.aliases]), ...companies.flatMap((c) => [c.ticker, c.name.zh, c.name.en, ...c.aliases])].map((x) => x.toLowerCase());
const absent = (name: string) => !catalogText.some((t) => t.includes(name.toLowerCase()));

// ---- generated questions ----------------------------------------------------------------------------------------

/** Regions of the runtime's CLDR tables (zh and en names), without the United States and any the catalog names. */
function regions(): Array<{ zh: string; en: string }> {
  const zh = new Intl.DisplayNames(['zh'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: Array<{ zh: string; en: string }> = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const z = zh.of(code);
      const e = en.of(code);
      if (!z || !e || z === code || e === code || code === 'US' || /\b(?:Outlying|Unknown|Pseudo)\b|[()&]/.test(e)) continue;
      // names that are also everyday English words or contain a catalog name are not a clean test of absence
      if (!absent(e) || !absent(z) || /^(?:Chad|Jordan|Georgia|Turkey|Guinea|Niger|Mali|Togo|Peru|Cuba|Iran|Oman|Chile)$/.test(e)) continue;
      out.push({ zh: z, en: e });
    }
  return out;
}

const CENTRAL_BANKS = [
  { zh: '欧洲央行', en: 'ECB' },
  { zh: '日本央行', en: 'Bank of Japan' },
  { zh: '英国央行', en: 'Bank of England' },
  { zh: '中国人民银行', en: "People's Bank of China" },
  { zh: '瑞士央行', en: 'Swiss National Bank' },
  { zh: '加拿大央行', en: 'Bank of Canada' },
  { zh: '澳洲联储', en: 'Reserve Bank of Australia' },
  { zh: '印度央行', en: 'Reserve Bank of India' },
  { zh: '韩国央行', en: 'Bank of Korea' },
  { zh: '德国央行', en: 'Bundesbank' },
];

const INDICES = [
  { zh: '恒生指数', en: 'Hang Seng' },
  { zh: '德国DAX指数', en: 'DAX' },
  { zh: '富时100指数', en: 'FTSE 100' },
  { zh: '法国CAC40指数', en: 'CAC 40' },
  { zh: '欧洲斯托克50指数', en: 'Euro Stoxx 50' },
  { zh: '创业板指', en: 'Sensex' },
  { zh: '科创50', en: 'ASX 200' },
  { zh: '中证500', en: 'IBEX 35' },
  { zh: '上证50', en: 'Bovespa' },
  { zh: '台湾加权指数', en: 'TSX' },
];

/** Real companies outside the catalog, and invented ones (syllables that make no company name). */
const COMPANIES = [
  { zh: '阿里巴巴', en: 'Alibaba' },
  { zh: '腾讯控股', en: 'Tencent' },
  { zh: '贵州茅台', en: 'Boeing' },
  { zh: '比亚迪', en: 'Pfizer' },
  { zh: '宁德时代', en: 'Exxon Mobil' },
  { zh: '星际矿业', en: 'Zorblax Robotics' },
  { zh: '蓝鲸星辰科技', en: 'Quantix Dynamics' },
  { zh: '苹果银行', en: 'Apple Bank' },
  { zh: '英伟达移动', en: 'Nvidia Mobile Ltd' },
  { zh: '特斯拉保险', en: 'Westeros Capital' },
];

const INDICATOR_TEMPLATES = {
  zh: ['{X}CPI是多少', '{X}的失业率', '{X}GDP增速', '{X}资产负债表现在多大'],
  en: ['{X} CPI inflation', 'What is the {X} unemployment rate?', '{X} GDP growth last quarter', "How large is the {X} central bank's balance sheet?"],
};

interface Gen {
  q: string;
  lang: 'zh' | 'en';
  kind: string;
}

function generated(): Gen[] {
  const out: Gen[] = [];
  const rs = regions();
  // every region with one Chinese and one English template, rotating through the templates
  rs.forEach((r, i) => {
    out.push({ q: INDICATOR_TEMPLATES.zh[i % 4]!.replace('{X}', r.zh), lang: 'zh', kind: 'region' });
    out.push({ q: INDICATOR_TEMPLATES.en[i % 4]!.replace('{X}', r.en), lang: 'en', kind: 'region' });
  });
  for (const b of CENTRAL_BANKS) {
    out.push({ q: `${b.zh}资产负债表多大`, lang: 'zh', kind: 'central_bank' });
    out.push({ q: `${b.zh}的政策利率是多少`, lang: 'zh', kind: 'central_bank' });
    out.push({ q: `How big is the ${b.en} balance sheet?`, lang: 'en', kind: 'central_bank' });
  }
  for (const x of INDICES) {
    out.push({ q: `${x.zh}最新点位`, lang: 'zh', kind: 'index' });
    out.push({ q: `${x.en} index level today`, lang: 'en', kind: 'index' });
    out.push({ q: `${x.zh}今年涨了多少`, lang: 'zh', kind: 'index' });
  }
  for (const c of COMPANIES) {
    out.push({ q: `${c.zh}最新股价`, lang: 'zh', kind: 'company' });
    out.push({ q: `${c.en} stock price`, lang: 'en', kind: 'company' });
    out.push({ q: `${c.en} revenue last year`, lang: 'en', kind: 'company' });
  }
  // country names typed in lower case (several are also English words: japan, china, turkey)
  for (const t of ['japan cpi', 'turkey inflation rate', 'germany unemployment rate', 'brazil gdp growth', 'india cpi inflation']) out.push({ q: t, lang: 'en', kind: 'region' });
  for (const t of ['15年期美债收益率', '4年期国债收益率是多少', 'What is the 4-year Treasury yield?', 'the 15-year Treasury yield today', 'GOOGL stock price', 'BRK.A share price']) out.push({ q: t, lang: /[\u4e00-\u9fff]/.test(t) ? 'zh' : 'en', kind: 'tenor_or_class' });
  // impossible dates: 29 February of common years, the 31st of 30-day months, month 13, day 32
  const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  for (let y = 2001; y <= 2025; y++) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    if (!leap) {
      out.push({ q: `${y}年2月29日10年期美债收益率是多少`, lang: 'zh', kind: 'date' });
      out.push({ q: `What was the 10-year Treasury yield on February 29, ${y}?`, lang: 'en', kind: 'date' });
    }
    const m = [4, 6, 9, 11][y % 4]!;
    out.push({ q: `${y}-${String(m).padStart(2, '0')}-31的VIX`, lang: 'zh', kind: 'date' });
    out.push({ q: `S&P 500 close on ${monthsEn[m - 1]} 31, ${y}`, lang: 'en', kind: 'date' });
  }
  out.push({ q: '2024年13月的失业率', lang: 'zh', kind: 'date' }, { q: '2024年1月32日美联储总资产', lang: 'zh', kind: 'date' });
  return out;
}

const questions = generated();

// ---- the checks -------------------------------------------------------------------------------------------------

describe('generated entities are absent from the catalog', () => {
  it('no central bank, index or company of the lists is a catalog name', () => {
    for (const x of [...CENTRAL_BANKS, ...INDICES, ...COMPANIES]) for (const n of [x.zh, x.en]) expect(absent(n), n).toBe(true);
  });
  it('has enough questions of every kind', () => {
    const kinds = new Map<string, number>();
    for (const g of questions) kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + 1);
    expect(kinds.get('region')).toBeGreaterThan(300);
    expect(kinds.get('date')).toBeGreaterThan(60);
    for (const k of ['central_bank', 'index', 'company', 'tenor_or_class']) expect(kinds.get(k), k).toBeGreaterThan(5);
  });
});

describe('questions about what the data lacks are declined, never answered with other data', () => {
  const substituted: string[] = [];
  const engine = useSnapshotEngine(TODAY, () =>
    console.log(`no-substitution suite: ${questions.length} questions, ${substituted.length} answered with other data${substituted.length ? `:\n  ${substituted.slice(0, 20).join('\n  ')}` : ''}`),
  );

  it.each(questions)('[$kind] $q', async (g) => {
    const a: Answer = await engine().ask(g.q, { lang: g.lang });
    if (a.facts.length || !a.unanswerable) substituted.push(`${g.q} → ${a.text.split('\n').find((l) => l.trim() && !l.startsWith('*'))?.slice(0, 120)}`);
    expect(a.facts, a.text.slice(0, 300)).toEqual([]);
    expect(a.unanswerable?.reason.trim().length, a.text.slice(0, 300)).toBeGreaterThan(0);
    expect(a.unanswerable!.suggestions.length).toBeGreaterThanOrEqual(2);
    if (g.kind === 'date') expect(a.unanswerable!.reason, a.text.slice(0, 300)).toMatch(/不存在|无效|不是有效|not a valid|does not exist|invalid|no such date|not a real date/i);
  });
});
