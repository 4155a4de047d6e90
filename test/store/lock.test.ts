// The embedded database has one owner (issue 13, item 2): the process that opens a PGlite data directory holds
// `fincite.lock`; a second opener — another process, or a second handle — is refused with a message naming the
// holder's PID and what to do; a lock left by a killed process is taken over; closing releases it. The CLI shows
// the message and exits non-zero.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { acquireLock, DatabaseLockedError, LOCK_FILE } from '../../src/store/lock.ts';
import { repoRoot } from '../helpers/db.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'fincite-lock-'));
  dirs.push(d);
  return d;
}

/** A live process that is not this one (it sleeps), and a lock file in `dir` naming it. */
function lockedByChild(dir: string): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: hostname(), command: 'fincite serve', startedAt: '2026-12-02T10:00:00.000Z', url: 'http://localhost:8080' }));
  return child;
}

describe('one owner per embedded data directory', () => {
  it('a lock held by a live process refuses the directory, naming the PID, the command and the server', () => {
    const dir = tempDir();
    const child = lockedByChild(dir);
    let err: unknown;
    try {
      acquireLock(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatabaseLockedError);
    const e = err as DatabaseLockedError;
    expect(e.messages.en).toContain(`PID ${child.pid}`);
    expect(e.messages.en).toContain('fincite serve');
    expect(e.messages.en).toContain('http://localhost:8080');
    expect(e.messages.en).toMatch(/kill \d+/);
    expect(e.messages.zh).toContain(`PID ${child.pid}`);
    // the holder's lock is untouched
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(child.pid);
  });

  it('a lock whose process was killed is stale and taken over; release removes only our own', async () => {
    const dir = tempDir();
    const child = lockedByChild(dir);
    child.kill('SIGKILL');
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const held = acquireLock(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    held.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    // an unreadable lock (its writer died before writing) is stale too
    writeFileSync(path.join(dir, LOCK_FILE), '');
    acquireLock(dir).release();
  });

  it('openDatabase: a second handle on the same directory is refused until the first is closed', async () => {
    const dir = path.join(tempDir(), 'pgdata');
    const first = await openDatabase({ dataDir: dir });
    await first.query('CREATE TABLE IF NOT EXISTS lock_probe (n int)');
    await first.query('INSERT INTO lock_probe VALUES (1)');
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
    await first.close();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    // nothing written by the first owner was lost
    const again = await openDatabase({ dataDir: dir });
    expect(await again.query<{ n: number }>('SELECT n FROM lock_probe')).toEqual([{ n: 1 }]);
    await again.close();
  }, 120_000);

  it('the CLI stops with the message and a non-zero exit, and works once the holder is gone', async () => {
    const home = tempDir();
    const data = path.join(home, 'pgdata');
    await (await openDatabase({ dataDir: data })).close();
    const child = lockedByChild(data);
    const env = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1', FINCITE_LANG: 'en' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const run = () => spawnSync(process.execPath, [path.join(repoRoot, 'bin/fincite.js'), 'status'], { env, encoding: 'utf8', timeout: 90_000 });
    const refused = run();
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`PID ${child.pid}`);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace
    child.kill('SIGKILL');
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const ok = run();
    expect(ok.stderr).not.toContain(`PID ${child.pid}`);
    expect(ok.status).toBe(0);
  }, 120_000);
});
