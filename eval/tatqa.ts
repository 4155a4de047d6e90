// Evaluation of the numeric-claim verifier on TAT-QA (dev set): for every arithmetic question, the text
// "<question> <gold answer>" must verify against its table and paragraphs (recall), and the same text with
// the answer perturbed by 5–50 % must not (false-accept rate).
//
//   npm run eval:tatqa                 # prints the figures, writes eval/results/tatqa.json
//   FINCITE_SNAPSHOT=/path/to/data npm run eval:tatqa
//
// Data: <snapshot>/eval/tatqa_dataset_dev.json, where <snapshot> is $FINCITE_SNAPSHOT or ../shared/data
// next to the repository. TAT-QA is CC BY 4.0 (see TATQA_LICENSE next to the file).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { prepareEvidence, verifyText } from '../src/engine/verify/index.ts';
import type { ClaimResult } from '../src/engine/verify/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function tatqaPath(): string {
  const base = process.env.FINCITE_SNAPSHOT ?? path.resolve(repoRoot, '../shared/data');
  return path.join(base, 'eval', 'tatqa_dataset_dev.json');
}

// ---- the file ---------------------------------------------------------------------------------------------

const Question = z.object({
  uid: z.string(),
  order: z.number(),
  question: z.string(),
  answer: z.union([z.number(), z.string(), z.array(z.string())]),
  derivation: z.string(),
  answer_type: z.string(),
  answer_from: z.string(),
  rel_paragraphs: z.array(z.string()),
  req_comparison: z.boolean(),
  scale: z.string(),
});
const Context = z.object({
  table: z.object({ uid: z.string(), table: z.array(z.array(z.string())) }),
  paragraphs: z.array(z.object({ uid: z.string(), order: z.number(), text: z.string() })),
  questions: z.array(Question),
});
export const TatqaFile = z.array(Context);
export type TatqaContext = z.infer<typeof Context>;
export type TatqaQuestion = z.infer<typeof Question>;

export function loadTatqa(file = tatqaPath()): TatqaContext[] {
  return TatqaFile.parse(JSON.parse(readFileSync(file, 'utf8')));
}

// ---- the texts checked --------------------------------------------------------------------------------------

/** Digits after the decimal point of a number as JSON wrote it. */
export function decimalsOf(x: number): number {
  const s = String(x);
  if (/e/i.test(s)) return 0;
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

/** Deterministic PRNG (mulberry32) seeded from a string. */
function rng(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The gold answer off by a factor of 5–50 % (either direction, seeded by the question id), rounded to the
 * gold answer's decimals. When rounding brings it back within 5 % of the gold (small numbers written with
 * few digits), it moves one unit of the last place at a time away from the gold until it is ≥ 5 % off; when
 * that would reach zero or flip the sign, the magnitude is increased instead.
 */
export function perturb(gold: number, seed: string): number | undefined {
  if (gold === 0) return undefined;
  const r = rng(seed);
  const f = 0.05 + 0.45 * r();
  let dir = r() < 0.5 ? -1 : 1;
  const dec = decimalsOf(gold);
  const ulp = 10 ** -dec;
  const off = (p: number) => Math.abs(p - gold) / Math.abs(gold) >= 0.05 - 1e-12;
  const walk = () => {
    let p = Number((gold * (1 + dir * f)).toFixed(dec));
    const step = Math.sign(gold) * dir * ulp;
    for (let i = 0; i < 1000 && !off(p); i++) p = Number((p + step).toFixed(dec));
    return p;
  };
  let p = walk();
  // never zero, never the other sign: a smaller magnitude that rounds to nothing becomes a larger one
  if (p === 0 || Math.sign(p) !== Math.sign(gold)) {
    dir = 1;
    p = walk();
  }
  return p;
}

export function answerText(q: TatqaQuestion, value: number): string {
  const s = value.toFixed(decimalsOf(typeof q.answer === 'number' ? q.answer : value));
  return `${s}${q.scale === 'percent' ? '%' : ''}`;
}

/** What kind of arithmetic the gold derivation is: difference, percent change, average, sum, ratio, other. */
export function derivationType(derivation: string): string {
  const d = derivation.replace(/\s+/g, '').replace(/[$€£%]/g, '').replace(/,(?=\d{3})/g, '').replace(/[−–]/g, '-').replace(/[\[\]]/g, (b) => (b === '[' ? '(' : ')'));
  const N = String.raw`(?:\(-?\d*\.?\d+\)|-?\d*\.?\d+)`;
  const P = (s: string) => new RegExp(`^${s}$`);
  if (P(`\\(?${N}-${N}\\)?`).test(d)) return 'difference';
  if (P(`\\(${N}-${N}\\)/${N}(?:\\*100)?`).test(d) || P(`${N}/${N}-1(?:\\*100)?`).test(d) || P(`\\(${N}/${N}\\)-1(?:\\*100)?`).test(d))
    return 'percent_change';
  const avg = P(`\\((${N}(?:\\+${N})+)\\)/(\\d+)`).exec(d);
  if (avg) return avg[1]!.split('+').length === Number(avg[2]) ? 'average' : 'other';
  if (P(`\\(?${N}(?:\\+${N})+\\)?`).test(d)) return 'sum';
  if (P(`${N}/${N}(?:\\*100)?`).test(d) || P(`\\(${N}/${N}\\)(?:\\*100)?`).test(d)) return 'ratio';
  return 'other';
}

// ---- running -----------------------------------------------------------------------------------------------

export interface CaseResult {
  uid: string;
  question: string;
  derivation: string;
  type: string;
  answerFrom: string;
  gold: string;
  goldSupported: boolean;
  goldBy?: ClaimResult['by'];
  perturbed?: string;
  perturbedSupported?: boolean;
  perturbedBy?: ClaimResult['by'];
  goldReason?: string;
}

/** The claim of `text` that starts at or after `from` (the answer after the question). */
function answerClaim(claims: ClaimResult[], from: number): ClaimResult | undefined {
  return claims.find((c) => c.start >= from);
}

export function evaluateContext(ctx: TatqaContext): CaseResult[] {
  const paragraphs = [...ctx.paragraphs].sort((a, b) => a.order - b.order).map((p) => p.text);
  const verifier = prepareEvidence({ tables: [{ id: 'table', rows: ctx.table.table }], passages: paragraphs }, 'en');
  const out: CaseResult[] = [];
  for (const q of ctx.questions) {
    if (q.answer_type !== 'arithmetic' || typeof q.answer !== 'number') continue;
    const question = q.question.trim();
    const gold = answerText(q, q.answer);
    const goldRes = verifyText(`${question} ${gold}`, verifier, { lang: 'en' });
    const gc = answerClaim(goldRes.claims, question.length + 1);
    const p = perturb(q.answer, q.uid);
    const r: CaseResult = {
      uid: q.uid,
      question,
      derivation: q.derivation,
      type: derivationType(q.derivation),
      answerFrom: q.answer_from,
      gold,
      goldSupported: gc?.supported ?? false,
      ...(gc?.by ? { goldBy: gc.by } : {}),
      ...(gc && !gc.supported ? { goldReason: gc.reason } : {}),
      ...(gc ? {} : { goldReason: 'answer not extracted as a claim' }),
    };
    if (p !== undefined) {
      const pt = answerText(q, p);
      const pr = verifyText(`${question} ${pt}`, verifier, { lang: 'en' });
      const pc = answerClaim(pr.claims, question.length + 1);
      r.perturbed = pt;
      r.perturbedSupported = pc?.supported ?? false;
      if (pc?.by) r.perturbedBy = pc.by;
    }
    out.push(r);
  }
  return out;
}

interface Figures {
  questions: number;
  recall: number;
  perturbed: number;
  falseAccept: number;
}

function figures(rs: CaseResult[]): Figures {
  const p = rs.filter((r) => r.perturbed !== undefined);
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    questions: rs.length,
    recall: round(rs.filter((r) => r.goldSupported).length / Math.max(1, rs.length)),
    perturbed: p.length,
    falseAccept: round(p.filter((r) => r.perturbedSupported).length / Math.max(1, p.length)),
  };
}

function main(): void {
  const file = tatqaPath();
  const data = loadTatqa(file);
  const t0 = performance.now();
  const results = data.flatMap(evaluateContext);
  const ms = performance.now() - t0;
  const overall = figures(results);
  const groupBy = (key: (r: CaseResult) => string) => {
    const m = new Map<string, CaseResult[]>();
    for (const r of results) (m.get(key(r)) ?? m.set(key(r), []).get(key(r))!).push(r);
    return Object.fromEntries([...m.entries()].sort((a, b) => b[1].length - a[1].length).map(([k, v]) => [k, figures(v)]));
  };
  const byType = groupBy((r) => r.type);
  const byAnswerFrom = groupBy((r) => r.answerFrom);
  const supportKinds = (sel: (r: CaseResult) => ClaimResult['by'] | undefined) => {
    const m: Record<string, number> = {};
    for (const r of results) {
      const b = sel(r);
      if (b) m[b.kind] = (m[b.kind] ?? 0) + 1;
    }
    return m;
  };

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`TAT-QA dev, arithmetic questions: ${file}`);
  console.log(`${pad('', 16)} ${pad('n', 5)} ${pad('recall', 8)} ${pad('n pert.', 8)} false-accept`);
  const row = (name: string, f: Figures) =>
    console.log(`${pad(name, 16)} ${pad(String(f.questions), 5)} ${pad(f.recall.toFixed(3), 8)} ${pad(String(f.perturbed), 8)} ${f.falseAccept.toFixed(3)}`);
  row('overall', overall);
  for (const [k, f] of Object.entries(byType)) row(`  ${k}`, f);
  console.log('by answer source');
  for (const [k, f] of Object.entries(byAnswerFrom)) row(`  ${k}`, f);
  console.log(`gold supported by: ${JSON.stringify(supportKinds((r) => (r.goldSupported ? r.goldBy : undefined)))}`);
  console.log(`false accepts by: ${JSON.stringify(supportKinds((r) => (r.perturbedSupported ? r.perturbedBy : undefined)))}`);
  console.log(`verified ${results.length * 2} texts in ${ms.toFixed(0)} ms`);
  const targets = { recall: 0.8, falseAccept: 0.05 };
  const met = overall.recall >= targets.recall && overall.falseAccept <= targets.falseAccept;
  console.log(`targets recall ≥ ${targets.recall} and false-accept ≤ ${targets.falseAccept}: ${met ? 'met' : 'NOT met'}`);

  const outDir = path.join(repoRoot, 'eval', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, 'tatqa.json'),
    JSON.stringify(
      {
        dataset: 'TAT-QA dev (tatqa_dataset_dev.json), answer_type arithmetic',
        method:
          'text "<question> <answer>" (answer formatted as the gold JSON number, "%" appended when scale is percent) verified against the context table and paragraphs; perturbed answer = gold × (1 ± U[0.05,0.5]) seeded by question uid, rounded to the gold decimals, moved by one unit of the last place until ≥ 5 % off',
        targets,
        met,
        overall,
        byType,
        byAnswerFrom,
        goldSupportedBy: supportKinds((r) => (r.goldSupported ? r.goldBy : undefined)),
        falseAcceptsBy: supportKinds((r) => (r.perturbedSupported ? r.perturbedBy : undefined)),
        ms: Math.round(ms),
        missed: results.filter((r) => !r.goldSupported),
        falseAccepts: results.filter((r) => r.perturbedSupported),
      },
      null,
      1,
    ) + '\n',
  );
  console.log(`wrote ${path.relative(repoRoot, path.join(outDir, 'tatqa.json'))}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
