// Debugging aid for the TAT-QA evaluation: `tsx eval/debug.ts <question text or uid fragment>` prints the
// context table, the claim's context words and the evidence numbers the verifier considers relevant.
import { loadTatqa, answerText, perturb } from './tatqa.ts';
import { prepareEvidence, verifyText } from '../src/engine/verify/index.ts';
import { claimContext, relevant } from '../src/engine/verify/verify.ts';
import { extractClaims } from '../src/engine/verify/extract.ts';

const needle = (process.argv[2] ?? '').toLowerCase();
for (const ctx of loadTatqa()) {
  for (const q of ctx.questions) {
    if (q.answer_type !== 'arithmetic' || typeof q.answer !== 'number') continue;
    if (!q.uid.startsWith(needle) && !q.question.toLowerCase().includes(needle)) continue;
    for (const r of ctx.table.table) console.log('  |', r.join(' | '));
    for (const p of ctx.paragraphs) console.log('  P', p.order, p.text.slice(0, 400));
    const v = prepareEvidence({ tables: [{ id: 'table', rows: ctx.table.table }], passages: ctx.paragraphs.map((p) => p.text) });
    const question = q.question.trim();
    for (const value of [q.answer, perturb(q.answer, q.uid)]) {
      if (value === undefined) continue;
      const text = `${question} ${answerText(q, value)}`;
      const res = verifyText(text, v);
      const claim = extractClaims(text).find((c) => c.start >= question.length + 1);
      console.log('\n', text, '| derivation:', q.derivation);
      if (!claim) {
        console.log('  (no claim)');
        continue;
      }
      const cctx = claimContext(text, claim, undefined);
      const rel = relevant(cctx, v.spaces);
      console.log('  tokens', [...cctx.tokens].join(' '), '| years', [...cctx.years].join(' '), '| ops', cctx.ops ? [...cctx.ops].join(' ') : '-');
      console.log('  cands', rel.cands.map((n) => `${n.display}@${n.ref}`).join('; '));
      console.log('  result', JSON.stringify(res.claims.find((c) => c.start === claim.start)));
    }
    console.log('------------------------------------------------');
  }
}
