import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Secrets Calabi stores (webhook URLs carry their token) are encrypted at rest with AES-256-GCM, with a key kept
 * outside the database: CALABI_SECRET_KEY (64 hex characters or base64 of 32 bytes) or else a key file next to
 * the database, `<db>.key`, created with mode 0600 on first use. A copy of the database file alone (a backup, a
 * leaked WAL, the console) then shows only `enc:v1:…`. An in-memory database gets a key for this process only.
 */
const prefix = 'enc:v1:';
const keys = new Map<string, Buffer>();

export function isSealed(value: string): boolean {
  return value.startsWith(prefix);
}

/** The key for the database at `dbPath` (':memory:' or a file). */
export function secretKey(dbPath: string): Buffer {
  const env = process.env.CALABI_SECRET_KEY;
  if (env) return parseKey(env, 'CALABI_SECRET_KEY');
  // A lake (schema/store.ts) keeps its key beside its DuckDB catalog file; a PostgreSQL catalog has no file.
  const path = dbPath.startsWith('ducklake:') ? dbPath.slice('ducklake:'.length) : dbPath;
  if (/^postgres(ql)?:/.test(path)) throw new Error('[secrets] a lake catalogued in PostgreSQL has no file to keep its secret key beside: set CALABI_SECRET_KEY (64 hex characters, the same for every process using the lake)');
  const file = path === ':memory:' || path === '' ? ':memory:' : `${resolve(path)}.key`;
  let key = keys.get(file);
  if (key) return key;
  if (file === ':memory:') key = randomBytes(32);
  else {
    try {
      key = parseKey(readFileSync(file, 'utf8').trim(), file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      key = randomBytes(32);
      try {
        // 'wx': never overwrite a key another process has just written; 0600: readable by this user only.
        writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`[secrets] cannot create the key file ${file}: ${(cause as Error).message}; set CALABI_SECRET_KEY instead`, { cause });
        key = parseKey(readFileSync(file, 'utf8').trim(), file);
      }
    }
  }
  keys.set(file, key);
  return key;
}

function parseKey(text: string, where: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`[secrets] ${where} is not a 256-bit key; give 64 hex characters, e.g. $(openssl rand -hex 32)`);
  return key;
}

/** Encrypts `value`; `context` (e.g. "channels.url") binds the ciphertext to its column. */
export function seal(value: string, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Decrypts a sealed value; a value stored before encryption existed (no prefix) is returned as it is. */
export function open(value: string, key: Buffer, context: string): string {
  if (!isSealed(value)) return value;
  const raw = Buffer.from(value.slice(prefix.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new Error('[secrets] a stored secret cannot be decrypted with this key: the key file next to the database or CALABI_SECRET_KEY is not the one it was written with', { cause });
  }
}
