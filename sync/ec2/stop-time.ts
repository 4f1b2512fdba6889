/**
 * When a stopped instance stopped, read from DescribeInstances StateTransitionReason. EC2 has no typed field for
 * it: the API reference calls StateTransitionReason only "the reason for the most recent state transition; this
 * might be an empty string", and for a stop through the API or console AWS writes "User initiated (YYYY-MM-DD
 * HH:MM:SS GMT)" (AWS's own examples; some SDK examples show "UTC"), the form Security Hub's EC2.4 and other tools
 * read. Parsed once here so the check compares a TIMESTAMP; any other text (an empty reason, a server-side stop
 * without a time) gives NULL, which EC2.4 never passes.
 */
const userInitiated = /\((\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC)\)\s*$/;

export function stoppedAt(state: string | undefined, reason: string | undefined): Date | null {
  if (state !== 'stopped' && state !== 'stopping') return null;
  const m = reason ? userInitiated.exec(reason) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject what Date.UTC silently rolls over (2026-02-31 → 2026-03-03): not a time AWS wrote.
  return at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? at : null;
}
