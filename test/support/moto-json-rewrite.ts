import { Readable } from 'node:stream';

type Handler = (args: { request: unknown }) => Promise<{ response: { body?: unknown } }>;
interface Stack { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }

/** Applies `rewrite` to every string value of a parsed JSON answer, in arrays and objects at any depth. */
export function mapStrings(value: unknown, rewrite: (s: string) => unknown): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, rewrite));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, rewrite)]));
  return value;
}

/**
 * Where moto writes a value in a wire format its protocol does not allow, rewrites moto's real JSON answer before
 * the real SDK parses it (the data stays moto's). Added inside the deserializer (low priority in the deserialize
 * step), so it sees the raw HTTP answer first; an answer that is not JSON (an error page) is left as moto wrote it.
 */
export function rewriteMotoJson(client: unknown, name: string, rewrite: (json: unknown) => unknown): void {
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
        rewritten = JSON.stringify(rewrite(JSON.parse(text)));
      } catch {
        // Not JSON: for the SDK to report as it is.
      }
      out.response.body = Readable.from([Buffer.from(rewritten)]);
      return out;
    },
    { step: 'deserialize', priority: 'low', name },
  );
}
