import { Readable } from 'node:stream';

type Handler = (args: { request: unknown }) => Promise<{ response: { body?: unknown } }>;
interface Stack { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }

const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?$/;
const zoned = /(Z|[+-]\d{2}:\d{2})$/;

function epochs(value: unknown): unknown {
  // moto's naive datetimes are UTC.
  if (typeof value === 'string' && iso.test(value)) return Date.parse(zoned.test(value) ? value : `${value}Z`) / 1000;
  if (Array.isArray(value)) return value.map(epochs);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, epochs(v)]));
  return value;
}

/**
 * moto 5.2.1 writes DMS timestamps (InstanceCreateTime, ReplicationTaskCreationDate, …) as ISO strings where the
 * DMS JSON protocol has epoch seconds, so the real SDK refuses every answer that has one. This rewrites only that
 * wire format, in moto's real answer, before the SDK parses it: the data itself is moto's.
 */
export function motoDmsDates(client: unknown, service?: string): void {
  if (service !== undefined && !service.includes('Migration')) return;
  (client as Stack).middlewareStack.add(
    (next: Handler) => async (args: { request: unknown }) => {
      const out = await next(args);
      const body = out.response.body as Readable | undefined;
      if (!body || typeof (body as Readable).on !== 'function') return out;
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(Buffer.from(c));
      const text = Buffer.concat(chunks).toString('utf8');
      let rewritten = text;
      try {
        rewritten = JSON.stringify(epochs(JSON.parse(text)));
      } catch {
        // Not JSON (an error page): left as moto wrote it, for the SDK to report.
      }
      out.response.body = Readable.from([Buffer.from(rewritten)]);
      return out;
    },
    // Inside the deserializer (low priority in the deserialize step): sees the raw HTTP answer first.
    { step: 'deserialize', priority: 'low', name: 'motoDmsDates' },
  );
}
