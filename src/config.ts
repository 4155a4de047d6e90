// Runtime configuration read from the environment, validated once. Every default is documented in README.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadLlmConfig, type LlmConfig } from './engine/llm/config.ts';

/** The package root: the nearest folder above this module with fincite's package.json (from src/ or a dist/ chunk). */
function findRepoRoot(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'fincite') return dir;
  }
  return path.resolve(start, '..');
}

const repoRoot = findRepoRoot();

const EnvSchema = z.object({
  FINCITE_HOME: z.string().min(1).optional(),
  FINCITE_SNAPSHOT: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  FINCITE_OFFLINE: z.enum(['0', '1', 'true', 'false']).optional(),
  FRED_API_KEY: z.string().min(1).optional(),
  FINCITE_LIVE_PROBE_URL: z.string().url().optional(),
  /** Base URL of the New York Fed Markets API (tests point it at loopback); read by src/data/nyfed.ts. */
  FINCITE_NYFED_URL: z.string().url().optional(),
  /** Base URL of Treasury FiscalData's API (tests point it at loopback); read by src/data/treasury.ts. */
  FINCITE_FISCALDATA_URL: z.string().url().optional(),
  FINCITE_REPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  FINCITE_REPORT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
  FINCITE_REPORT_HEARTBEAT_SECONDS: z.coerce.number().int().refine((n) => n === 0 || n >= 10, 'must be 0 (off) or at least 10').optional(),
  FINCITE_REPORT_RETRIES: z.coerce.number().int().min(0).max(10).optional(),
  FINCITE_SYNC_CRON: z.string().trim().optional(),
  FINCITE_PUBLIC_URL: z.string().url().optional(),
  FINCITE_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).optional(),
  FINCITE_AUTH_SECRET: z.string().min(32).optional(),
  FINCITE_ANON_DAILY_QUOTA: z.coerce.number().int().min(0).optional(),
  FINCITE_ASK_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  FINCITE_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  FINCITE_API_TOKEN: z.string().min(16).optional(),
  REDIS_URL: z.string().url().optional(),
  FINCITE_REDIS_PREFIX: z.string().min(1).max(100).optional(),
  FINCITE_MACHINE_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  FINCITE_SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).optional(),
  FINCITE_SEC_USER_AGENT: z.string().trim().optional(),
  FINCITE_SEC_URL: z.string().url().optional(),
  FINCITE_SEC_DATA_URL: z.string().url().optional(),
});

/** Settings of `fincite serve` (accounts, quotas, rate limits); defaults documented in README. */
export interface ServerSettings {
  /** The public origin when served behind TLS/a proxy (e.g. https://fincite.example.com): cookies become Secure. */
  publicUrl?: string;
  /** Take the client address from the last X-Forwarded-For hop (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Secret that signs session cookies; generated once and kept in the database when not set. */
  authSecret?: string;
  /** Questions a signed-out visitor may ask per UTC day. */
  anonDailyQuota: number;
  /** Questions per minute per user or client address. */
  askPerMinute: number;
  /** Sign-in / sign-up attempts per minute per client address. */
  signInPerMinute: number;
  /** Bearer token of the machine endpoints (/mcp, /v1); absent: those endpoints answer 503 and say how to enable them. */
  apiToken?: string;
  /** Redis shared by every server process for rate limits, sign-in throttles and the signed-out quota; absent: per process. */
  redisUrl?: string;
  /** Prefix of every Redis key (default "fincite:"), so deployments and tests can share one Redis. */
  redisPrefix?: string;
  /** Requests per minute to /mcp and /v1 per token and per client address (default 120). */
  machinePerMinute?: number;
  /** Failed sign-ins per account (email) per 15 minutes, from any address (default 10). */
  signInAccountLimit?: number;
}

/** The job queue of `fincite serve` (pg-boss on PostgreSQL or on the embedded PGlite). */
export interface QueueSettings {
  /** Report jobs one server runs at a time (reports are CPU-bound: 1 per process by default). */
  concurrency: number;
  /** Visibility timeout: a report job running longer than this (seconds) is taken back and retried. */
  timeoutSeconds: number;
  /** A running job's worker reports every half of this (seconds); a job whose reports stop (its server died) is retried. 0: off. */
  heartbeatSeconds: number;
  /** Retries of a report job after a failed or lost execution, with exponential backoff. */
  retryLimit: number;
  /** Cron expression (UTC) of the scheduled data sync, run by one server; unset: no scheduled sync. */
  syncCron?: string;
}

export interface Config {
  /** Home directory for the embedded database and caches. */
  home: string;
  /** Data directory of the embedded PGlite database. */
  pgliteDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** The offline snapshot directory, if one exists. */
  snapshotDir?: string;
  /** Never try live sources (tests and air-gapped machines). */
  offline: boolean;
  /** URL probed to decide whether live sources are reachable. */
  liveProbeUrl: string;
  repoRoot: string;
  server: ServerSettings;
  /** The job queue (report jobs, the scheduled sync); defaults documented in README. */
  queue: QueueSettings;
  /** The language model of the LLM mode (FINCITE_LLM_* or $FINCITE_HOME/config.json), or null: deterministic. */
  llm: LlmConfig | null;
  /** SEC EDGAR access (src/data/sec.ts): the declared User-Agent with a contact, and base URLs for tests. */
  sec: { userAgent?: string; wwwUrl?: string; dataUrl?: string };
}

export function defaultSnapshotDir(): string {
  return path.resolve(repoRoot, '../shared/data');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  const home = path.resolve(e.FINCITE_HOME ?? path.join(homedir(), '.fincite'));
  const snapshotCandidate = e.FINCITE_SNAPSHOT ? path.resolve(e.FINCITE_SNAPSHOT) : defaultSnapshotDir();
  return {
    home,
    pgliteDir: path.join(home, 'pgdata'),
    databaseUrl: e.DATABASE_URL,
    snapshotDir: existsSync(snapshotCandidate) ? snapshotCandidate : undefined,
    offline: e.FINCITE_OFFLINE === '1' || e.FINCITE_OFFLINE === 'true',
    liveProbeUrl: e.FINCITE_LIVE_PROBE_URL ?? 'https://fred.stlouisfed.org/graph/fredgraph.csv?id=DFF&cosd=2024-01-01',
    repoRoot,
    llm: loadLlmConfig(env, home),
    sec: { userAgent: e.FINCITE_SEC_USER_AGENT || undefined, wwwUrl: e.FINCITE_SEC_URL, dataUrl: e.FINCITE_SEC_DATA_URL },
    queue: {
      concurrency: e.FINCITE_REPORT_CONCURRENCY ?? 1,
      timeoutSeconds: e.FINCITE_REPORT_TIMEOUT_SECONDS ?? 600,
      heartbeatSeconds: e.FINCITE_REPORT_HEARTBEAT_SECONDS ?? 30,
      retryLimit: e.FINCITE_REPORT_RETRIES ?? 2,
      syncCron: e.FINCITE_SYNC_CRON || undefined,
    },
    server: {
      publicUrl: e.FINCITE_PUBLIC_URL,
      trustProxy: e.FINCITE_TRUST_PROXY === '1' || e.FINCITE_TRUST_PROXY === 'true',
      authSecret: e.FINCITE_AUTH_SECRET,
      anonDailyQuota: e.FINCITE_ANON_DAILY_QUOTA ?? 20,
      askPerMinute: e.FINCITE_ASK_RATE_LIMIT ?? 30,
      signInPerMinute: e.FINCITE_SIGNIN_RATE_LIMIT ?? 5,
      apiToken: e.FINCITE_API_TOKEN,
      redisUrl: e.REDIS_URL,
      redisPrefix: e.FINCITE_REDIS_PREFIX,
      machinePerMinute: e.FINCITE_MACHINE_RATE_LIMIT,
      signInAccountLimit: e.FINCITE_SIGNIN_ACCOUNT_LIMIT,
    },
  };
}
