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
  /** The language model of the LLM mode (FINCITE_LLM_* or $FINCITE_HOME/config.json), or null: deterministic. */
  llm: LlmConfig | null;
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
