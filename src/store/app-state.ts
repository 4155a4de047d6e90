// Application state next to the financial data: users' conversations, report jobs and the signed-out daily
// quota. Every read of a user's row takes the user id, so one user can never reach another's conversation or
// report through these functions (a row of someone else reads as "not found").
import { randomUUID } from 'node:crypto';
import type { Database, Executor } from './db.ts';

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
  messages: number;
}

export interface StoredMessage<A = unknown> {
  id: string;
  question: string;
  answer: A;
  createdAt: string;
}

const iso = (d: unknown): string => (d instanceof Date ? d.toISOString() : new Date(String(d)).toISOString());
const isoOrNull = (d: unknown): string | null => (d === null || d === undefined ? null : iso(d));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export async function listConversations(db: Executor, userId: string, limit = 100): Promise<ConversationSummary[]> {
  const rows = await db.query<{ id: string; title: string; updated_at: Date; messages: string | number }>(
    `SELECT c.id, c.title, c.updated_at, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS messages
       FROM conversations c WHERE c.user_id = $1 ORDER BY c.updated_at DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: iso(r.updated_at), messages: Number(r.messages) }));
}

export async function getConversation<A>(db: Executor, userId: string, id: string): Promise<{ id: string; title: string; messages: StoredMessage<A>[] } | null> {
  const [c] = await db.query<{ id: string; title: string }>('SELECT id, title FROM conversations WHERE id = $1 AND user_id = $2', [id, userId]);
  if (!c) return null;
  const rows = await db.query<{ id: string; question: string; answer: unknown; created_at: Date }>(
    'SELECT id, question, answer, created_at FROM messages WHERE conversation_id = $1 ORDER BY created_at, id',
    [id],
  );
  return { id: c.id, title: c.title, messages: rows.map((r) => ({ id: r.id, question: r.question, answer: json<A>(r.answer), createdAt: iso(r.created_at) })) };
}

/**
 * Append a question and its answer to the user's conversation (a new one when `conversationId` is absent).
 * Returns null when the conversation is not the user's.
 */
export async function appendMessage(db: Executor, userId: string, conversationId: string | undefined, question: string, answer: unknown): Promise<{ conversationId: string; messageId: string } | null> {
  // one transaction: a message that cannot be written leaves no empty conversation behind
  if ('transaction' in db && typeof (db as Database).transaction === 'function') return (db as Database).transaction((tx) => appendIn(tx, userId, conversationId, question, answer));
  return appendIn(db, userId, conversationId, question, answer);
}

async function appendIn(db: Executor, userId: string, conversationId: string | undefined, question: string, answer: unknown): Promise<{ conversationId: string; messageId: string } | null> {
  const now = new Date();
  let id = conversationId;
  if (id) {
    const updated = await db.query('UPDATE conversations SET updated_at = $3 WHERE id = $1 AND user_id = $2 RETURNING id', [id, userId, now]);
    if (updated.length === 0) return null;
  } else {
    id = randomUUID();
    const title = question.length > 60 ? `${question.slice(0, 59)}…` : question;
    await db.query('INSERT INTO conversations (id, user_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)', [id, userId, title, now]);
  }
  const messageId = randomUUID();
  await db.query('INSERT INTO messages (id, conversation_id, question, answer, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)', [messageId, id, question, JSON.stringify(answer), now]);
  return { conversationId: id, messageId };
}

export async function deleteConversation(db: Executor, userId: string, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM conversations WHERE id = $1 AND user_id = $2 RETURNING id', [id, userId])).length > 0;
}

// ---- Report jobs

export type ReportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ReportProgress {
  stage: string;
  message: string;
  done: number;
  total: number;
}

export interface ReportJob {
  id: string;
  userId: string;
  topic: string;
  lang: 'zh' | 'en';
  status: ReportStatus;
  progress: ReportProgress;
  title: string | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const JOB_COLUMNS = 'id, user_id, topic, lang, status, progress, title, error, created_at, started_at, finished_at';

interface JobRow {
  id: string;
  user_id: string;
  topic: string;
  lang: string;
  status: string;
  progress: unknown;
  title: string | null;
  error: unknown;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

function toJob(r: JobRow): ReportJob {
  return {
    id: r.id,
    userId: r.user_id,
    topic: r.topic,
    lang: r.lang === 'en' ? 'en' : 'zh',
    status: r.status as ReportStatus,
    progress: json<ReportProgress>(r.progress),
    title: r.title,
    error: r.error === null || r.error === undefined ? null : json<{ code: string; message: string }>(r.error),
    createdAt: iso(r.created_at),
    startedAt: isoOrNull(r.started_at),
    finishedAt: isoOrNull(r.finished_at),
  };
}

export async function createReportJob(db: Executor, userId: string, topic: string, lang: 'zh' | 'en', progress: ReportProgress): Promise<ReportJob> {
  const [r] = await db.query<JobRow>(
    `INSERT INTO reports (id, user_id, topic, lang, status, progress, created_at) VALUES ($1, $2, $3, $4, 'queued', $5::jsonb, $6) RETURNING ${JOB_COLUMNS}`,
    [randomUUID(), userId, topic, lang, JSON.stringify(progress), new Date()],
  );
  return toJob(r!);
}

export async function getReportJob(db: Executor, userId: string, id: string): Promise<ReportJob | null> {
  const [r] = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM reports WHERE id = $1 AND user_id = $2`, [id, userId]);
  return r ? toJob(r) : null;
}

export async function listReportJobs(db: Executor, userId: string, limit = 100): Promise<ReportJob[]> {
  const rows = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM reports WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`, [userId, limit]);
  return rows.map(toJob);
}

/** Jobs that were queued or running when the process stopped, oldest first: the runner picks them up again. */
export async function unfinishedReportJobs(db: Executor): Promise<ReportJob[]> {
  const rows = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM reports WHERE status IN ('queued', 'running') ORDER BY created_at`);
  return rows.map(toJob);
}

/**
 * Claim a job for one execution: the row becomes `running` under a new claim token (any earlier execution's token
 * stops counting), its attempt count goes up and the execution is recorded in report_runs. Null when there is
 * nothing to run: the row was deleted, or it is already done or failed (a late re-delivery).
 */
export async function claimReportJob(db: Database, id: string, claim: string, worker: string, progress: ReportProgress): Promise<{ userId: string; topic: string; lang: 'zh' | 'en'; attempt: number } | null> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [r] = await tx.query<{ user_id: string; topic: string; lang: string; attempt: number }>(
      `UPDATE reports SET status = 'running', claim = $2, attempt = attempt + 1, started_at = $3, progress = $4::jsonb
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING user_id, topic, lang, attempt`,
      [id, claim, now, JSON.stringify(progress)],
    );
    if (!r) return null;
    await tx.query(`INSERT INTO report_runs (id, report_id, attempt, claim, worker, outcome, started_at) VALUES ($1, $2, $3, $4, $5, 'running', $6)`, [randomUUID(), id, r.attempt, claim, worker, now]);
    return { userId: r.user_id, topic: r.topic, lang: r.lang === 'en' ? 'en' : 'zh', attempt: Number(r.attempt) };
  });
}

/** Write the progress of a running job, only while `claim` still holds it (a stale execution writes nothing). */
export async function updateReportProgress(db: Executor, id: string, claim: string, progress: ReportProgress): Promise<void> {
  await db.query('UPDATE reports SET progress = $3::jsonb WHERE id = $1 AND claim = $2', [id, claim, JSON.stringify(progress)]);
}

/** End an execution's report_runs row; `held` says whether it still held the claim when it ended. */
async function endRun(tx: Executor, claim: string, outcome: 'succeeded' | 'failed' | 'discarded', now: Date): Promise<void> {
  await tx.query('UPDATE report_runs SET outcome = $2, finished_at = $3 WHERE claim = $1', [claim, outcome, now]);
}

/**
 * Complete the job with its outputs — only if `claim` still holds it (the UPDATE checks the token). Returns false
 * when the execution had lost its claim (expired and re-delivered, or already completed by another): its result
 * is discarded and its run recorded as `discarded`.
 */
export async function finishReportJob(db: Database, id: string, claim: string, out: { title: string; report: unknown; markdown: string; html: string; progress: ReportProgress }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const done = await tx.query(
      `UPDATE reports SET status = 'done', claim = NULL, title = $3, report = $4::jsonb, markdown = $5, html = $6, progress = $7::jsonb, finished_at = $8
         WHERE id = $1 AND claim = $2 AND status = 'running' RETURNING id`,
      [id, claim, out.title, JSON.stringify(out.report), out.markdown, out.html, JSON.stringify(out.progress), now],
    );
    await endRun(tx, claim, done.length ? 'succeeded' : 'discarded', now);
    return done.length > 0;
  });
}

/**
 * Fail the job for good (a user-facing error), only if `claim` still holds it; with `claim` null, a job whose
 * queue entry ended without completing it (retries used up while its workers died). Returns whether it was failed.
 */
export async function failReportJob(db: Database, id: string, claim: string | null, error: { code: string; message: string }, progress: ReportProgress): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const failed = await tx.query(
      `UPDATE reports SET status = 'failed', claim = NULL, error = $3::jsonb, progress = $4::jsonb, finished_at = $5
         WHERE id = $1 AND status IN ('queued', 'running') AND ${claim === null ? '$2::text IS NULL' : 'claim = $2'} RETURNING id`,
      [id, claim, JSON.stringify(error), JSON.stringify(progress), now],
    );
    if (claim !== null) await endRun(tx, claim, failed.length ? 'failed' : 'discarded', now);
    return failed.length > 0;
  });
}

/** An execution failed and the job will be retried: back to `queued` (if `claim` still holds it), the run `failed`. */
export async function releaseReportJob(db: Database, id: string, claim: string, progress: ReportProgress): Promise<boolean> {
  return db.transaction(async (tx) => {
    const released = await tx.query(`UPDATE reports SET status = 'queued', claim = NULL, progress = $3::jsonb WHERE id = $1 AND claim = $2 RETURNING id`, [id, claim, JSON.stringify(progress)]);
    await endRun(tx, claim, 'failed', new Date());
    return released.length > 0;
  });
}

/** How many jobs are ahead of a queued one: those queued before it, and whether any is running. */
export async function reportQueuePosition(db: Executor, id: string, createdAt: string): Promise<{ queuedAhead: number; running: number }> {
  const [r] = await db.query<{ ahead: string | number; running: string | number }>(
    `SELECT (SELECT count(*) FROM reports WHERE status = 'queued' AND created_at < $2 AND id <> $1) AS ahead,
            (SELECT count(*) FROM reports WHERE status = 'running' AND id <> $1) AS running`,
    [id, new Date(createdAt)],
  );
  return { queuedAhead: Number(r?.ahead ?? 0), running: Number(r?.running ?? 0) };
}

/** Which of these jobs are still queued or running. */
export async function unfinishedReportIds(db: Executor, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.query<{ id: string }>(`SELECT id FROM reports WHERE id = ANY($1::text[]) AND status IN ('queued', 'running')`, [ids]);
  return rows.map((r) => r.id);
}

export type ReportOutput = 'report' | 'markdown' | 'html';

/** One stored output of a finished report of the user (null when absent, unfinished or not theirs). */
export async function reportOutput(db: Executor, userId: string, id: string, output: ReportOutput): Promise<unknown> {
  const [r] = await db.query<{ out: unknown }>(`SELECT ${output} AS out FROM reports WHERE id = $1 AND user_id = $2 AND status = 'done'`, [id, userId]);
  if (!r || r.out === null || r.out === undefined) return null;
  return output === 'report' ? json(r.out) : r.out;
}

export async function deleteReportJob(db: Executor, userId: string, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM reports WHERE id = $1 AND user_id = $2 RETURNING id', [id, userId])).length > 0;
}

// ---- Signed-out daily quota

/**
 * Count one question against `key` for the UTC day and return the count including it. The upsert is atomic, so
 * concurrent requests cannot both take the last question of the quota.
 */
export async function takeQuota(db: Executor, key: string, day: string): Promise<number> {
  const [r] = await db.query<{ count: number }>(
    `INSERT INTO ask_quota (key, day, count) VALUES ($1, $2, 1)
       ON CONFLICT (key, day) DO UPDATE SET count = ask_quota.count + 1 RETURNING count`,
    [key, day],
  );
  return Number(r!.count);
}

export async function usedQuota(db: Executor, key: string, day: string): Promise<number> {
  const [r] = await db.query<{ count: number }>('SELECT count FROM ask_quota WHERE key = $1 AND day = $2', [key, day]);
  return r ? Number(r.count) : 0;
}
