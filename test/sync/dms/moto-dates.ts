import { mapStrings, rewriteMotoJson } from '../../support/moto-json-rewrite.js';

const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?$/;
const zoned = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * moto 5.2.1 writes DMS timestamps (InstanceCreateTime, ReplicationTaskCreationDate, …) as ISO strings where the
 * DMS JSON protocol has epoch seconds, so the real SDK refuses every answer that has one. This rewrites only that
 * wire format, in moto's real answer, before the SDK parses it: the data itself is moto's (naive datetimes: UTC).
 */
export function motoDmsDates(client: unknown, service?: string): void {
  if (service !== undefined && !service.includes('Migration')) return;
  rewriteMotoJson(client, 'motoDmsDates', (json) => mapStrings(json, (s) => (iso.test(s) ? Date.parse(zoned.test(s) ? s : `${s}Z`) / 1000 : s)));
}
