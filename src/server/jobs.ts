// Deep research reports as background jobs: a job is a row (queued → running → done | failed) that survives a
// restart — jobs left queued or running are picked up again when the server starts. Reports are CPU-bound, so
// jobs run one at a time in this process; progress is written to the row for any client to poll.
import { FinciteError, userMessage } from '../core/errors.ts';
import { buildReport, exportReport, resolveReportTopic, type Report, type ReportStep } from '../report/index.ts';
import type { LlmConfig } from '../engine/llm/config.ts';
import * as state from '../store/app-state.ts';
import type { Database } from '../store/db.ts';

/** The fixed stages of a job, so a client can draw a progress bar: done/total counts stages. */
const STAGES = ['queued', 'resolve', 'compute', 'prose', 'verify', 'render', 'done'] as const;
type Stage = (typeof STAGES)[number];

const STAGE_TEXT: Record<Stage, { zh: string; en: string }> = {
  queued: { zh: '排队中', en: 'Queued' },
  resolve: { zh: '识别主题', en: 'Resolving the topic' },
  compute: { zh: '计算数据', en: 'Computing from the data' },
  prose: { zh: '模型润色文字(每个数字仍须核实)', en: 'The model rewords the prose (every number still verified)' },
  verify: { zh: '核实每个数字', en: 'Verifying every number' },
  render: { zh: '排版导出', en: 'Rendering' },
  done: { zh: '完成', en: 'Done' },
};

export function progressOf(stage: Stage, lang: 'zh' | 'en', detail?: string): state.ReportProgress {
  const base = STAGE_TEXT[stage][lang];
  return { stage, message: detail ? `${base}:${detail}` : base, done: STAGES.indexOf(stage), total: STAGES.length - 1 };
}

export class ReportJobs {
  private readonly queue: string[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;

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
    await resolveReportTopic(this.db, topic);
    const job = await state.createReportJob(this.db, userId, topic.trim(), lang, progressOf('queued', lang));
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

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = (async () => {
      for (let id = this.queue.shift(); id !== undefined && !this.stopped; id = this.queue.shift()) await this.run(id);
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
    let last: state.ReportProgress = progressOf('resolve', lang);
    // progress rows are written in order, one at a time; the build does not wait for them
    let writes = Promise.resolve();
    const progress = (p: state.ReportProgress) => {
      last = p;
      writes = writes.then(() => state.updateReportProgress(this.db, id, p)).catch(() => undefined);
    };
    try {
      await state.markReportRunning(this.db, id, last);
      const onProgress = (step: ReportStep) =>
        progress(step.stage === 'section' ? progressOf('compute', lang, `${step.index + 1}. ${step.heading[lang]}`) : progressOf(step.stage, lang));
      const report: Report = await buildReport(this.db, job.topic, { lang, onProgress, llm: this.opts.llm ?? null, ...(this.opts.today ? { today: this.opts.today } : {}) });
      progress(progressOf('render', lang));
      const [markdown, html] = await Promise.all([exportReport(report, 'md'), exportReport(report, 'html')]);
      await writes;
      await state.finishReportJob(this.db, id, { title: report.title, report, markdown: String(markdown), html: String(html), progress: progressOf('done', lang) });
    } catch (err) {
      await writes;
      const error = { code: err instanceof FinciteError ? err.code : 'internal', message: userMessage(err, lang) };
      if (!(err instanceof FinciteError)) console.error(`report job ${id} failed:`, err);
      await state.failReportJob(this.db, id, error, last).catch(() => undefined);
    }
  }
}
