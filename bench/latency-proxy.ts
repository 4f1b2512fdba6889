import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of moto_server that holds every call `latencyMs` before forwarding it: moto
 * answers in a few milliseconds, real AWS in 50–150 ms, and a sync's wall time is mostly that latency. The
 * request (headers, body, path) goes to moto unchanged; so does the answer.
 */
export interface LatencyProxy {
  endpoint: string;
  /** Calls forwarded so far. */
  calls(): number;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, latencyMs: number): Promise<LatencyProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let calls = 0;
  const server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      setTimeout(() => {
        calls++;
        const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        up.on('error', (error) => {
          // The SDK sees a 502 and retries, as it would a flaky network; the bench's sync then reports it.
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`latency proxy: moto did not answer: ${error.message}`);
        });
        up.end(Buffer.concat(body));
      }, latencyMs);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () => new Promise((resolve) => {
      agent.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
