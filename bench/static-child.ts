// The load generator's ceiling for bench:serve: a bare node:http server in its own process that answers every
// request with the same stored bytes and headers (sent over IPC), with no framework and no work. A route of
// fincite serving the same bytes cannot beat it; on this machine the client parsing large bodies is the bound.
import http from 'node:http';

let body = Buffer.alloc(0);
let headers: Record<string, string> = {};
const server = http.createServer((_req, res) => {
  res.writeHead(200, { ...headers, 'content-length': String(body.length) });
  res.end(body);
});
process.on('message', (m: { body?: string; headers?: Record<string, string>; stop?: boolean }) => {
  if (m.stop) {
    server.close();
    process.exit(0);
  }
  if (m.body !== undefined) {
    body = Buffer.from(m.body, 'base64');
    headers = m.headers ?? {};
    process.send!({ ready: true });
  }
});
server.listen(0, '127.0.0.1', () => process.send!({ url: `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}` }));
