// Words around numbers: tokens for relevance (English stems, CJK bigrams, years), the sentence around a
// claim, and the operation a sentence asks for ("change", "percentage change", "average", "total", "ratio").

const STOP = new Set(
  `a an the of in on at to from for by with and or as is are was were be been being what which who whom whose how
  much many did does do that this these those its it their there than then into over under per year years yr fy
  between during ended ending end as_of value amount amounts number numbers respectively also company company's
  group total's compared vs versus ie eg i e g s t d there here has have had will would should could may might
  our we us you your they them his her he she not no yes all any each both such same than only
  approximately about around nearly almost`.split(/\s+/),
);

/** Words that name an operation (they pick derivations, they do not pick cells). */
const OP_WORDS = new Set(
  `change changes changed difference differences increase increases increased decrease decreases decreased growth grow
  grew decline declined rise rose fall fell drop dropped gap spread percentage percent percentages rate average avg mean
  sum combined together altogether aggregate ratio proportion share portion fraction times multiple what`.split(/\s+/),
);

const CJK = /[\u3400-\u9fff]/;

function stem(w: string): string {
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  return s.length > 7 ? s.slice(0, 7) : s;
}

/** Years named in a text: 2019, FY19 / FY2019 → 2019, 2018/2019 → both. */
export function yearsIn(text: string, expandRanges = false): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\d.$]|\d,)((?:19|20)\d{2})(?!\d|%|\.\d|,\d{3}(?!\d))/g)) out.add(m[1]!);
  // ranges "2017-2019", "2017–2019" (and "2017 to 2019" when asked): the years between too
  const range = expandRanges
    ? /(?<![\d.$])((?:19|20)\d{2})\s*(?:[-–~]|to|through|until|至|到)\s*((?:19|20)\d{2})(?!\d)/g
    : /(?<![\d.$])((?:19|20)\d{2})\s*[-–~]\s*((?:19|20)\d{2})(?!\d)/g;
  for (const m of text.matchAll(range)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    for (let y = a + 1; y < b && b - a <= 10; y++) out.add(String(y));
  }
  for (const m of text.matchAll(/\b(?:FY|fy|Fiscal|fiscal|F)\s?'?(\d{2})(?!\d)/g)) out.add(`20${m[1]}`);
  for (const m of text.matchAll(/(?<![\d.,$])((?:19|20)\d{2})\s*[\/-]\s*(\d{2})(?![\d%])/g)) {
    const a = Number(m[1]);
    const b = Number(m[1]!.slice(0, 2) + m[2]);
    if (b === a + 1) out.add(String(b));
  }
  return out;
}

/**
 * Content tokens of a text for relevance: lower-cased English stems without stop words, and CJK bigrams
 * (Chinese has no spaces; bigrams match 收益率 with 收益, 资产负债表 with 负债).
 */
export function contentTokens(text: string, keepOps = false): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  // tenors tell series apart where words do not: 10年期 / 10-year / 10Y → "10y", 3个月 / 3-month → "3m"
  if (/\d/.test(lower)) {
    for (const m of lower.matchAll(/(?<![\d.])(\d{1,2})\s*(?:-\s*)?(?:年期|年|years?\b|yrs?\b|y\b)/g)) out.add(`${m[1]}y`);
    for (const m of lower.matchAll(/(?<![\d.])(\d{1,2})\s*(?:-\s*)?(?:个月|月期|months?\b|mos?\b|m\b)/g)) out.add(`${m[1]}m`);
  }
  for (const m of lower.matchAll(/[a-z][a-z0-9&'-]*/g)) {
    for (const part of m[0].split(/[-']/)) {
      if (part.length < 2 || STOP.has(part)) continue;
      if (!keepOps && OP_WORDS.has(part)) continue;
      out.add(stem(part));
    }
  }
  for (const m of text.matchAll(/[\u3400-\u9fff]+/g)) {
    const run = m[0];
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Offsets of the sentence holding position `at` (sentences end at . ! ? 。！？; or a line break). */
export function sentenceAround(text: string, at: number): [number, number] {
  const isEnd = (i: number): boolean => {
    const c = text[i];
    if (c === '\n' || c === '。' || c === '！' || c === '？' || c === '!' || c === '?' || c === '；') return true;
    if (c === '.') {
      // not a decimal point, not an abbreviation like "U.S." / "e.g."
      const nextc = text[i + 1];
      return (nextc === undefined || /\s/.test(nextc)) && !/(?:\b[A-Za-z]|\bNo|\bvs|\bInc|\bCo|\bSt)$/.test(text.slice(Math.max(0, i - 4), i));
    }
    return false;
  };
  let s = at;
  while (s > 0 && !isEnd(s - 1)) s--;
  let e = at;
  while (e < text.length && !isEnd(e)) e++;
  return [s, Math.min(text.length, e + 1)];
}

export type Op = 'diff' | 'pct_change' | 'ratio' | 'sum' | 'average';

/**
 * The operations a context asks for, from its words; undefined when it names none (then every simple
 * derivation may explain a number).
 */
export function opsAsked(context: string): Set<Op> | undefined {
  const t = context.toLowerCase();
  const ops = new Set<Op>();
  const change =
    /\b(?:chang\w*|differ\w*|increas\w*|decreas\w*|grow\w*|grew|declin\w*|ris(?:e|es|ing)|rose|fall\w*|fell|drop\w*|gap|spread|higher|lower|more|less|variance|movement|delta|up|down|gain\w*|loss(?:es)?\b)/.test(
      t,
    ) || /变化|变动|增加|减少|上升|下降|增长|下跌|上涨|回落|回升|差|高出|低于|高于|升|降|涨|跌|增|减|收窄|扩大|缩/.test(context);
  const pct =
    /percent(?:age)?\s+(?:chang|increas|decreas|growth|declin|rise|drop|fall)|%\s*chang|growth\s+rate|rate\s+of\s+(?:chang|growth|increas|decreas)|percent(?:age)?\s+(?:of\s+)?(?:chang|growth)/.test(t) ||
    /增速|增幅|降幅|涨幅|跌幅|同比|环比|增长率|变化率|百分比变化/.test(context);
  const ratio =
    /\bratio\b|proportion|as a percent|percentage of|percent of|share of|\bportion\b|fraction|\btimes\b|multiple|\bof (?:the )?total\b|what percent|how many percent|\bper\b|margin|\bcover/.test(t) ||
    /占|比例|比率|倍|比重|之比/.test(context);
  const average = /\baverage|\bmean\b|\bavg\b/.test(t) || /平均|均值|均/.test(context);
  const sum = /\btotal|\bsum\b|combined|together|altogether|aggregate|\bin all\b|both/.test(t) || /合计|总计|共计|总和|累计|总额|一共|合共/.test(context);
  if (pct) ops.add('pct_change');
  if (change) {
    ops.add('diff');
    ops.add('pct_change');
  }
  if (ratio) ops.add('ratio');
  if (average) ops.add('average');
  if (sum) ops.add('sum');
  return ops.size > 0 ? ops : undefined;
}

/**
 * The noun phrases of a context, split at the words that join two items ("X as a percentage of Y",
 * "difference between X and Y", "X over Y"), each as content tokens: every item named may be an operand.
 */
export function phrases(context: string): Array<Set<string>> {
  const parts = context
    .toLowerCase()
    .split(
      /\b(?:as a (?:percentage|proportion|ratio|share|fraction) of|percentage of|proportion of|ratio of|out of|among|over|to|and|between|versus|vs\.?|compared (?:to|with)|relative to|divided by|against|from|for|in|of|by|with|than)\b|[,;:?()]|与|和|及|对|比|占|相对于|较/,
    );
  const out: Array<Set<string>> = [];
  for (const p of parts) {
    const t = contentTokens(p);
    if (t.size > 0) out.push(t);
  }
  return out;
}

/** The clause holding position `at` within its sentence (clauses end at ， , ； ; ： and 、). */
export function clauseAround(text: string, at: number): [number, number] {
  const [ss, se] = sentenceAround(text, at);
  const isSep = (i: number) => {
    const c = text[i];
    return c === '，' || c === '；' || c === ';' || c === '：' || (c === ',' && !/\d/.test(text[i + 1] ?? '')) || c === '、';
  };
  let s = at;
  while (s > ss && !isSep(s - 1)) s--;
  let e = at;
  while (e < se && !isSep(e)) e++;
  return [s, e];
}
