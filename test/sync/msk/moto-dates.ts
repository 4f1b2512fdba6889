import { Readable } from 'node:stream';

type Handler = (args: { request: unknown }) => Promise<{ response: { body?: unknown } }>;
interface Stack { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }

const naive = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

function zoned(value: unknown): unknown {
  // moto's naive datetimes are UTC.
  if (typeof value === 'string' && naive.test(value)) return `${value}Z`;
  if (Array.isArray(value)) return value.map(zoned);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zoned(v)]));
  return value;
}

/**
 * moto 5.2.1 writes MSK creation times as ISO date-times without a zone, which the Kafka REST-JSON protocol
 * (RFC 3339) does not allow, so the real SDK refuses every answer listing a cluster. This adds the zone (UTC) to
 * moto's real answer before the SDK parses it; nothing else changes.
 */
export function motoKafkaDates(client: unknown, service?: string): void {
  if (service !== undefined && service !== 'Kafka') return;
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
        rewritten = JSON.stringify(zoned(JSON.parse(text)));
      } catch {
        // Not JSON (an error page): left as moto wrote it, for the SDK to report.
      }
      out.response.body = Readable.from([Buffer.from(rewritten)]);
      return out;
    },
    // Inside the deserializer (low priority in the deserialize step): sees the raw HTTP answer first.
    { step: 'deserialize', priority: 'low', name: 'motoKafkaDates' },
  );
}
