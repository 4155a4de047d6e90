// The load balancer of bench:serve's two-process run: a round-robin TCP proxy on a loopback port. Each client
// connection is piped whole to the next backend (HTTP keep-alive connections stay on one backend, as with a
// layer-4 balancer). Its own cost is measured by the bench as /livez through it next to /livez direct.
import net from 'node:net';

export interface LoadBalancer {
  url: string;
  close(): Promise<void>;
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
