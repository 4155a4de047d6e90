// The one check every text a person or program gives fincite goes through (a question, a display name, a report
// topic …), whatever the interface — HTTP API, /v1, MCP, CLI, the engine itself: no NUL, no lone UTF-16
// surrogate, no other C0/C1 control character (tab and newline allowed where text may span lines), and a length
// limit named in the error. Such text would be refused by the database (NUL), mangled on the way (lone
// surrogates) or hide what it says (controls), so it is refused up front with a clear message, before anything
// is written.
import { FinciteError } from './errors.ts';
import type { Bilingual } from './types.ts';

/** Limits (characters, i.e. UTF-16 code units as JavaScript counts them) of the texts fincite takes. */
export const TEXT_LIMITS = {
  question: 500,
  displayName: 100,
  reportTopic: 200,
  email: 254,
} as const;

export const TEXT_FIELDS = {
  question: { zh: '问题', en: 'question' },
  displayName: { zh: '显示名称', en: 'display name' },
  reportTopic: { zh: '报告主题', en: 'report topic' },
  email: { zh: '电子邮箱', en: 'email address' },
} as const satisfies Record<keyof typeof TEXT_LIMITS, Bilingual>;

export type TextField = keyof typeof TEXT_LIMITS;

/** The text contains a character it may not (NUL, a lone surrogate, a control character). */
export class InvalidTextError extends FinciteError {
  readonly field: TextField;
  readonly position: number;
  constructor(field: TextField, what: Bilingual, codePoint: string, position: number) {
    const name = TEXT_FIELDS[field];
    super(
      'invalid_text',
      {
        zh: `${name.zh}包含不允许的字符：第 ${position + 1} 个字符是${what.zh}（${codePoint}）。请删除后重试。`,
        en: `The ${name.en} contains a character that is not allowed: character ${position + 1} is ${what.en} (${codePoint}). Remove it and try again.`,
      },
      400,
    );
    this.field = field;
    this.position = position;
  }
}

/** The text is longer than its limit (HTTP 413). */
export class TextTooLongError extends FinciteError {
  readonly field: TextField;
  readonly limit: number;
  constructor(field: TextField, length: number, limit: number) {
    const name = TEXT_FIELDS[field];
    super(
      'input_too_large',
      {
        zh: `${name.zh}过长：${length} 个字符，上限为 ${limit} 个字符。`,
        en: `The ${name.en} is too long: ${length} characters; the limit is ${limit}.`,
      },
      413,
    );
    this.field = field;
    this.limit = limit;
  }
}

/** The text is empty (or only spaces). */
export class EmptyTextError extends FinciteError {
  readonly field: TextField;
  constructor(field: TextField) {
    const name = TEXT_FIELDS[field];
    super('empty_text', { zh: `${name.zh}不能为空。`, en: `The ${name.en} is empty.` }, 400);
    this.field = field;
  }
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` that is not allowed, with what it is; null when there is none. */
export function findBadCharacter(text: string, multiline: boolean): { position: number; codePoint: string; what: Bilingual } | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { position: i, codePoint: hex(c), what: { zh: '不成对的代理字符', en: 'a lone surrogate' } };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { position: i, codePoint: hex(c), what: { zh: '不成对的代理字符', en: 'a lone surrogate' } };
    if (c === 0) return { position: i, codePoint: hex(c), what: { zh: '空字符（NUL）', en: 'a NUL character' } };
    if (c === 0x09) continue;
    if ((c === 0x0a || c === 0x0d) && multiline) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return { position: i, codePoint: hex(c), what: { zh: '控制字符', en: 'a control character' } };
  }
  return null;
}

export interface CheckTextOptions {
  /** Newlines allowed (a question may span lines; a name may not). Default: true for questions and topics. */
  multiline?: boolean;
  /** Another limit than TEXT_LIMITS[field]. */
  max?: number;
  /** Whether empty text is refused (default true). */
  required?: boolean;
}

/**
 * The text, trimmed, when it may be used; otherwise a typed error (400 for a bad character or empty text, 413
 * for text over the limit) whose message names the field, the character and its position, or the limit.
 */
export function checkText(text: unknown, field: TextField, opts: CheckTextOptions = {}): string {
  if (typeof text !== 'string') throw new EmptyTextError(field);
  const bad = findBadCharacter(text, opts.multiline ?? (field === 'question' || field === 'reportTopic'));
  if (bad) throw new InvalidTextError(field, bad.what, bad.codePoint, bad.position);
  const trimmed = text.trim();
  const limit = opts.max ?? TEXT_LIMITS[field];
  if (trimmed.length > limit) throw new TextTooLongError(field, trimmed.length, limit);
  if (!trimmed && (opts.required ?? true)) throw new EmptyTextError(field);
  return trimmed;
}
