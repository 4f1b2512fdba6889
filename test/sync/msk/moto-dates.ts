import { mapStrings, rewriteMotoJson } from '../../support/moto-json-rewrite.js';

const naive = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * moto 5.2.1 writes MSK creation times as ISO date-times without a zone, which the Kafka REST-JSON protocol
 * (RFC 3339) does not allow, so the real SDK refuses every answer listing a cluster. This adds the zone (UTC:
 * moto's naive datetimes are UTC) to moto's real answer before the SDK parses it; nothing else changes.
 */
export function motoKafkaDates(client: unknown, service?: string): void {
  if (service !== undefined && service !== 'Kafka') return;
  rewriteMotoJson(client, 'motoKafkaDates', (json) => mapStrings(json, (s) => (naive.test(s) ? `${s}Z` : s)));
}
