// The load balancer of bench:serve's runs behind a balancer. nginx when /usr/sbin/nginx exists (startNginx): the
// production one, its config generated from deploy/nginx.conf (same proxy settings; the upstream is the bench's
// loopback servers, one worker, logs in a temp dir). Else a round-robin TCP proxy on a loopback port in Node
// (startLoadBalancer): each client connection is piped whole to the next backend (HTTP keep-alive connections stay
// on one backend, as with a layer-4 balancer). Its own cost is measured by the bench as /livez through it next to
// /livez direct.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NGINX = '/usr/sbin/nginx';
export const nginxAvailable = (): boolean => existsSync(NGINX);
const deployConf = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'deploy', 'nginx.conf');

/** deploy/nginx.conf with the bench's upstream servers, a loopback listen port, one worker and its files in `dir`. */
export function nginxConfig(backends: string[], port: number, dir: string): string {
  let conf = readFileSync(deployConf, 'utf8');
  const swap = (re: RegExp, to: string) => {
    if (!re.test(conf)) throw new Error(`deploy/nginx.conf no longer matches ${re}: update bench/lb.ts`);
    conf = conf.replace(re, to);
  };
  const servers = backends.map((u) => new URL(u)).map((u) => `    server ${u.hostname}:${u.port} max_fails=3 fail_timeout=10s;`);
  swap(/^worker_processes .*;$/m, `worker_processes 1;\nerror_log ${dir}/error.log warn;`);
  swap(/^(\s*upstream fincite \{\n)(?:\s*server .*\n)+/m, `$1${servers.join('\n')}\n`);
  swap(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
  swap(
    /^http \{$/m,
    ['http {', '  access_log off;', ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`)].join('\n'),
  );
  return conf;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** nginx in the foreground (`daemon off`), ready when its port answers; close() stops it (SIGQUIT: graceful). */
export async function startNginx(backends: string[]): Promise<LoadBalancer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fincite-bench-nginx-'));
  chmodSync(dir, 0o755); // the worker (nobody, when started as root) creates its temp dirs here
  const port = await freePort();
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, nginxConfig(backends, port, dir));
  const child = spawn(NGINX, ['-c', file, '-p', dir, '-g', `daemon off; pid ${dir}/nginx.pid;`], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => (dead = true));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (dead) throw new Error(`nginx exited at start: ${existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, 'utf8') : ''}`);
    const up = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.once('error', () => resolve(false));
    });
    if (up) break;
    if (i > 100) throw new Error('nginx did not listen within 5 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    // the master and its workers
    pids: () => [child.pid!, ...readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)],
    close: async () => {
      if (!dead) child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LoadBalancer {
  url: string;
  close(): Promise<void>;
  /** The balancer's processes (for the bench's CPU accounting). */
  pids?(): number[];
}

export async function startLoadBalancer(backends: string[]): Promise<LoadBalancer> {
  const targets = backends.map((u) => new URL(u));
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const t = targets[next++ % targets.length]!;
    const upstream = net.connect(Number(t.port), t.hostname);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// Run as a child process (bench:serve does): the balancer gets its own event loop, not the load generator's.
if (process.send && process.argv[2] === '--child') {
  const lb = await startLoadBalancer(process.argv.slice(3));
  process.on('message', async (m: string) => {
    if (m === 'stop') {
      await lb.close();
      process.exit(0);
    }
  });
  process.send({ url: lb.url });
}
