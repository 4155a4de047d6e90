// Deep research reports as background jobs on a durable queue (pg-boss, on PostgreSQL or the embedded PGlite; see
// queue.ts). A job is a row (queued → running → done | failed) plus a queue entry inserted in the same
// transaction, so a job is never lost and never queued without its row. Any server's worker takes it
// (FINCITE_REPORT_CONCURRENCY at a time per process; reports are CPU-bound), a failed build is retried with backoff,
// and a job whose worker died is taken back after the visibility timeout and run by another. Exactly-once
// completion: every execution claims the row with a fresh token and is recorded in report_runs; only the
// execution still holding the claim may store the result (the UPDATE checks the token), so a worker that lost its
// claim has its late result discarded and logged. Progress is written to the row for any client to poll.
import { randomUUID } from 'node:crypto';
import type { JobWithMetadata, PgBoss } from 'pg-boss';
import { loadConfig, type QueueSettings } from '../config.ts';
import { FinciteError, userMessage } from '../core/errors.ts';
import { buildReport, exportReport, resolveReportTopic, topicId, type Report, type ReportStep } from '../report/index.ts';
import type { LlmConfig } from '../engine/llm/config.ts';
import * as state from '../store/app-state.ts';
import type { Database } from '../store/db.ts';
import { logFailure } from './log.ts';
import { DEFAULT_QUEUE_SETTINGS, REPORT_DEAD_QUEUE, REPORT_QUEUE, startBoss, SYNC_QUEUE, transactionDb, WORKER_ID } from './queue.ts';

/** The fixed stages of a job, so a client can draw a progress bar: done/total counts stages. */
export const STAGES = ['queued', 'resolve', 'compute', 'prose', 'verify', 'render', 'done'] as const;
export type Stage = (typeof STAGES)[number];

const STAGE_TEXT: Record<Stage, { zh: string; en: string }> = {
  queued: { zh: '排队中', en: 'Queued' },
  resolve: { zh: '识别主题、读取数据', en: 'Resolving the topic and gathering data' },
  compute: { zh: '计算并撰写章节', en: 'Computing and writing the sections' },
  prose: { zh: '模型润色文字（每个数字仍须核实）', en: 'The model rewords the prose (every number still verified)' },
  verify: { zh: '核实每个数字', en: 'Verifying every number' },
  render: { zh: '排版导出', en: 'Rendering' },
  done: { zh: '完成', en: 'Done' },
};

/** One stage of a job as it ran: when it started and, once the next one began, when it ended (ISO times). */
export interface StageTiming {
  stage: Stage;
  startedAt: string;
  endedAt?: string;
}

/**
 * The progress row of a job: the current stage (done/total counts stages) and, since the job started running,
 * its start time, the stages it will pass through (`plan`: prose only with a model) and each stage's timing.
 */
export interface JobProgress extends state.ReportProgress {
  startedAt?: string;
  plan?: Stage[];
  stages?: StageTiming[];
}

/** How long a job is expected to take, from the durations of recent reports (same topic first) or a default. */
export interface JobEstimate {
  totalMs: number;
  remainingMs: number;
  basis: 'topic' | 'recent' | 'default';
  /** How many finished reports the estimate rests on. */
  samples: number;
}

/** The estimate when no report has finished yet: the slow end of the measured 1–4 s. */
export const DEFAULT_REPORT_MS = 4000;

export function progressOf(stage: Stage, lang: 'zh' | 'en', detail?: string): state.ReportProgress {
  const base = STAGE_TEXT[stage][lang];
  return { stage, message: detail ? `${base}：${detail}` : base, done: STAGES.indexOf(stage), total: STAGES.length - 1 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Finished reports remembered for estimates. */
const RECENT = 50;
/** Same-topic durations an estimate uses (the newest). */
const SAME_TOPIC = 5;

/** A macrotask turn: lets the server answer requests (progress polls) between a report's database reads. */
const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The database as a report build sees it: each query first yields a macrotask turn. PGlite answers in the same
 * thread, so without this a build's chain of queries runs as one long stretch of microtasks and the server answers
 * no request (not even the progress poll) until the whole queue of reports is done.
 */
function politeDatabase(db: Database): Database {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return async (text: string, params?: unknown[]) => {
          await yieldToServer();
          return target.query(text, params);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A test-only pause (ms) right after a job is claimed, so a test can kill a server while it runs a job. Read only here. */
const testDelayMs = (): number => Math.max(0, Number(process.env.FINCITE_REPORT_TEST_DELAY_MS ?? 0) || 0);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a report job's queue entry carries: the row is the job, this only points at it. */
interface ReportJobData {
  reportId: string;
}

/** A sync job's data: the schedule sends none (every series); a job sent by hand may name series, like `fincite sync --series`. */
interface SyncJobData {
  seriesIds?: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job whose queue entry ended (retries used up, e.g. its workers kept dying) without the report being finished. */
const INTERRUPTED = new FinciteError('report_interrupted', {
  zh: '报告未能完成（多次尝试后仍中断），请重新生成。',
  en: 'The report could not be finished (interrupted after several attempts); please generate it again.',
});
const RETRYING = { zh: '上次执行出错，稍后自动重试', en: 'the last attempt failed; it will be retried shortly' };

export interface ReportJobsOptions {
  today?: string;
  llm?: LlmConfig | null;
  /** Queue settings (concurrency, visibility timeout, retries, sync schedule); default DEFAULT_QUEUE_SETTINGS. */
  queue?: QueueSettings;
}

export class ReportJobs {
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private workerId: string | null = null;
  private stopped = false;
  /** The topic key (topicId of the resolved topic) of each job seen by this process. */
  private readonly keys = new Map<string, string>();
  /** Durations of recently finished reports, newest first; read again after a job finishes. */
  private recent: Array<{ key: string; ms: number }> | null = null;
  /** Topic text → topic key, for the rows of earlier reports. */
  private readonly topicKeys = new Map<string, string>();
  /** Jobs this process queued (created or resumed): idle() waits until they are finished, by whichever server. */
  private readonly mine = new Set<string>();
  /** Executions running in this process. */
  private readonly running = new Set<Promise<void>>();
  private readonly settings: QueueSettings;

  constructor(
    private readonly db: Database,
    private readonly opts: ReportJobsOptions = {},
  ) {
    this.settings = opts.queue ?? DEFAULT_QUEUE_SETTINGS;
  }

  /** Start the queue and this process's workers now (a server does at start; otherwise the first job does). */
  async start(): Promise<void> {
    if (!this.stopped) await this.queue();
  }

  private queue(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = await startBoss(this.db, this.settings);
      try {
        this.workerId = await boss.work<ReportJobData>(
          REPORT_QUEUE,
          { localConcurrency: this.settings.concurrency, batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 2 },
          async ([job]) => {
            if (!job) return;
            const run = this.run(job as JobWithMetadata<ReportJobData>); // includeMetadata: retryCount and retryLimit
            this.running.add(run);
            try {
              await run; // a throw fails this attempt: pg-boss retries it after the backoff
            } finally {
              this.running.delete(run);
              this.wake(); // fetch the next job now rather than after the polling interval
            }
          },
        );
        // a job whose last attempt expired (its worker died or overran) lands here: its report fails with a clear message
        await boss.work<ReportJobData>(REPORT_DEAD_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => {
          if (job) await this.abandon(job.data.reportId);
        });
        if (this.settings.syncCron) {
          // one job per tick however many servers run (pg-boss's schedule); whichever worker fetches it syncs
          await boss.schedule(SYNC_QUEUE, this.settings.syncCron, null, { tz: 'UTC' });
          await boss.work<SyncJobData>(SYNC_QUEUE, { pollingIntervalSeconds: 5 }, async ([job]) => this.sync(job?.data ?? null));
        } else await boss.unschedule(SYNC_QUEUE);
      } catch (err) {
        await boss.stop({ graceful: false }).catch(() => undefined);
        throw err;
      }
      this.boss = boss;
      return boss;
    })();
    this.starting.catch(() => (this.starting = null));
    return this.starting;
  }

  private wake(): void {
    if (this.boss && this.workerId && !this.stopped) this.boss.notifyWorker(this.workerId);
  }

  /**
   * Put unfinished jobs back on the queue when their queue entry is missing (rows from before the queue existed, or
   * created while a server was stopping); fail those whose entry ended without finishing them. Safe on every server
   * at once: an entry has the report's id, so a second insert of it is a no-op.
   */
  async resume(): Promise<number> {
    if (this.stopped) return 0;
    const jobs = await state.unfinishedReportJobs(this.db);
    if (!jobs.length) return 0;
    const boss = await this.queue();
    let queued = 0;
    for (const j of jobs) {
      const [entry] = await boss.findJobs<ReportJobData>(REPORT_QUEUE, { data: { reportId: j.id } });
      if (!entry) {
        await boss.send(REPORT_QUEUE, { reportId: j.id }, UUID.test(j.id) ? { id: j.id } : {});
      } else if (entry.state !== 'created' && entry.state !== 'retry' && entry.state !== 'active') {
        await this.abandon(j.id);
        continue;
      }
      this.mine.add(j.id);
      queued++;
    }
    this.wake();
    return queued;
  }

  /** Fail a job whose queue entry ended without completing it; an execution still running then has its result discarded. */
  private async abandon(id: string): Promise<void> {
    const [row] = await this.db.query<{ lang: string; progress: unknown }>(`SELECT lang, progress FROM reports WHERE id = $1 AND status IN ('queued', 'running')`, [id]);
    if (!row) return;
    const lang = row.lang === 'en' ? 'en' : 'zh';
    const progress = (typeof row.progress === 'string' ? JSON.parse(row.progress) : row.progress) as state.ReportProgress;
    if (await state.failReportJob(this.db, id, null, { code: INTERRUPTED.code, message: userMessage(INTERRUPTED, lang) }, progress)) {
      console.error(`[fincite] ${new Date().toISOString()} report job ${id}: no attempt completed (retries used up); marked failed`);
    }
  }

  /** Check the topic (a clear 4xx now rather than a failed job later), then store the row and its queue entry in one transaction. */
  async create(userId: string, topic: string, lang: 'zh' | 'en'): Promise<state.ReportJob> {
    const resolved = await resolveReportTopic(this.db, topic);
    // A stopping server stores the row only; the next server start (resume) queues it.
    const boss = this.stopped ? null : await this.queue();
    const job = await this.db.transaction(async (tx) => {
      const row = await state.createReportJob(tx, userId, topic.trim(), lang, progressOf('queued', lang));
      if (boss) await boss.send(REPORT_QUEUE, { reportId: row.id }, { id: row.id, db: transactionDb(tx) });
      return row;
    });
    this.keys.set(job.id, topicId(resolved));
    if (boss) {
      this.mine.add(job.id);
      this.wake();
    }
    return job;
  }

  /** Resolves when the jobs this process queued are finished (by any server) and nothing runs here (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running.size) {
        await Promise.allSettled([...this.running]);
        continue;
      }
      if (!this.boss || this.stopped || !this.mine.size) return;
      const open = new Set(await state.unfinishedReportIds(this.db, [...this.mine]));
      for (const id of this.mine) if (!open.has(id)) this.mine.delete(id);
      if (!this.mine.size) return;
      await sleep(50);
    }
  }

  /**
   * Stop taking jobs and wait (up to 20 s) for the running ones; a job still running then stays claimed on the
   * queue and another server takes it after the visibility timeout.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, timeout: 20_000 });
    await Promise.allSettled([...this.running]);
  }

  /** The stages a job of this process passes through. */
  plan(): Stage[] {
    return STAGES.filter((s) => s !== 'queued' && s !== 'done' && (s !== 'prose' || Boolean(this.opts.llm)));
  }

  /**
   * How long an unfinished job should take and how much of that is left: the median duration of the last few
   * reports of the same topic, else of recent reports of any topic, else DEFAULT_REPORT_MS; a queued job also
   * waits for the jobs queued before it and one running. Null for a finished or failed job.
   */
  async estimate(job: state.ReportJob, now = Date.now()): Promise<JobEstimate | null> {
    if (job.status !== 'queued' && job.status !== 'running') return null;
    const recent = await this.loadRecent();
    const key = this.keys.get(job.id) ?? (await this.keyOf(job.topic));
    const same = recent.filter((r) => r.key === key).slice(0, SAME_TOPIC);
    const any = recent.slice(0, 10);
    const [basis, samples] = same.length ? (['topic', same] as const) : any.length ? (['recent', any] as const) : (['default', []] as const);
    const totalMs = samples.length ? Math.round(median(samples.map((r) => r.ms))) : DEFAULT_REPORT_MS;
    const typical = any.length ? median(any.map((r) => r.ms)) : DEFAULT_REPORT_MS;
    let remainingMs: number;
    if (job.status === 'running') {
      const started = Date.parse((job.progress as JobProgress).startedAt ?? job.startedAt ?? '') || now;
      remainingMs = Math.max(0, totalMs - (now - started));
    } else {
      const { queuedAhead, running } = await state.reportQueuePosition(this.db, job.id, job.createdAt);
      const ahead = queuedAhead + (running > 0 ? 1 : 0);
      remainingMs = totalMs + Math.round(ahead * typical);
    }
    return { totalMs, remainingMs, basis, samples: samples.length };
  }

  private async keyOf(topic: string): Promise<string> {
    const known = this.topicKeys.get(topic);
    if (known) return known;
    let key: string;
    try {
      key = topicId(await resolveReportTopic(this.db, topic));
    } catch {
      key = `text:${topic.trim().toLowerCase()}`;
    }
    this.topicKeys.set(topic, key);
    return key;
  }

  /** The durations of the latest finished reports as their rows record them (started_at to finished_at). */
  private async loadRecent(): Promise<Array<{ key: string; ms: number }>> {
    if (this.recent) return this.recent;
    const rows = await this.db.query<{ topic: string; started_at: Date | string; finished_at: Date | string }>(
      `SELECT topic, started_at, finished_at FROM reports WHERE status = 'done' AND started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT ${RECENT}`,
    );
    const out: Array<{ key: string; ms: number }> = [];
    for (const r of rows) {
      const ms = new Date(r.finished_at).getTime() - new Date(r.started_at).getTime();
      if (ms >= 0) out.push({ key: await this.keyOf(r.topic), ms });
    }
    this.recent = out;
    return out;
  }

  /**
   * The scheduled data sync: the same sync as `fincite sync` (live sources when reachable, else the snapshot;
   * recorded in sync_runs), under the same database lock. The schedule sends no data: every series.
   */
  private async sync(data: SyncJobData | null): Promise<void> {
    const { syncFromConfig } = await import('../data/bootstrap.ts');
    const r = await syncFromConfig(this.db, loadConfig(), data?.seriesIds?.length ? { seriesIds: data.seriesIds } : {});
    console.log(
      `[fincite] ${new Date().toISOString()} scheduled sync #${r.runId} (${r.mode}) by ${WORKER_ID}: ${r.status}, ${r.seriesDone}/${r.seriesTotal} series, ${r.rowsAdded} rows added, ${r.rowsRevised} revised, ${r.failures.length} failures`,
    );
    this.recent = null;
    if (r.status === 'failed') throw new Error(`scheduled sync #${r.runId} failed`);
  }

  /** One execution of a job: claim the row, build, and store the result only if the claim still holds. */
  private async run(job: JobWithMetadata<ReportJobData>): Promise<void> {
    const id = job.data.reportId;
    const [row] = await this.db.query<{ lang: string }>('SELECT lang FROM reports WHERE id = $1', [id]);
    if (!row) return; // deleted while queued
    const lang = row.lang === 'en' ? 'en' : 'zh';
    const claim = randomUUID();
    const startedAt = new Date().toISOString();
    const stages: StageTiming[] = [];
    const plan = this.plan();
    /** The progress of `stage` with the timeline: a new stage ends the previous one. */
    const at = (stage: Stage, detail?: string): JobProgress => {
      const now = new Date().toISOString();
      const last = stages[stages.length - 1];
      if (last?.stage !== stage) {
        if (last) last.endedAt = now;
        if (stage !== 'done') stages.push({ stage, startedAt: now });
      }
      return { ...progressOf(stage, lang, detail), startedAt, plan, stages: stages.map((s) => ({ ...s })) };
    };
    let last: JobProgress = at('resolve');
    const claimed = await state.claimReportJob(this.db, id, claim, WORKER_ID, last);
    if (!claimed) return; // already finished (a late re-delivery) or deleted: nothing to run
    // progress rows are written in order, one at a time; the build does not wait for them
    let writes = Promise.resolve();
    const progress = (p: JobProgress) => {
      last = p;
      writes = writes.then(() => state.updateReportProgress(this.db, id, claim, p)).catch(() => undefined);
    };
    try {
      const delay = testDelayMs();
      if (delay) await sleep(delay);
      const onProgress = (step: ReportStep) => progress(step.stage === 'section' ? at('compute', `${step.index + 1}. ${step.heading[lang]}`) : at(step.stage));
      const report: Report = await buildReport(politeDatabase(this.db), claimed.topic, { lang, onProgress, llm: this.opts.llm ?? null, ...(this.opts.today ? { today: this.opts.today } : {}) });
      progress(at('render'));
      await yieldToServer();
      const [markdown, html] = await Promise.all([exportReport(report, 'md'), exportReport(report, 'html')]);
      await writes;
      const held = await state.finishReportJob(this.db, id, claim, { title: report.title, report, markdown: String(markdown), html: String(html), progress: at('done') });
      if (held) this.recent = null; // the next estimate includes this report
      else console.error(`[fincite] ${new Date().toISOString()} report job ${id}: attempt ${claimed.attempt} on ${WORKER_ID} finished after losing its claim; its result was discarded`);
    } catch (err) {
      await writes;
      const open = stages[stages.length - 1];
      if (open && !open.endedAt) open.endedAt = new Date().toISOString();
      if (err instanceof FinciteError || job.retryCount >= job.retryLimit) {
        // a user-facing error (the same on every attempt) or the last attempt: the job fails for good
        if (!(err instanceof FinciteError)) logFailure(`report job ${id}`, err);
        const error = { code: err instanceof FinciteError ? err.code : 'internal', message: userMessage(err, lang) };
        const failed: JobProgress = { ...last, stages };
        await state.failReportJob(this.db, id, claim, error, failed).catch((e: unknown) => logFailure(`report job ${id}`, e));
        return;
      }
      logFailure(`report job ${id} (attempt ${claimed.attempt}, to be retried)`, err);
      const retry: JobProgress = { ...progressOf('queued', lang, RETRYING[lang]), startedAt, plan, stages };
      await state.releaseReportJob(this.db, id, claim, retry).catch((e: unknown) => logFailure(`report job ${id}`, e));
      throw err;
    } finally {
      this.keys.delete(id);
    }
  }
}
