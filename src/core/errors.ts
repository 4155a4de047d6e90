// Typed errors that carry a user-facing message in both languages. Interfaces turn them into a clear
// message and an exit code / HTTP status; a stack trace never reaches a user.
import type { Bilingual } from './types.ts';

export class FinciteError extends Error {
  readonly messages: Bilingual;
  readonly status: number;
  readonly code: string;
  constructor(code: string, messages: Bilingual, status = 400) {
    super(messages.en);
    this.name = new.target.name;
    this.code = code;
    this.messages = messages;
    this.status = status;
  }
}

export class UnknownSeriesError extends FinciteError {
  readonly suggestions: string[];
  constructor(id: string, suggestions: string[] = []) {
    const hintEn = suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
    const hintZh = suggestions.length ? ` 您是否要找:${suggestions.join('、')}?` : '';
    super('unknown_series', { en: `Unknown series or ticker "${id}".${hintEn}`, zh: `未找到序列或股票代码"${id}"。${hintZh}` }, 404);
    this.suggestions = suggestions;
  }
}

export class InvalidDateError extends FinciteError {
  constructor(text: string) {
    super('invalid_date', { en: `"${text}" is not a valid date; use YYYY-MM-DD.`, zh: `"${text}"不是有效日期,请使用 YYYY-MM-DD 格式。` });
  }
}

export class DateOutOfRangeError extends FinciteError {
  constructor(seriesId: string, from: string, to: string, first: string | null, last: string | null) {
    const span = first && last ? `${first} – ${last}` : 'no data';
    super('date_out_of_range', {
      en: `${seriesId} has no observations between ${from} and ${to} (available: ${span}).`,
      zh: `${seriesId} 在 ${from} 至 ${to} 之间没有数据(可用区间:${first && last ? `${first} 至 ${last}` : '无数据'})。`,
    });
  }
}

export class InputTooLargeError extends FinciteError {
  constructor(what: string, limit: number) {
    super('input_too_large', { en: `${what} is too large (limit ${limit}).`, zh: `${what}过大(上限 ${limit})。` }, 413);
  }
}

export class SourceUnavailableError extends FinciteError {
  constructor(source: string, detail: string) {
    super('source_unavailable', { en: `Source ${source} is unavailable: ${detail}`, zh: `数据源 ${source} 暂不可用:${detail}` }, 502);
  }
}

export class MalformedResponseError extends FinciteError {
  constructor(source: string, detail: string) {
    super('malformed_response', { en: `Source ${source} returned data in an unexpected format: ${detail}`, zh: `数据源 ${source} 返回的数据格式异常:${detail}` }, 502);
  }
}

/** Render any thrown value as a one-line message for a user: typed errors in their language, others generic. */
export function userMessage(err: unknown, lang: 'zh' | 'en'): string {
  if (err instanceof FinciteError) return err.messages[lang];
  return lang === 'zh' ? '内部错误,请稍后重试。' : 'Internal error; please try again.';
}
