// Report jobs on the durable queue (issue 13, item 1). Two real `fincite serve` processes on one fresh PostgreSQL
// database holding the labour-market series (a report takes ~50 ms there; FINCITE_REPORT_TEST_DELAY_MS adds a
// pause after each claim so a kill lands mid-job): 40 jobs created across both, one server killed with SIGKILL while
// it runs a job, then restarted → every job completes exactly once, counted from the executions in report_runs, and
// the killed server's job is completed by another after the visibility timeout. In one process: a transaction that rolls
// back enqueues nothing (both backends), and on PGlite a job whose execution throws is retried and completed.
// The PostgreSQL parts are skipped with the reason when no server is reachable, except under CI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import type { QueueSettings } from '../../src/config.ts';
import { ReportJobs } from '../../src/server/jobs.ts';
import { REPORT_QUEUE, startBoss, SYNC_QUEUE, transactionDb } from '../../src/server/queue.ts';
import * as state from '../../src/store/app-state.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { backends, createPostgresDatabase, freshPglite, postgresUnavailable, snapshotRoot } from '../helpers/db.ts';
import { startServe, stopServe as stop, type ServeProcess as Server } from '../helpers/serve-process.ts';

const reason = await postgresUnavailable();
if (reason && process.env.CI) throw new Error(`CI requires PostgreSQL for the report queue test: ${reason}`);
if (reason) console.warn(`[skip] report queue test on two servers skipped: ${reason}`);

/** The series of the labour-market report: enough data for a real report, loaded in a few seconds. */
const LABOUR = ['UNRATE', 'PAYEMS', 'ICSA', 'CCSA', 'JTSJOL', 'JTSQUL', 'UNEMPLOY', 'ECIWAG'];
const loadLabour = async (db: Database) => {
  const r = await runSync(db, { mode: 'snapshot', catalog: catalog.filter((e) => LABOUR.includes(e.id)), companies: [], snapshotDir: snapshotRoot });
  expect(r.status).toBe('completed');
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

describe.skipIf(reason)('report jobs on two servers sharing one PostgreSQL', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'fincite-report-queue-'));
  let drop: (() => Promise<void>) | undefined;
  let db: Database;
  let a: Server, b: Server, restarted: Server | undefined;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    db = await openDatabase({ databaseUrl: created.url });
    await loadLabour(db);
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('FINCITE_') && k !== 'DATABASE_URL' && k !== 'REDIS_URL') env[k] = v;
    Object.assign(env, {
      DATABASE_URL: created.url,
      FINCITE_HOME: home,
      FINCITE_OFFLINE: '1',
      FINCITE_AUTH_SECRET: 'report-queue-secret-report-queue-0123',
      FINCITE_SIGNIN_RATE_LIMIT: '1000',
      FINCITE_ASK_RATE_LIMIT: '1000',
      // a short visibility timeout (no heartbeat) so the killed server's job comes back within seconds
      FINCITE_REPORT_TIMEOUT_SECONDS: '3',
      FINCITE_REPORT_HEARTBEAT_SECONDS: '0',
      FINCITE_REPORT_TEST_DELAY_MS: '100',
      LANG: 'en_US.UTF-8',
    });
    [a, b] = await Promise.all([startServe(env), startServe(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a, b, restarted].filter((s): s is Server => Boolean(s)).map((s) => stop(s.child)));
    await db?.close();
    await drop?.();
    rmSync(home, { recursive: true, force: true });
  }, 60_000);

  const workerOf = (s: Server) => `%:${s.child.pid}:%`;

  it('40 jobs created across both, one server killed with SIGKILL mid-job and restarted: each job completes exactly once', async () => {
    const auth = (s: Server, p: string, body: unknown) => fetch(`${s.url}/api/auth/${p}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: s.url }, body: JSON.stringify(body) });
    expect((await auth(a, 'sign-up/email', { email: 'queue@example.com', name: 'Queue', password: 'the queue passphrase' })).status).toBe(200);
    const signIn = await auth(b, 'sign-in/email', { email: 'queue@example.com', password: 'the queue passphrase' });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    const req = (s: Server, p: string, init: RequestInit = {}) => fetch(`${s.url}${p}`, { ...init, headers: { cookie, origin: s.url, 'content-type': 'application/json', ...init.headers } });

    const created = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const r = await req(i % 2 ? b : a, '/api/reports', { method: 'POST', body: JSON.stringify({ topic: 'labour market', lang: i % 4 < 2 ? 'en' : 'zh' }) });
        expect(r.status).toBe(202);
        return ((await r.json()) as { id: string }).id;
      }),
    );
    expect(new Set(created).size).toBe(40);

    // kill A once it has completed a job and is in the middle of another
    await until(
      'server A to be running a job after finishing one',
      async () => {
        const [r] = await db.query<{ done: string; running: string }>(
          `SELECT count(*) FILTER (WHERE outcome = 'succeeded') AS done, count(*) FILTER (WHERE outcome = 'running') AS running FROM report_runs WHERE worker LIKE $1`,
          [workerOf(a)],
        );
        return Number(r!.done) >= 1 && Number(r!.running) >= 1;
      },
      60_000,
      20,
    );
    const exited = new Promise((resolve) => a.child.once('exit', resolve));
    a.child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    // and restarted (the failure: a restarted server ran jobs a second time); it resumes while B works
    const restarting = startServe(env);
    const victims = await db.query<{ report_id: string; attempt: number }>(`SELECT report_id, attempt FROM report_runs WHERE worker LIKE $1 AND outcome = 'running'`, [workerOf(a)]);
    expect(victims.length).toBeGreaterThanOrEqual(1);

    // B finishes everything, the killed server's job included once its claim expires
    await until(
      'every job to finish',
      async () => {
        const [r] = await db.query<{ open: string }>(`SELECT count(*) AS open FROM reports WHERE status IN ('queued', 'running')`);
        return Number(r!.open) === 0;
      },
      120_000,
      200,
    );
    restarted = await restarting;
    await sleep(500); // the restarted server has resumed and polled at least once: it must not run anything again
    const reports = await db.query<{ id: string; status: string }>('SELECT id, status FROM reports');
    expect(reports.map((r) => r.id).sort()).toEqual([...created].sort());
    expect(reports.filter((r) => r.status !== 'done')).toEqual([]);

    // exactly once, counted from the executions: one succeeded run per job, none lost
    const runs = await db.query<{ report_id: string; attempt: number; worker: string; outcome: string; finished_at: Date | null }>('SELECT report_id, attempt, worker, outcome, finished_at FROM report_runs');
    const succeeded = new Map<string, number>();
    for (const r of runs) if (r.outcome === 'succeeded') succeeded.set(r.report_id, (succeeded.get(r.report_id) ?? 0) + 1);
    expect(succeeded.size).toBe(40);
    expect([...succeeded.values()].every((n) => n === 1)).toBe(true);
    // both servers worked
    expect(runs.some((r) => r.outcome === 'succeeded' && r.worker.includes(`:${a.child.pid}:`))).toBe(true);
    expect(runs.some((r) => r.outcome === 'succeeded' && r.worker.includes(`:${b.child.pid}:`))).toBe(true);

    // the killed server's job: its execution never ended, and another server (B, or A restarted) completed it later
    for (const v of victims) {
      const mine = runs.filter((r) => r.report_id === v.report_id);
      expect(mine.find((r) => r.attempt === v.attempt && r.worker.includes(`:${a.child.pid}:`))).toMatchObject({ outcome: 'running', finished_at: null });
      const done = mine.find((r) => r.outcome === 'succeeded')!;
      expect([`:${b.child.pid}:`, `:${restarted.child.pid}:`].some((w) => done.worker.includes(w))).toBe(true);
      expect(done.attempt).toBeGreaterThan(v.attempt);
      const [took] = await db.query<{ started_at: Date }>(`SELECT started_at FROM report_runs WHERE report_id = $1 AND outcome = 'succeeded'`, [v.report_id]);
      console.info(`[report-queue] the killed server's job was taken up by another ${((took!.started_at.getTime() - killedAt) / 1000).toFixed(1)} s after the kill (visibility timeout 3 s)`);
      // what the web app polls still works: the surviving server reports it done, with its stage timeline
      const job = (await (await req(b, `/api/reports/${v.report_id}`)).json()) as { status: string; progress: { stage: string; stages: unknown[] }; estimate: unknown };
      expect(job).toMatchObject({ status: 'done', progress: { stage: 'done' }, estimate: null });
      expect(job.progress.stages.length).toBeGreaterThanOrEqual(3);
    }
  }, 240_000);
});

const QUICK: QueueSettings = { concurrency: 1, timeoutSeconds: 30, heartbeatSeconds: 0, retryLimit: 2 };

describe('the queue in one process', async () => {
  for (const backend of await backends()) {
    describe.skipIf(backend.skip)(backend.name, () => {
      it('a queue entry sent in a transaction that rolls back is not queued, nor is its report row', async () => {
        const db = await backend.open();
        const boss = await startBoss(db, QUICK);
        try {
          await db.query(`INSERT INTO auth_user (id, name, email, email_verified, created_at, updated_at) VALUES ('u1', 'U', 'u1@example.com', false, now(), now())`);
          const attempt = async (rollback: boolean) => {
            let id = '';
            await db
              .transaction(async (tx) => {
                id = (await state.createReportJob(tx, 'u1', 'labour market', 'en', { stage: 'queued', message: '', done: 0, total: 6 })).id;
                await boss.send(REPORT_QUEUE, { reportId: id }, { id, db: transactionDb(tx) });
                if (rollback) throw new Error('roll back');
              })
              .catch((err: unknown) => {
                if (!rollback) throw err;
              });
            return id;
          };
          const rolledBack = await attempt(true);
          expect(await boss.findJobs(REPORT_QUEUE, { data: { reportId: rolledBack } })).toEqual([]);
          expect(await db.query('SELECT id FROM reports WHERE id = $1', [rolledBack])).toEqual([]);
          // the same with a commit: both are there (so the check above can fail)
          const committed = await attempt(false);
          expect((await boss.findJobs(REPORT_QUEUE, { data: { reportId: committed } })).map((j) => j.id)).toEqual([committed]);
          expect(await db.query('SELECT id FROM reports WHERE id = $1', [committed])).toHaveLength(1);
        } finally {
          await boss.stop({ graceful: false });
          await db.close();
          await backend.cleanup();
        }
      }, 60_000);
    });
  }

  it('only the execution holding the claim completes a job: a late result of an earlier claim is discarded', async () => {
    const db = await freshPglite();
    try {
      await db.query(`INSERT INTO auth_user (id, name, email, email_verified, created_at, updated_at) VALUES ('u1', 'U', 'u1@example.com', false, now(), now())`);
      const job = await state.createReportJob(db, 'u1', 'labour market', 'en', { stage: 'queued', message: '', done: 0, total: 6 });
      const p = { stage: 'resolve', message: '', done: 1, total: 6 };
      const out = (title: string) => ({ title, report: {}, markdown: `# ${title}`, html: '<h1></h1>', progress: { stage: 'done', message: '', done: 6, total: 6 } });
      expect(await state.claimReportJob(db, job.id, 'claim-1', 'worker-a', p)).toMatchObject({ attempt: 1 });
      // the first execution's claim lapses (visibility timeout) and the job is delivered again
      expect(await state.claimReportJob(db, job.id, 'claim-2', 'worker-b', p)).toMatchObject({ attempt: 2 });
      await state.updateReportProgress(db, job.id, 'claim-1', { ...p, message: 'stale' });
      expect((await state.getReportJob(db, 'u1', job.id))!.progress.message).toBe('');
      expect(await state.finishReportJob(db, job.id, 'claim-1', out('late'))).toBe(false);
      expect(await state.finishReportJob(db, job.id, 'claim-2', out('current'))).toBe(true);
      // a third delivery after completion finds nothing to run; the late execution cannot complete it again either
      expect(await state.claimReportJob(db, job.id, 'claim-3', 'worker-c', p)).toBeNull();
      expect(await state.finishReportJob(db, job.id, 'claim-1', out('late'))).toBe(false);
      expect((await state.getReportJob(db, 'u1', job.id))!).toMatchObject({ status: 'done', title: 'current' });
      const runs = await db.query<{ attempt: number; worker: string; outcome: string }>('SELECT attempt, worker, outcome FROM report_runs ORDER BY attempt');
      expect(runs).toEqual([
        { attempt: 1, worker: 'worker-a', outcome: 'discarded' },
        { attempt: 2, worker: 'worker-b', outcome: 'succeeded' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('with FINCITE_SYNC_CRON the sync is scheduled on the queue and its job runs the CLI sync; without it, no schedule', async () => {
    const db = await freshPglite();
    const offline = process.env.FINCITE_OFFLINE;
    process.env.FINCITE_OFFLINE = '1'; // the sync reads the snapshot, as `fincite sync` does offline
    const scheduled = new ReportJobs(db, { queue: { ...QUICK, syncCron: '30 22 * * 1-5' } });
    const probe = await startBoss(db, QUICK);
    try {
      await scheduled.start();
      expect((await probe.getSchedules(SYNC_QUEUE)).map((s) => [s.cron, s.timezone])).toEqual([['30 22 * * 1-5', 'UTC']]);
      // what the schedule sends at each tick (here naming one series, to keep the test short): a worker takes it
      await probe.send(SYNC_QUEUE, { seriesIds: ['UNRATE'] });
      const run = await until('the sync job to finish', async () => (await db.query<{ status: string; series_total: number }>(`SELECT status, series_total FROM sync_runs WHERE status <> 'running'`))[0], 60_000, 100);
      expect(run).toMatchObject({ status: 'completed', series_total: 1 });
      expect(((await db.query<{ n: string }>(`SELECT count(*) AS n FROM observations WHERE series_id = 'UNRATE'`))[0]!.n)).not.toBe('0');
      await scheduled.stop();
      // a server started without the setting removes the schedule: it is off
      const unscheduled = new ReportJobs(db, { queue: QUICK });
      await unscheduled.start();
      expect(await probe.getSchedules(SYNC_QUEUE)).toEqual([]);
      await unscheduled.stop();
    } finally {
      if (offline === undefined) delete process.env.FINCITE_OFFLINE;
      else process.env.FINCITE_OFFLINE = offline;
      await scheduled.stop();
      await probe.stop({ graceful: false });
      await db.close();
    }
  }, 90_000);

  it('PGlite: a job whose only attempt outlives the visibility timeout fails with a clear message; its late result is discarded', async () => {
    const db = await freshPglite();
    const delay = process.env.FINCITE_REPORT_TEST_DELAY_MS;
    process.env.FINCITE_REPORT_TEST_DELAY_MS = '6000'; // the execution overruns a 1 s timeout
    const jobs = new ReportJobs(db, { queue: { concurrency: 1, timeoutSeconds: 1, heartbeatSeconds: 0, retryLimit: 0 }, llm: null, today: '2026-11-24' });
    try {
      await loadLabour(db);
      await db.query(`INSERT INTO auth_user (id, name, email, email_verified, created_at, updated_at) VALUES ('u1', 'U', 'u1@example.com', false, now(), now())`);
      const job = await jobs.create('u1', 'labour market', 'en');
      const failed = await until('the job to be failed', async () => {
        const j = await state.getReportJob(db, 'u1', job.id);
        return j?.status === 'failed' ? j : null;
      }, 30_000);
      expect(failed.error).toMatchObject({ code: 'report_interrupted' });
      expect(failed.error!.message).toMatch(/could not be finished/);
      await jobs.idle(); // the overrunning execution ends
      expect(await db.query('SELECT attempt, outcome FROM report_runs WHERE report_id = $1', [job.id])).toEqual([{ attempt: 1, outcome: 'discarded' }]);
      expect((await state.getReportJob(db, 'u1', job.id))!.status).toBe('failed');
    } finally {
      if (delay === undefined) delete process.env.FINCITE_REPORT_TEST_DELAY_MS;
      else process.env.FINCITE_REPORT_TEST_DELAY_MS = delay;
      await jobs.stop();
      await db.close();
    }
  }, 60_000);

  it('PGlite: jobs run; an execution that throws is retried with backoff and the job completes once', async () => {
    const db = await freshPglite();
    const jobs = new ReportJobs(db, { queue: QUICK, llm: null, today: '2026-11-24' });
    try {
      await loadLabour(db);
      await db.query(`INSERT INTO auth_user (id, name, email, email_verified, created_at, updated_at) VALUES ('u1', 'U', 'u1@example.com', false, now(), now())`);
      // a fault outside the report itself: storing the result fails on the first attempt (a database error, not a
      // user-facing one), then the column is back for the retry
      await db.query('ALTER TABLE reports RENAME COLUMN markdown TO markdown_away');
      const job = await jobs.create('u1', 'labour market', 'en');
      const firstRun = await until(
        'the first execution to fail',
        async () => (await db.query<{ outcome: string }>(`SELECT outcome FROM report_runs WHERE report_id = $1 AND attempt = 1 AND outcome = 'failed'`, [job.id]))[0],
        30_000,
        20,
      );
      expect(firstRun.outcome).toBe('failed');
      const waiting = await state.getReportJob(db, 'u1', job.id);
      await db.query('ALTER TABLE reports RENAME COLUMN markdown_away TO markdown');
      // between attempts the job is queued again and says it will be retried
      expect(waiting).toMatchObject({ status: 'queued', progress: { stage: 'queued' } });
      expect(waiting!.progress.message).toMatch(/retried/);

      const second = await jobs.create('u1', 'labour market', 'zh');
      await jobs.idle();
      for (const id of [job.id, second.id]) expect((await state.getReportJob(db, 'u1', id))!.status).toBe('done');
      const runs = await db.query<{ report_id: string; attempt: number; outcome: string }>('SELECT report_id, attempt, outcome FROM report_runs ORDER BY report_id, attempt');
      expect(runs.filter((r) => r.report_id === job.id).map((r) => [r.attempt, r.outcome])).toEqual([
        [1, 'failed'],
        [2, 'succeeded'],
      ]);
      expect(runs.filter((r) => r.report_id === second.id).map((r) => [r.attempt, r.outcome])).toEqual([[1, 'succeeded']]);
      expect((await state.reportOutput(db, 'u1', job.id, 'markdown')) as string).toContain('# ');
    } finally {
      await jobs.stop();
      await db.close();
    }
  }, 90_000);
});
