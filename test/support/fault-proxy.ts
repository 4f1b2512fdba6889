import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';

export interface FaultRule {
  /** Decides from the request whether to answer with the fault instead of forwarding. */
  match(req: { method: string; url: string; headers: IncomingMessage['headers']; body: string }): boolean;
  status: number;
  body: string;
  contentType?: string;
  /** How many times to fire; default forever. */
  times?: number;
}

export interface FaultProxy {
  endpoint: string;
  rules: FaultRule[];
  /** Requests answered with a fault, per rule index. */
  fired: number[];
  close(): Promise<void>;
}

/**
 * A small HTTP proxy in front of moto_server that answers chosen requests with AWS error responses (throttling,
 * AccessDenied, 5xx): a real fault on the wire, so the SDK's retry and error parsing run for real.
 */
export async function startFaultProxy(target: string, rules: FaultRule[] = []): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const fired: number[] = rules.map(() => 0);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const info = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body.toString('utf8') };
      const index = proxy.rules.findIndex((r, i) => (r.times === undefined || (fired[i] ?? 0) < r.times) && r.match(info));
      if (index >= 0) {
        const rule = proxy.rules[index]!;
        fired[index] = (fired[index] ?? 0) + 1;
        res.writeHead(rule.status, { 'content-type': rule.contentType ?? 'text/xml' });
        res.end(rule.body);
        return;
      }
      const upstream = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: targetUrl.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const proxy: FaultProxy = {
    endpoint: `http://127.0.0.1:${port}`,
    rules,
    fired,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return proxy;
}

/** EC2's XML error body. */
export function ec2Error(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>`;
}

/** The query-protocol (STS, IAM) XML error body. */
export function queryError(code: string, message: string): string {
  return `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`;
}
