import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';

export interface ServerOptions extends AppOptions {
  host?: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Refusing to start is a configuration error: the CLI prints the message and exits 2. */
export class ServerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerConfigError';
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks the access rules before anything listens: a non-loopback address needs a token, because the API
 * exposes the whole inventory and can start syncs.
 */
/** Shorter tokens can be guessed; the message suggests a generator. */
export const minTokenLength = 16;

export function checkAccess(host: string, token: string | undefined): void {
  if (token !== undefined && token !== '' && token.trim() !== token) {
    throw new ServerConfigError(
      token.trim() === ''
        ? 'the API token is only whitespace; set CALABI_TOKEN (or --token) to a long random value, e.g. CALABI_TOKEN=$(openssl rand -hex 24)'
        : 'the API token starts or ends with whitespace, which no client sends back in its Authorization header; remove it (e.g. CALABI_TOKEN=$(openssl rand -hex 24))',
    );
  }
  // RFC 6750's b64token: what a Bearer credential may contain, and all that Hono's bearer-auth (auth.ts) accepts.
  if (token !== undefined && token !== '' && !/^[A-Za-z0-9._~+/-]+=*$/.test(token)) {
    throw new ServerConfigError(
      'the API token has characters a Bearer token cannot carry (RFC 6750: letters, digits and - . _ ~ + /, then = padding); no client could send it. Use e.g. CALABI_TOKEN=$(openssl rand -hex 24)',
    );
  }
  if (token !== undefined && token !== '' && token.length < minTokenLength) {
    throw new ServerConfigError(
      `the API token is ${token.length} characters long; use at least ${minTokenLength} random characters, e.g. CALABI_TOKEN=$(openssl rand -hex 24)`,
    );
  }
  if (!isLoopback(host) && !token) {
    throw new ServerConfigError(
      `refusing to listen on ${host} without a token: anyone who can reach it could read the inventory. ` +
        'Set CALABI_TOKEN (or --token) to a long random value, e.g. CALABI_TOKEN=$(openssl rand -hex 24), or listen on 127.0.0.1.',
    );
  }
}

/** Starts the app on host:port (port 0 picks a free one) and resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  checkAccess(host, options.token);
  const app = createApp(options);
  let server: ServerType | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, (info) => resolve(info));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ServerConfigError(`port ${options.port} on ${host} is already in use; choose another with --port`));
      else reject(new Error(`[serve] cannot listen on ${host}:${options.port}: ${error.message}`, { cause: error }));
    });
  });
  app.warm();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost === '0.0.0.0' || shownHost === '[::]' ? 'localhost' : shownHost}:${address.port}/`,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        app.close();
        if (!server) return resolve();
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
