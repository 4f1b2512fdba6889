// Record a sync's HTTP answers once, then replay them from memory with no latency: what remains of a sync's time
// is Calabi's own CPU (and the SDK's: signing, serialising, parsing), which is what bench:sync reports per resource.
import { Readable } from 'node:stream';
import { Session } from 'node:inspector/promises';

interface HttpRequestLike {
  method: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers?: Record<string, string>;
  body?: unknown;
}
interface Answer {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Buffer;
}
type Handle = (req: HttpRequestLike, opts?: unknown) => Promise<{ response: unknown }>;
type Configure = (client: unknown, service: string) => void;

/**
 * What identifies a request: method, host, path, sorted query, body (signatures and dates left out) and, for the
 * JSON protocol services (Config, KMS, CloudWatch Logs, DynamoDB, …), the X-Amz-Target header that names the
 * operation: their requests all POST to / and several operations send the same body (`{}`).
 */
export function keyOf(req: HttpRequestLike): string {
  const query = Object.entries(req.query ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : (v ?? '')}`)
    .join('&');
  // The bytes themselves: Buffer.from(body) would call the SDK's JSON body adapter's valueOf (and warn).
  const body = typeof req.body === 'string' ? req.body : req.body instanceof Uint8Array ? Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength).toString('base64') : '';
  const target = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1] ?? '';
  return `${req.method} ${req.hostname}:${req.port ?? ''}${req.path}?${query} ${target} ${body}`;
}

function handlerOf(client: unknown): { handle: Handle } {
  const handler = (client as { config?: { requestHandler?: { handle?: Handle } } }).config?.requestHandler;
  if (!handler?.handle) throw new Error('[bench] the SDK client has no request handler to record or replay');
  return handler as { handle: Handle };
}

const response = (a: Answer) => ({ response: { statusCode: a.statusCode, reason: a.reason, headers: { ...a.headers }, body: Readable.from(a.body.length ? [a.body] : []) } });

/** Wraps every client's request handler: each answer is buffered and kept, in order, under its request's key. */
export function recorder(): { configure: Configure; tape: Map<string, Answer[]>; calls: () => number } {
  const tape = new Map<string, Answer[]>();
  let calls = 0;
  const configure: Configure = (client) => {
    const handler = handlerOf(client);
    const real = handler.handle.bind(handler);
    handler.handle = async (req, opts) => {
      const { response: res } = (await real(req, opts)) as { response: { statusCode: number; reason?: string; headers: Record<string, string>; body?: AsyncIterable<Uint8Array> } };
      const chunks: Buffer[] = [];
      if (res.body) for await (const chunk of res.body) chunks.push(Buffer.from(chunk));
      const answer: Answer = { statusCode: res.statusCode, reason: res.reason, headers: res.headers, body: Buffer.concat(chunks) };
      const key = keyOf(req);
      tape.set(key, [...(tape.get(key) ?? []), answer]);
      calls++;
      return response(answer);
    };
  };
  return { configure, tape, calls: () => calls };
}

/**
 * Answers every request from the tape, at once and without a socket. The same request asked again gets the next
 * recorded answer (GenerateCredentialReport: STARTED, then COMPLETE), the last one once they run out.
 */
export function replayer(tape: ReadonlyMap<string, Answer[]>): { configure: Configure; misses: () => number } {
  const served = new Map<string, number>();
  let misses = 0;
  const configure: Configure = (client) => {
    const handler = handlerOf(client);
    handler.handle = async (req) => {
      const key = keyOf(req);
      const answers = tape.get(key);
      if (!answers?.length) {
        misses++;
        throw Object.assign(new Error(`[bench] no recorded answer for ${key.slice(0, 200)}`), { name: 'ReplayMiss' });
      }
      const i = served.get(key) ?? 0;
      served.set(key, i + 1);
      return response(answers[Math.min(i, answers.length - 1)]!);
    };
  };
  return { configure, misses: () => misses };
}

/** CPU time (user + system) of this process while `fn` runs, in ms. */
export async function cpuMs<T>(fn: () => Promise<T>): Promise<{ value: T; cpuMs: number; wallMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { value, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t0 };
}

const sdkPath = /node_modules\/(@aws-sdk|@smithy|@aws-crypto|fast-xml-parser|strnum|tslib|uuid|bowser)\//;

/**
 * Runs `fn` under the V8 sampling profiler and splits its sampled time between the AWS SDK (its packages and
 * the XML parser) and everything else (Calabi, DuckDB's JS side, Node, GC). A sample in Node's own code (the
 * hashing of a signature, a Buffer copy) goes to the nearest package frame that called it. Idle time is left out.
 */
export async function sdkShare<T>(fn: () => Promise<T>): Promise<{ value: T; sdkShare: number }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let value: T;
  let profile;
  try {
    value = await fn();
  } finally {
    ({ profile } = await session.post('Profiler.stop'));
    session.disconnect();
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const delta = new Map<number, number>();
  profile.samples?.forEach((id, i) => delta.set(id, (delta.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  let sdk = 0;
  let busy = 0;
  for (const [id, us] of delta) {
    const leaf = byNode.get(id)?.callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') continue;
    busy += us;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byNode.get(at)?.callFrame.url ?? '';
      if (url === '' || url.startsWith('node:')) continue;
      if (sdkPath.test(url)) sdk += us;
      break;
    }
  }
  return { value: value!, sdkShare: busy ? sdk / busy : 0 };
}
