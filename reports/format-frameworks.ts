import pc from 'picocolors';
import type { FrameworksPosture } from '../controls/frameworks.js';

/**
 * The frameworks view as a terminal table: one row per benchmark, its score with the formula once above, the
 * counts by status and the failed requirements by severity, then the note when the columns do not compare one
 * inventory.
 */
export function formatFrameworks(posture: FrameworksPosture, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const idWidth = Math.max(9, ...posture.frameworks.map((f) => f.id.length));
  const cols = ['score', 'PASS', 'FAIL', 'ERROR', 'SKIP', 'MANUAL', 'crit', 'high', 'med', 'low'];
  const widths = [7, 5, 5, 5, 5, 6, 4, 4, 4, 4];
  const row = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join(' ');
  const lines = [
    c.dim(`Score = ${posture.score_formula}; failed requirements by severity on the right.`),
    '',
    c.bold(`${'benchmark'.padEnd(idWidth)} ${row(cols)}  evaluated (UTC)    scan`),
  ];
  for (const f of posture.frameworks) {
    if (!f.scan_id) {
      lines.push(`${f.id.padEnd(idWidth)} ${c.dim('never evaluated')}`);
      continue;
    }
    const s = f.failed_by_severity;
    const score = f.score === null ? 'n/a' : `${f.score}%`;
    const cells = row([score, f.pass, f.fail, f.error, f.skip, f.manual, s.critical, s.high, s.medium, s.low].map(String));
    lines.push(`${f.id.padEnd(idWidth)} ${cells}  ${(f.evaluated_at ?? '').replace('T', ' ').slice(0, 16).padEnd(17)}  ${f.scan_id.slice(0, 8)}`);
  }
  if (posture.note) lines.push('', c.yellow(posture.note));
  return `${lines.join('\n')}\n`;
}
