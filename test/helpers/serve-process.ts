// Real `fincite serve` processes for the tests of several servers (shared limits, the report queue): start one on a
// free port with its own environment, and stop it (SIGTERM, then SIGKILL if it does not exit).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './db.ts';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stderr: () => string;
}

/** `fincite serve` on a free port; resolves when it prints its URL, rejects if it exits first or takes 120 s. */
export function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'fincite.js'), 'serve', '--port', '0'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fincite serve did not start in 120 s; stderr: ${err}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, stderr: () => err });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`fincite serve exited (${code ?? signal}) before listening; stderr: ${err}`));
    });
  });
}

/** Stop a server: SIGTERM, and SIGKILL after `graceMs` if it has not exited. */
export async function stopServe(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
