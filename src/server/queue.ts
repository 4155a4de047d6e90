// The job queue of `fincite serve`: pg-boss on the same database as everything else — PostgreSQL (its own small
// pool, so LISTEN and its locked maintenance blocks get real sessions) or the embedded PGlite (pg-boss's PGlite
// adapter on the one instance; one owner process thanks to fincite.lock). Two queues: report jobs, and the
// scheduled data sync (FINCITE_SYNC_CRON), which pg-boss turns into one job per tick however many servers run.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { PgBoss, fromPglite, type Db } from 'pg-boss';
import type { QueueSettings } from '../config.ts';
import type { Database, Executor } from '../store/db.ts';
import { logFailure } from './log.ts';

export const REPORT_QUEUE = 'fincite-report';
export const SYNC_QUEUE = 'fincite-sync';
/** Report jobs whose retries are used up without completing (their workers kept dying or timing out): failed here. */
export const REPORT_DEAD_QUEUE = 'fincite-report-dead';

/** The defaults of QueueSettings (README documents them; tests override some). */
export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { concurrency: 1, timeoutSeconds: 600, heartbeatSeconds: 30, retryLimit: 2 };

/** First wait before a retry (seconds); doubled each time with jitter (pg-boss retryBackoff), at most a minute. */
const RETRY_DELAY_SECONDS = 2;
const RETRY_DELAY_MAX_SECONDS = 60;
/** A sync may take long (a live sync of every series); one retry, and never two at once (singleton queue). */
const SYNC_TIMEOUT_SECONDS = 4 * 3600;

/** This process as a worker, in report_runs and logs: host, PID and a few random bytes (PIDs are reused). */
export const WORKER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** pg-boss statements inside one of our transactions: a job sent with it commits or rolls back with the transaction. */
export function transactionDb(tx: Executor): Db {
  return { executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values ?? []) }) };
}

/**
 * How often pg-boss looks for expired jobs and missing heartbeats: a third of the shorter of the two, between 1 s
 * and a minute. A job whose worker died is retried within about (timeout or heartbeat) + this.
 */
export function superviseSeconds(s: QueueSettings): number {
  const window = s.heartbeatSeconds ? Math.min(s.heartbeatSeconds, s.timeoutSeconds) : s.timeoutSeconds;
  return Math.max(1, Math.min(60, Math.floor(window / 3)));
}

/** A started pg-boss on `db` with both queues created and set to `settings` (retries, visibility timeout). */
export async function startBoss(db: Database, settings: QueueSettings): Promise<PgBoss> {
  const every = superviseSeconds(settings);
  const common = {
    schema: 'pgboss',
    superviseIntervalSeconds: every,
    monitorIntervalSeconds: every,
    schedule: Boolean(settings.syncCron),
    instanceName: WORKER_ID,
    openTelemetry: { enabled: false },
  };
  const target = db.queueTarget;
  const boss = 'url' in target ? new PgBoss({ connectionString: target.url, max: 4, ...common }) : new PgBoss({ db: fromPglite(target.pglite), backend: 'pglite', ...common });
  boss.on('error', (err) => logFailure('job queue', err));
  await boss.start();
  await boss.createQueue(REPORT_DEAD_QUEUE, { retryLimit: 5, retryDelay: 5, deleteAfterSeconds: 7 * 86_400 });
  const report = {
    deadLetter: REPORT_DEAD_QUEUE,
    retryLimit: settings.retryLimit,
    retryDelay: RETRY_DELAY_SECONDS,
    retryBackoff: true,
    retryDelayMax: RETRY_DELAY_MAX_SECONDS,
    expireInSeconds: settings.timeoutSeconds,
    deleteAfterSeconds: 7 * 86_400,
  };
  await boss.createQueue(REPORT_QUEUE, report);
  // createQueue leaves an existing queue as it was: apply this start's settings (the last server started wins)
  await boss.updateQueue(REPORT_QUEUE, { ...report, heartbeatSeconds: settings.heartbeatSeconds || null });
  const sync = { retryLimit: 1, retryDelay: 60, expireInSeconds: SYNC_TIMEOUT_SECONDS, deleteAfterSeconds: 30 * 86_400 };
  await boss.createQueue(SYNC_QUEUE, { ...sync, policy: 'singleton' });
  await boss.updateQueue(SYNC_QUEUE, sync);
  return boss;
}
