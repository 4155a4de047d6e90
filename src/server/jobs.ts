// Deep research reports as background jobs: a job is a row (queued → running → done | failed) that survives a
// restart — jobs left queued or running are picked up again when the server starts. Reports are CPU-bound, so
// jobs run one at a time in this process; progress is written to the row for any client to poll.
import { FinciteError, userMessage } from '../core/errors.ts';
import { buildReport, exportReport, resolveReportTopic, topicId, type Report, type ReportStep } from '../report/index.ts';
import type { LlmConfig } from '../engine/llm/config.ts';
import * as state from '../store/app-state.ts';
import type { Database } from '../store/db.ts';
import { logFailure } from './log.ts';

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

export class ReportJobs {
  private readonly queue: string[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  /** The topic key (topicId of the resolved topic) of each job seen by this process. */
  private readonly keys = new Map<string, string>();
  /** Durations of recently finished reports, newest first; read again after a job finishes. */
  private recent: Array<{ key: string; ms: number }> | null = null;
  /** Topic text → topic key, for the rows of earlier reports. */
  private readonly topicKeys = new Map<string, string>();
  private current: string | null = null;

  constructor(
    private readonly db: Database,
    private readonly opts: { today?: string; llm?: LlmConfig | null } = {},
  ) {}

  /** Re-queue the jobs a previous process left unfinished. */
  async resume(): Promise<number> {
    const jobs = await state.unfinishedReportJobs(this.db);
    for (const j of jobs) this.queue.push(j.id);
    this.kick();
    return jobs.length;
  }

  /** Check the topic (a clear 4xx now rather than a failed job later), store the job and queue it. */
  async create(userId: string, topic: string, lang: 'zh' | 'en'): Promise<state.ReportJob> {
    const resolved = await resolveReportTopic(this.db, topic);
    const job = await state.createReportJob(this.db, userId, topic.trim(), lang, progressOf('queued', lang));
    this.keys.set(job.id, topicId(resolved));
    this.queue.push(job.id);
    this.kick();
    return job;
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await this.idle();
  }

  /** The stages a job of this process passes through. */
  plan(): Stage[] {
    return STAGES.filter((s) => s !== 'queued' && s !== 'done' && (s !== 'prose' || Boolean(this.opts.llm)));
  }

  /**
   * How long an unfinished job should take and how much of that is left: the median duration of the last few
   * reports of the same topic, else of recent reports of any topic, else DEFAULT_REPORT_MS; a queued job also
   * waits for the jobs ahead of it. Null for a finished or failed job.
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
      // the one running now, then those queued ahead (unknown position: assume it is next)
      const ahead = Math.max(0, this.queue.indexOf(job.id)) + (this.current && this.current !== job.id ? 1 : 0);
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

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = (async () => {
      for (let id = this.queue.shift(); id !== undefined && !this.stopped; id = this.queue.shift()) {
        this.current = id;
        try {
          await this.run(id);
        } finally {
          this.current = null;
        }
      }
    })().finally(() => {
      this.running = null;
      if (this.queue.length && !this.stopped) this.kick();
    });
  }

  private async run(id: string): Promise<void> {
    const [row] = await this.db.query<{ user_id: string }>('SELECT user_id FROM reports WHERE id = $1', [id]);
    if (!row) return; // deleted while queued
    const job = await state.getReportJob(this.db, row.user_id, id);
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const lang = job.lang;
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
    // progress rows are written in order, one at a time; the build does not wait for them
    let writes = Promise.resolve();
    const progress = (p: JobProgress) => {
      last = p;
      writes = writes.then(() => state.updateReportProgress(this.db, id, p)).catch(() => undefined);
    };
    try {
      await state.markReportRunning(this.db, id, last);
      const onProgress = (step: ReportStep) => progress(step.stage === 'section' ? at('compute', `${step.index + 1}. ${step.heading[lang]}`) : at(step.stage));
      const report: Report = await buildReport(politeDatabase(this.db), job.topic, { lang, onProgress, llm: this.opts.llm ?? null, ...(this.opts.today ? { today: this.opts.today } : {}) });
      progress(at('render'));
      await yieldToServer();
      const [markdown, html] = await Promise.all([exportReport(report, 'md'), exportReport(report, 'html')]);
      await writes;
      await state.finishReportJob(this.db, id, { title: report.title, report, markdown: String(markdown), html: String(html), progress: at('done') });
      this.recent = null; // the next estimate includes this report
    } catch (err) {
      await writes;
      const error = { code: err instanceof FinciteError ? err.code : 'internal', message: userMessage(err, lang) };
      if (!(err instanceof FinciteError)) logFailure(`report job ${id}`, err);
      const open = stages[stages.length - 1];
      if (open && !open.endedAt) open.endedAt = new Date().toISOString();
      const failed: JobProgress = { ...last, stages };
      await state.failReportJob(this.db, id, error, failed).catch(() => undefined);
    } finally {
      this.keys.delete(id);
    }
  }
}
