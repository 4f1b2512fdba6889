import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** `name[:port]` as RFC 9110 allows it in Host: a DNS name or IPv4 address, or an IPv6 address in brackets. */
const validHost = /^(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/**
 * The Host header, checked once for everyone after it: a value that is no host name (spaces, '@', '/', an unclosed
 * bracket, a port over 65535) is the client's mistake, answered 400 before any route or guard parses it.
 */
export function wellFormedHost(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (host !== undefined) {
      const m = validHost.exec(host);
      if (!m || (m[1] !== undefined && Number(m[1]) > 65535)) {
        throw new ApiError({ status: 400, code: 'bad_host', message: `the Host header '${host.slice(0, 100)}' is not a host name with an optional port` });
      }
    }
    await next();
  };
}

/**
 * A server without a token trusts whoever can reach loopback. A web page elsewhere can reach loopback too, by
 * pointing its own host name at 127.0.0.1 (DNS rebinding); its requests then carry that name in Host. So without
 * a token only loopback host names are served.
 */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
    if (!loopbackNames.has(name) && !/^127(?:\.\d{1,3}){3}$/.test(name)) {
      throw new ApiError({ status: 403, code: 'host_refused', message: `this server answers to localhost and 127.0.0.1 only, not '${name}'; to serve other names, start it with a token (CALABI_TOKEN)` });
    }
    await next();
  };
}

/**
 * Refuses state-changing API requests sent by a page of another origin (cross-site request forgery): browsers
 * send Origin and Sec-Fetch-Site on them; scripts and curl send neither and are not affected.
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      let crossOrigin = site === 'cross-site' || site === 'same-site';
      if (origin && origin !== 'null') {
        try {
          crossOrigin ||= new URL(origin).host.toLowerCase() !== host.toLowerCase();
        } catch (cause) {
          throw new ApiError({ status: 403, code: 'cross_origin', message: `unreadable Origin header '${origin}'` }, { cause });
        }
      } else if (origin === 'null') crossOrigin = true;
      if (crossOrigin) {
        throw new ApiError({ status: 403, code: 'cross_origin', message: `${c.req.method} from another site (${origin ?? site}) refused: use this server's own page or a script` });
      }
    }
    await next();
  };
}

/**
 * Downloads are GETs, which a page of another site can start too (a link, an image) and so make the server build
 * large exports. Browsers say where a request comes from in Sec-Fetch-Site: only the page itself (same-origin) or
 * the user (none: typed address, bookmark) may download. Scripts and curl send no such header and are not affected.
 */
export function sameOriginDownloads(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new ApiError({ status: 403, code: 'cross_origin', message: `a download started by another site (${site}) is refused: use this server's own page or a script` });
    }
    await next();
  };
}
