// A small TAT-QA sample: three contexts of the dev file, their arithmetic questions checked as
// "<question> <answer>" against the context's table and paragraphs — the gold answer must verify, a wrong one
// must not. The full evaluation is `npm run eval:tatqa`.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerText, derivationType, loadTatqa, perturb, tatqaPath, type TatqaContext } from '../../../eval/tatqa.ts';
import { prepareEvidence, verifyText } from '../../../src/engine/verify/index.ts';

const file = tatqaPath();
const have = existsSync(file);

function check(ctx: TatqaContext, questionUid: string, answer: number) {
  const q = ctx.questions.find((x) => x.uid === questionUid)!;
  const v = prepareEvidence({ tables: [{ rows: ctx.table.table }], passages: ctx.paragraphs.map((p) => p.text) });
  const question = q.question.trim();
  const r = verifyText(`${question} ${answerText(q, answer)}`, v, { lang: 'en' });
  return r.claims.find((c) => c.start > question.length)!;
}

describe.skipIf(!have)('TAT-QA sample', () => {
  const data = have ? loadTatqa(file) : [];
  const ctx = (uid: string) => data.find((c) => c.table.uid.startsWith(uid))!;

  it('Sales by contract type (table): change and percent change of "Other"', () => {
    const c = ctx('3ffd9053');
    // table row "Other": 2019 = 44.1, 2018 = 56.7 → 44.1 − 56.7 = −12.6
    const q1 = 'eb787966-fa02-401f-bfaf-ccabf3828b23';
    const gold = check(c, q1, -12.6);
    expect(gold.supported).toBe(true);
    expect(gold.by?.expression).toBe('44.1 − 56.7 = -12.6');
    expect(check(c, q1, -8.2).supported).toBe(false);
    expect(check(c, q1, -13.9).supported).toBe(false); // ≈ 10 % off
    // (44.1 − 56.7) / 56.7 = −22.22 %
    const q2 = '05b670d3-5b19-438c-873f-9bf6de29c69e';
    expect(check(c, q2, -22.22).supported).toBe(true);
    expect(check(c, q2, -29.22).supported).toBe(false);
    expect(check(c, q2, -21.1).supported).toBe(false); // 5 % off
  });

  it('Property, plant and equipment (table and paragraph): sums and an average', () => {
    const c = ctx('ed9804d6');
    // paragraph 5: "… were $3,800 and $6,690, respectively" → 3,800 + 6,690 = 10,490
    const q1 = '71548485-a281-433a-839e-2c46c12aef57';
    const gold = check(c, q1, 10490);
    expect(gold.supported).toBe(true);
    expect(gold.by?.ref).toMatch(/^passage/);
    expect(check(c, q1, 6973).supported).toBe(false);
    // row "Computer equipment and software": 14,689 + 14,058 = 28,747; their average 14,373.5
    expect(check(c, '7e058249-0f63-4002-912b-598bb9c62352', 28747).supported).toBe(true);
    expect(check(c, '7e058249-0f63-4002-912b-598bb9c62352', 36124).supported).toBe(false);
    expect(check(c, 'afab19a4-a914-4a88-bc9d-699662b7fd3d', 14373.5).supported).toBe(true);
    expect(check(c, 'afab19a4-a914-4a88-bc9d-699662b7fd3d', 8862.4).supported).toBe(false);
  });

  it('Accounting fees (table): a sum, a percent change and a share of the total', () => {
    const c = ctx('b224a7d4');
    // 58,000 + 55,000 = 113,000
    expect(check(c, 'ebae8430-83a7-49c7-af14-99ddf4b1e376', 113000).supported).toBe(true);
    expect(check(c, 'ebae8430-83a7-49c7-af14-99ddf4b1e376', 125283).supported).toBe(false);
    // (11,000 − 28,000) / 28,000 = −60.71 %
    expect(check(c, '1fe30b3b-c8d4-47e2-a4b2-d2a583da9ce7', -60.71).supported).toBe(true);
    expect(check(c, '1fe30b3b-c8d4-47e2-a4b2-d2a583da9ce7', -46.33).supported).toBe(false);
    // 55,000 / 66,000 = 83.33 % (audit fees over the "Total Fees" row of the 2019 column)
    const share = check(c, '2d0072b8-5110-4323-ac2e-0d294045da92', 83.33);
    expect(share.supported).toBe(true);
    expect(share.by?.expression).toBe('$55,000 / $66,000 × 100 = 83.3333%');
    expect(check(c, '2d0072b8-5110-4323-ac2e-0d294045da92', 79.2).supported).toBe(false); // 5 % off
  });

  it('perturbs deterministically by 5–50 % at the gold precision, and classifies derivations', () => {
    for (const [gold, seed] of [
      [-12.6, 'a'],
      [0.3, 'b'],
      [425855, 'c'],
      [1, 'd'],
    ] as const) {
      const p = perturb(gold, seed)!;
      expect(p).toBe(perturb(gold, seed));
      expect(Math.sign(p)).toBe(Math.sign(gold));
      expect(Math.abs(p - gold) / Math.abs(gold)).toBeGreaterThanOrEqual(0.05 - 1e-9);
    }
    expect(perturb(0, 'x')).toBeUndefined();
    expect(derivationType('44.1-56.7')).toBe('difference');
    expect(derivationType('(44.1-56.7)/56.7')).toBe('percent_change');
    expect(derivationType('126 / 67 - 1')).toBe('percent_change');
    expect(derivationType('(1,095 + 1,048) / 2')).toBe('average');
    expect(derivationType('421.9+422.0+445.6+421.9')).toBe('sum');
    expect(derivationType('2,664/909 ')).toBe('ratio');
    expect(derivationType('[(166+178)/2] - [(57+44)/2]')).toBe('other');
  });
});
