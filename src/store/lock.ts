// One owner for an embedded (PGlite) data directory. PGlite is a single-process database: two processes writing
// one directory lose each other's writes. The process that opens a directory writes `fincite.lock` in it (created
// exclusively: PID, host, command, start time); another process finds it and stops with a message naming that
// process and what to do. A lock whose process is gone (killed, crashed) is stale and is taken over.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { FinciteError } from '../core/errors.ts';

export const LOCK_FILE = 'fincite.lock';
/** The running server's local-owner token, next to the lock; readable by its user only (0600). */
export const LOCAL_TOKEN_FILE = 'fincite.token';

export interface LockInfo {
  pid: number;
  host: string;
  /** What holds it, e.g. "fincite serve" (process.argv without the node binary). */
  command: string;
  startedAt: string;
  /** The running server's address, when the owner serves HTTP (set with `describeLock`). */
  url?: string;
}

export class DatabaseLockedError extends FinciteError {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    const what = holder.command || 'fincite';
    const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
    const server = holder.url ? { zh: `它正在 ${holder.url} 提供服务，可以直接使用该服务（网页或 /api），`, en: `It serves ${holder.url}: use that server (the web app or /api), ` } : { zh: '', en: '' };
    super(
      'database_locked',
      {
        zh: `数据目录 ${dir} 正被另一个进程使用（PID ${holder.pid}${where ? `，主机 ${holder.host}` : ''}：${what}，启动于 ${holder.startedAt}）。嵌入式数据库同一时间只能由一个进程打开。${server.zh}或先停止该进程（kill ${holder.pid}），或用 FINCITE_HOME 指定另一个目录。`,
        en: `The data directory ${dir} is in use by another process (PID ${holder.pid}${where}: ${what}, started ${holder.startedAt}). The embedded database can be open in one process at a time. ${server.en}or stop that process first (kill ${holder.pid}), or point FINCITE_HOME at another directory.`,
      },
      409,
    );
  }
}

/** Whether a process with this PID is alive on this host (signal 0 checks without signalling). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, host: String(info.host ?? ''), command: String(info.command ?? ''), startedAt: String(info.startedAt ?? ''), ...(info.url ? { url: String(info.url) } : {}) } : null;
  } catch {
    return null;
  }
}

/** A lock is stale when its process is gone; one written on another host cannot be checked and is kept. */
function stale(info: LockInfo | null): boolean {
  if (!info) return true; // unreadable: its writer died between creating and writing it
  return info.host === hostname() && !alive(info.pid);
}

export interface HeldLock {
  file: string;
  info: LockInfo;
  /** Add what the owner serves (its URL) for the message another process shows. */
  describe(extra: Pick<LockInfo, 'url'>): void;
  release(): void;
}

/** Take the directory's lock, or throw DatabaseLockedError naming its holder. */
export function acquireLock(dir: string): HeldLock {
  const file = path.join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), command: ['fincite', ...process.argv.slice(2)].join(' ').slice(0, 200), startedAt: new Date().toISOString() };
  const write = (i: LockInfo, flag: 'wx' | 'w') => {
    const fd = openSync(file, flag, 0o644);
    try {
      writeSync(fd, JSON.stringify(i));
    } finally {
      closeSync(fd);
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      write(info, 'wx');
      let released = false;
      const held: HeldLock = {
        file,
        info,
        describe(extra) {
          Object.assign(info, extra);
          if (!released) write(info, 'w');
        },
        release() {
          if (released) return;
          released = true;
          process.removeListener('exit', held.release);
          // only our own lock is removed (a takeover after we were presumed dead is someone else's)
          if (readLock(file)?.pid === process.pid) {
            try {
              unlinkSync(file);
            } catch {
              // already gone
            }
          }
        },
      };
      process.once('exit', held.release);
      return held;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLock(file);
    if (!stale(holder)) throw new DatabaseLockedError(dir, holder!);
    // Take a stale lock over: move it aside, and make sure what was moved is the stale one (another process may
    // have replaced it in between; then put that back and look again).
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // gone meanwhile: try to create it again
    }
    const moved = readLock(aside);
    if (moved && holder && moved.pid !== holder.pid && !stale(moved)) {
      if (!existsSync(file)) renameSync(aside, file);
      continue;
    }
    try {
      unlinkSync(aside);
    } catch {
      // nothing to clean
    }
  }
  const holder = readLock(file);
  throw new DatabaseLockedError(dir, holder ?? { pid: 0, host: hostname(), command: 'unknown', startedAt: 'unknown' });
}

/**
 * Write a new random local-owner token to `dir`/fincite.token, readable and writable by this user only (0600: created
 * so, and chmod'ed in case an old file was replaced). A request carrying it is the server's own user (the fincite
 * command on this machine). Removed by `remove()` and at process exit.
 */
export function writeLocalToken(dir: string): { token: string; file: string; remove(): void } {
  const file = path.join(dir, LOCAL_TOKEN_FILE);
  const token = randomBytes(32).toString('base64url');
  try {
    unlinkSync(file); // a killed server's file: never reuse its mode or content
  } catch {
    // none
  }
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, token);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.removeListener('exit', remove);
    try {
      if (readFileSync(file, 'utf8') === token) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', remove);
  return { token, file, remove };
}
