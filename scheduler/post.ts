import { request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { BlockList } from 'node:net';
import { checkLiteral, guardedLookup } from './destination.js';

export interface PostAnswer {
  status: number;
  /** The standard reason phrase of the status; the receiver's own text is never kept (it may be anything). */
  statusText: string;
}

/**
 * POSTs a JSON text once to a webhook URL: connects only to allowed addresses (destination.ts), never follows a
 * redirect, and discards the answer's body after reading at most 64 KiB of it, so nothing the receiver says is
 * stored or shown back.
 */
export function postJson(url: string, text: string, options: { timeoutMs: number; allow: BlockList }): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
      checkLiteral(target.hostname, options.allow);
    } catch (error) {
      return reject(error);
    }
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Calabi-Alerts/1', 'content-length': Buffer.byteLength(text) },
      lookup: guardedLookup(options.allow) as never,
      // A fresh connection each time: a pooled socket would skip the address check on reuse.
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), options.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > 64 * 1024) res.destroy();
      });
      const done = () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, statusText: STATUS_CODES[res.statusCode ?? 0] ?? '' });
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.end(text);
  });
}
