// Deep research reports for signed-in users: create a job, poll its progress, fetch the finished report as
// HTML, PDF, Markdown or JSON, list and delete one's own. Another user's report reads as 404.
import { chinesePunctuation } from '../../core/format.ts';
import { checkText, TEXT_LIMITS } from '../../core/text-input.ts';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { exportReport, TOPICS, type Report } from '../../report/index.ts';
import * as state from '../../store/app-state.ts';
import type { Database } from '../../store/db.ts';
import { langOf, requireUser, type AppEnv } from '../context.ts';
import { NotFoundError, ReportNotReadyError } from '../errors.ts';
import type { JobEstimate, JobProgress, ReportJobs } from '../jobs.ts';
import { errors, IdParam, Ok } from '../schemas.ts';

const Job = z
  .object({
    id: z.string(),
    topic: z.string(),
    lang: z.enum(['zh', 'en']),
    title: z.string().nullable(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({
      stage: z.string(),
      message: z.string(),
      done: z.number(),
      total: z.number(),
      startedAt: z.string().optional().openapi({ description: 'When the job started running' }),
      plan: z.array(z.string()).optional().openapi({ description: 'The stages this job passes through, in order' }),
      stages: z
        .array(z.object({ stage: z.string(), startedAt: z.string(), endedAt: z.string().optional() }))
        .optional()
        .openapi({ description: 'Each stage as it ran (a finished report keeps them: its timings)' }),
    }),
    estimate: z
      .object({ totalMs: z.number(), remainingMs: z.number(), basis: z.enum(['topic', 'recent', 'default']), samples: z.number() })
      .nullable()
      .openapi({ description: 'Queued or running: the expected duration (median of recent reports of the same topic, else of any topic, else a default) and the time left' }),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ReportJob');

const FORMATS = {
  html: { type: 'text/html; charset=utf-8', ext: 'html' },
  md: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  pdf: { type: 'application/pdf', ext: 'pdf' },
} as const;

const REPORT = { zh: '报告', en: 'report' };

const topicsRoute = createRoute({
  method: 'get',
  path: '/api/reports/topics',
  summary: 'The report topics (any company in the database is a topic too, by name or ticker)',
  responses: { 200: { description: 'Topics', content: { 'application/json': { schema: z.array(z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }), example: z.string(), examples: z.object({ zh: z.string(), en: z.string() }) })) } } } },
});
const createJobRoute = createRoute({
  method: 'post',
  path: '/api/reports',
  summary: 'Start a deep research report (signed in); poll GET /api/reports/{id} for progress',
  request: { body: { content: { 'application/json': { schema: z.object({ topic: z.string().openapi({ maxLength: TEXT_LIMITS.reportTopic }), lang: z.enum(['zh', 'en']).optional() }).openapi('ReportRequest') } }, required: true } },
  responses: { 202: { description: 'Queued', content: { 'application/json': { schema: Job } } }, ...errors([400, 401, 404, 429]) },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/reports',
  summary: "The signed-in user's reports, newest first",
  responses: { 200: { description: 'Reports', content: { 'application/json': { schema: z.array(Job) } } }, ...errors([401]) },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/reports/{id}',
  summary: 'A report job: status and progress',
  request: { params: IdParam },
  responses: { 200: { description: 'The job', content: { 'application/json': { schema: Job } } }, ...errors([400, 401, 404]) },
});
const fileRoute = createRoute({
  method: 'get',
  path: '/api/reports/{id}/{format}',
  summary: 'A finished report as html, pdf, md or json (?download=1 for an attachment)',
  request: { params: IdParam.extend({ format: z.enum(['html', 'pdf', 'md', 'json']) }), query: z.object({ download: z.enum(['0', '1']).optional() }) },
  responses: { 200: { description: 'The report', content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() }, 'text/markdown': { schema: z.string() }, 'application/json': { schema: z.any() } } }, ...errors([400, 401, 404, 409]) },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/reports/{id}',
  summary: 'Delete one of the user’s reports',
  request: { params: IdParam },
  responses: { 200: { description: 'Deleted', content: { 'application/json': { schema: Ok } } }, ...errors([400, 401, 404]) },
});

const publicJob = (j: state.ReportJob, estimate: JobEstimate | null = null) => ({
  id: j.id,
  topic: j.topic,
  lang: j.lang,
  title: j.title,
  status: j.status,
  progress: j.progress as JobProgress,
  estimate,
  error: j.error,
  createdAt: j.createdAt,
  finishedAt: j.finishedAt,
});

/** A few recent PDFs, so a second download does not start Chromium again. */
class PdfCache {
  private readonly map = new Map<string, Buffer>();
  constructor(private readonly max = 8) {}
  get(id: string): Buffer | undefined {
    return this.map.get(id);
  }
  set(id: string, pdf: Buffer): void {
    this.map.set(id, pdf);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  delete(id: string): void {
    this.map.delete(id);
  }
}

export function registerReports(app: OpenAPIHono<AppEnv>, deps: { db: Database; jobs: ReportJobs }): void {
  const { db, jobs } = deps;
  const pdfs = new PdfCache();

  app.openapi(topicsRoute, (c) =>
    c.json(
      // the graph keeps names with ASCII brackets; Chinese shows them full-width like every other Chinese text
      TOPICS.map((t) => {
        const zh = t.id === 'company' ? 'NVDA' : t.id === 'companies' ? 'AAPL MSFT' : (t.aliases.find((a) => /[\u4e00-\u9fff]/.test(a)) ?? t.aliases[0] ?? t.id);
        const en = t.id === 'company' ? 'NVDA' : t.id === 'companies' ? 'AAPL MSFT' : (t.aliases.find((a) => /^[A-Za-z][A-Za-z0-9 &'’-]+$/.test(a) && /[a-z]/.test(a)) ?? t.aliases.find((a) => !/[\u4e00-\u9fff]/.test(a)) ?? t.id);
        // `example` in the caller's language (as before); `examples` in both, for a page that switches language
        return { id: t.id, name: { zh: chinesePunctuation(t.name.zh), en: t.name.en }, example: langOf(c) === 'en' ? en : zh, examples: { zh, en } };
      }),
      200,
    ),
  );

  app.openapi(createJobRoute, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json');
    const job = await jobs.create(user.id, checkText(body.topic, 'reportTopic'), body.lang ?? langOf(c));
    return c.json(publicJob(job, await jobs.estimate(job)), 202);
  });

  app.openapi(listRoute, async (c) => c.json((await state.listReportJobs(db, requireUser(c).id)).map((j) => publicJob(j)), 200));

  app.openapi(getRoute, async (c) => {
    const job = await state.getReportJob(db, requireUser(c).id, c.req.valid('param').id);
    if (!job) throw new NotFoundError(REPORT);
    return c.json(publicJob(job, await jobs.estimate(job)), 200);
  });

  app.openapi(fileRoute, async (c) => {
    const user = requireUser(c);
    const { id, format } = c.req.valid('param');
    const job = await state.getReportJob(db, user.id, id);
    if (!job) throw new NotFoundError(REPORT);
    if (job.status !== 'done') throw new ReportNotReadyError(job.status);
    let body: string | Buffer;
    if (format === 'pdf') {
      body = pdfs.get(id) ?? (await exportReport((await state.reportOutput(db, user.id, id, 'report')) as Report, 'pdf'));
      pdfs.set(id, body as Buffer);
    } else if (format === 'json') body = JSON.stringify(await state.reportOutput(db, user.id, id, 'report'), null, 2) + '\n';
    else body = String(await state.reportOutput(db, user.id, id, format === 'md' ? 'markdown' : 'html'));
    const f = FORMATS[format];
    const attachment = format === 'pdf' || format === 'md' || c.req.valid('query').download === '1';
    const name = `fincite-${job.topic.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 40) || 'report'}-${(job.finishedAt ?? job.createdAt).slice(0, 10)}.${f.ext}`;
    c.header('Content-Disposition', `${attachment ? 'attachment' : 'inline'}; filename="report.${f.ext}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, { 'Content-Type': f.type }) as never;
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await state.deleteReportJob(db, requireUser(c).id, id))) throw new NotFoundError(REPORT);
    pdfs.delete(id);
    return c.json({ ok: true as const }, 200);
  });
}
