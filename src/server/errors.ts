// Errors of the HTTP layer (accounts, quotas, ownership), typed like the rest with both languages.
import { FinciteError } from '../core/errors.ts';

export class UnauthorizedError extends FinciteError {
  constructor() {
    super('unauthorized', { zh: '请先登录。登录后即可使用AI智能分析、深度投研报告。', en: 'Please sign in first: deep research reports and history need an account.' }, 401);
  }
}

/** Also what another user's conversation or report looks like: its existence is not revealed. */
export class NotFoundError extends FinciteError {
  constructor(what: { zh: string; en: string }) {
    super('not_found', { zh: `没有找到这个${what.zh}。`, en: `No such ${what.en}.` }, 404);
  }
}

/** Seconds from `now` until the next UTC midnight, when the signed-out quota (counted per UTC day) starts again. */
export function secondsUntilUtcMidnight(now = new Date()): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

/** A 429: `retryAfter` (seconds) becomes the Retry-After header of the response (app.ts onError). */
export class TooManyRequestsError extends FinciteError {
  constructor(
    code: string,
    messages: { zh: string; en: string },
    readonly retryAfter: number,
  ) {
    super(code, messages, 429);
  }
}

export class QuotaExceededError extends TooManyRequestsError {
  constructor(limit: number, now = new Date()) {
    super(
      'quota_exceeded',
      {
        zh: `未登录用户每天可提问 ${limit} 次，今天的次数已用完（每天 UTC 0 点，即北京时间 8 点重置）。登录后可继续提问，并使用深度投研报告。`,
        en: `Signed-out visitors can ask ${limit} questions a day and today's are used up (they reset at 00:00 UTC). Sign in to keep asking and to generate deep research reports.`,
      },
      secondsUntilUtcMidnight(now),
    );
  }
}

export class RateLimitedError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', { zh: `提问过于频繁，请 ${retryAfterSeconds} 秒后再试。`, en: `Too many questions; try again in ${retryAfterSeconds} s.` }, retryAfterSeconds);
  }
}

export class CrossSiteRequestError extends FinciteError {
  constructor() {
    super('cross_site_request', { zh: '拒绝了来自其他网站的请求(CSRF 防护)。', en: 'Request from another site refused (CSRF protection).' }, 403);
  }
}

export class ReportNotReadyError extends FinciteError {
  constructor(status: string) {
    super('report_not_ready', { zh: `报告尚未完成(状态:${status})。`, en: `The report is not finished (status: ${status}).` }, 409);
  }
}
