// Numbers are rendered, not written. A model refers to the facts of its tool results by handle and the system
// writes the value, date or period in the answer's language, followed by the fact's [n] citation. This module is
// the one place the handle grammar lives: the instructions teach it (HANDLE_GRAMMAR_HELP), tool outputs show each
// fact's own placeholders (placeholdersFor), and renderHandles turns them into text.
//
//   {{F1}}               the value, formatted (6.75万亿美元 / $6.75 trillion; 1.5%), then its citation [n]
//   {{F1.abs}}           the magnitude (for "fell by …"), then its citation
//   {{F1.asOf}}          the date the fact is as of (2026年11月18日 / 2026-11-18)
//   {{F1.from}} {{F1.to}} the ends of the fact's period (a change, an average …)
//   {{F1.extra.<key>}}   a dated extra of the fact (peakDate, extremeDate, startDate …)
//   [D1]                 a document passage's citation (as before); [F1] alone cites a fact without its value
//
// An unknown handle or field is removed with the [未经核实]/[unverified] marker and counted as unsupported. A
// bracketed number the model typed ("[3]") is removed first: only the system's handle → [n] mapping cites.
import type { Fact } from '../../core/answer.ts';
import { formatValue, type Lang } from '../../core/format.ts';
import type { Ledger } from '../tools.ts';
import type { AnswerWriter } from '../writer.ts';

export const HANDLE_FIELDS = ['abs', 'asOf', 'from', 'to'] as const;

/** {{F1}}, {{F1.asOf}}, {{F1.extra.peakDate}}, {{ D2 }} … (any handle-looking placeholder, valid or not). */
const PLACEHOLDER = /\{\{\s*([A-Za-z]+\d*)((?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g;
/** Citation lists of handles: [F1], [F1, D2], [F1][D2]. */
const HANDLE_CITES = /\s?\[((?:[FD]\d+)(?:\s*[,,、]\s*[FD]\d+)*)\]/g;
/** A citation the model typed itself: [3], [1, 2], [1–3], 【2】, [^1]. */
const TYPED_CITES = /\s?(?:\[\^?\s*\d+(?:\s*(?:[,,、]|[-–—~])\s*\d+)*\s*\]|【\s*\d+(?:\s*[,,、]\s*\d+)*\s*】)/g;

export const MARKER: Record<Lang, string> = { zh: '[未经核实]', en: '[unverified]' };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The placeholders a fact offers, for its tool result (so the model sees exactly what it may write). */
export function placeholdersFor(handle: string, f: Pick<Fact, 'period' | 'extra'>): Record<string, string> {
  const out: Record<string, string> = { value: `{{${handle}}}`, magnitude: `{{${handle}.abs}}`, as_of: `{{${handle}.asOf}}` };
  if (f.period) {
    out.from = `{{${handle}.from}}`;
    out.to = `{{${handle}.to}}`;
  }
  for (const [k, v] of Object.entries(f.extra ?? {})) if (typeof v === 'string' && ISO.test(v)) out[k] = `{{${handle}.extra.${k}}}`;
  return out;
}

/** The rules of the grammar, for the model's instructions. */
export function handleGrammarHelp(lang: Lang): string {
  const ex = lang === 'zh' ? '"截至{{F1.asOf}}，美联储总资产为{{F1}}。" 或 "自{{F2.from}}以来减少了{{F2.abs}}。"' : '"As of {{F1.asOf}}, the Fed\'s total assets were {{F1}}." or "They fell by {{F2.abs}} since {{F2.from}}."';
  return [
    'Numbers are rendered, not written: never type a number that came from a tool. Write the fact\'s placeholder and the system writes the value with its citation:',
    '{{F1}} = the value with its unit and citation; {{F1.abs}} = its magnitude (for "fell by …"); {{F1.asOf}} = its date; {{F1.from}} / {{F1.to}} = the ends of its period; {{F1.extra.<key>}} = a dated extra such as peakDate.',
    `Each fact's tool result lists its own placeholders under "placeholders". Example: ${ex}`,
    'Do not write citation numbers like [1] yourself (they are removed); cite documents with their handle, like [D1]. An unknown handle or field is removed and shown as unverified.',
  ].join('\n');
}

export interface RenderResult {
  text: string;
  /** Placeholders that named no fact or no field of it: removed with the marker. */
  unknown: string[];
  /** Citation numbers the model typed itself: removed. */
  typedCitations: number;
}

function citation(w: AnswerWriter, ledger: Ledger, handle: string): number[] {
  const f = ledger.facts.get(handle);
  if (f) return (f.source ? w.factWithSource(f.fact, { ...f.source, date: f.fact.asOf }) : w.fact(f.fact)).sourceIds;
  const d = ledger.docs.get(handle);
  if (d) return [w.document(d.doc).n];
  return [];
}

const cites = (ns: Iterable<number>) => [...new Set(ns)].sort((a, b) => a - b).map((n) => `[${n}]`).join('');

/**
 * The model's text with every placeholder rendered and every handle citation turned into [n] by the writer
 * (which registers the facts and documents cited); typed [n] citations and unknown placeholders removed.
 */
export function renderHandles(text: string, ledger: Ledger, w: AnswerWriter): RenderResult {
  const lang = w.lang;
  const unknown: string[] = [];
  let typedCitations = 0;
  let out = text.replace(TYPED_CITES, () => {
    typedCitations++;
    return '';
  });
  out = out.replace(PLACEHOLDER, (m, handle: string, path: string) => {
    const f = ledger.facts.get(handle);
    const fields = path ? path.slice(1).split('.') : [];
    const rendered = f ? renderField(f.fact, fields, lang, w) : undefined;
    if (rendered === undefined) {
      // a document handle in braces is still a citation of it
      if (!fields.length && ledger.docs.has(handle)) return cites(citation(w, ledger, handle));
      unknown.push(m);
      return MARKER[lang];
    }
    return rendered.cite ? `${rendered.text}${cites(citation(w, ledger, handle))}` : rendered.text;
  });
  out = out.replace(HANDLE_CITES, (_m, list: string) => cites(list.split(/\s*[,,、]\s*/).flatMap((h) => citation(w, ledger, h))));
  return { text: out, unknown, typedCitations };
}

function renderField(f: Fact, fields: string[], lang: Lang, w: AnswerWriter): { text: string; cite: boolean } | undefined {
  const [first, second, ...rest] = fields;
  if (rest.length) return undefined;
  if (first === undefined) return { text: formatValue(f.value, f.unit, lang), cite: true };
  if (second !== undefined && first !== 'extra') return undefined;
  switch (first) {
    case 'abs':
      return { text: formatValue(Math.abs(f.value), f.unit, lang), cite: true };
    case 'asOf':
      return { text: w.date(f.asOf), cite: false };
    case 'from':
      return f.period ? { text: w.date(f.period.from), cite: false } : undefined;
    case 'to':
      return f.period ? { text: w.date(f.period.to), cite: false } : undefined;
    case 'extra': {
      const v = second !== undefined ? f.extra?.[second] : undefined;
      return typeof v === 'string' && ISO.test(v) ? { text: w.date(v), cite: false } : undefined;
    }
    default:
      return undefined;
  }
}
