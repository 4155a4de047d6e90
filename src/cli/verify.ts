// `fincite verify`: the numeric-claim verifier on a text (or a JSONL batch) against JSON evidence.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FinciteError, InputTooLargeError } from '../core/errors.ts';
import type { Lang } from '../core/format.ts';
import { verifyText, type Evidence } from '../engine/verify/index.ts';

const MAX_TEXT = 200_000;
const MAX_BATCH_BYTES = 200 * 1024 * 1024;

const EvidenceSchema = z
  .object({
    facts: z.array(z.looseObject({ id: z.string(), value: z.number(), unit: z.looseObject({ kind: z.string(), scale: z.number() }) })).optional(),
    tables: z.array(z.unknown()).optional(),
    passages: z.array(z.union([z.string(), z.looseObject({ text: z.string() })])).optional(),
    numbers: z.array(z.number()).optional(),
  })
  .strict();

const BatchLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string().max(MAX_TEXT), evidence: EvidenceSchema.default({}) });

function badInput(en: string, zh: string): FinciteError {
  return new FinciteError('bad_input', { en, zh });
}

function readJson(file: string, lang: Lang): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw badInput(`cannot read ${file}`, `无法读取 ${file}`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badInput(`${file} is not valid JSON`, `${file} 不是有效的 JSON`);
  }
  void lang;
}

function parseEvidence(value: unknown, where: string): Evidence {
  const r = EvidenceSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw badInput(`${where}: invalid evidence at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, `${where}:证据格式无效(${issue?.path.join('.') || '根'}):${issue?.message}`);
  }
  return r.data as unknown as Evidence;
}

export async function verifyCommand(text: string | undefined, opts: { evidence?: string; batch?: string; json?: boolean }, lang: Lang): Promise<number> {
  if (opts.batch) {
    const raw = readFileSync(opts.batch, 'utf8');
    if (raw.length > MAX_BATCH_BYTES) throw new InputTooLargeError(opts.batch, MAX_BATCH_BYTES);
    let failed = 0;
    raw.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let parsed: z.infer<typeof BatchLine>;
      try {
        parsed = BatchLine.parse(JSON.parse(line));
      } catch (err) {
        failed++;
        process.stdout.write(JSON.stringify({ line: i + 1, error: err instanceof z.ZodError ? err.issues[0]?.message : 'invalid JSON' }) + '\n');
        return;
      }
      const v = verifyText(parsed.text, parseEvidence(parsed.evidence, `line ${i + 1}`));
      process.stdout.write(JSON.stringify({ id: parsed.id, verification: { numbers: v.numbers, supported: v.supported, unsupported: v.unsupported, claims: v.claims } }) + '\n');
    });
    return failed ? 1 : 0;
  }
  if (!text) throw badInput('give the text to verify, or --batch FILE', '请提供要核验的文本,或使用 --batch FILE');
  if (text.length > MAX_TEXT) throw new InputTooLargeError('text', MAX_TEXT);
  const evidence = opts.evidence ? parseEvidence(readJson(opts.evidence, lang), opts.evidence) : {};
  const v = verifyText(text, evidence);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ numbers: v.numbers, supported: v.supported, unsupported: v.unsupported, claims: v.claims }, null, 2) + '\n');
  } else {
    process.stdout.write(`${lang === 'zh' ? '数字' : 'numbers'}: ${v.numbers}, ${lang === 'zh' ? '有支撑' : 'supported'}: ${v.supported}\n`);
    for (const c of v.claims) process.stdout.write(`  ${c.supported ? '✓' : '✗'} ${c.text}${c.by ? ` — ${c.by.expression}` : c.reason ? ` — ${c.reason}` : ''}\n`);
  }
  return v.unsupported.length ? 1 : 0;
}
