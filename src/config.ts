// Runtime configuration read from the environment, validated once. Every default is documented in README.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EnvSchema = z.object({
  FINCITE_HOME: z.string().min(1).optional(),
  FINCITE_SNAPSHOT: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  FINCITE_OFFLINE: z.enum(['0', '1', 'true', 'false']).optional(),
  FRED_API_KEY: z.string().min(1).optional(),
  FINCITE_LIVE_PROBE_URL: z.string().url().optional(),
});

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
  };
}
