import type { Command } from 'commander';
import type { FindingGroup, RequirementChange } from '../../reports/diff.js';
import { openForReading } from '../backend.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

export const register: RegisterCommand = (program) => {
  program
    .command('diff <scanA> <scanB>')
    .description('drift between two scans of one benchmark: requirements and resources newly failing, resolved, still failing ("latest" works)')
    .option('--format <format>', 'text or json', 'text')
    .option('--limit <n>', 'findings listed per group', '50')
    .action(async (a: string, b: string, flags: { format: string; limit: string }, cmd: Command) => {
      if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not '${flags.format}'`);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not '${flags.limit}'`);
      const { diffScans, DiffError } = await import('../../reports/diff.js');
      const { ScanNotFoundError } = await import('../../schema/scans.js');
      const db = await openForReading(cmd);
      try {
        const d = await diffScans(db, a, b, { limit }).catch((error: unknown) => {
          if (error instanceof ScanNotFoundError || error instanceof DiffError) throw new UsageError(error.message.replace(/^\[reports\] /, ''));
          throw error;
        });
        if (flags.format === 'json') {
          process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
          return;
        }
        const out: string[] = [];
        const pct = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(1)}%`);
        out.push(`${d.benchmark_id}: ${d.a.id} (${d.a.started_at}, ${pct(d.a.score)}) → ${d.b.id} (${d.b.started_at}, ${pct(d.b.score)})`);
        out.push(`Score change: ${d.score_change === null ? 'n/a' : `${d.score_change > 0 ? '+' : ''}${d.score_change.toFixed(1)} points`}`);
        const reqs = (title: string, rows: RequirementChange[]) => {
          out.push('', `${title} (${rows.length})`);
          for (const r of rows) out.push(`  ${r.id.padEnd(8)} ${(r.before ?? '—').padEnd(6)} → ${(r.after ?? '—').padEnd(6)} ${String(r.affected_after).padStart(5)} resource(s)  ${r.title ?? ''}`);
        };
        reqs('Requirements newly failing', d.requirements.newly_failing);
        reqs('Requirements resolved', d.requirements.resolved);
        reqs('Requirements still failing', d.requirements.still_failing);
        if (d.requirements.other_changes.length) reqs('Other status changes', d.requirements.other_changes);
        const findings = (title: string, g: FindingGroup) => {
          out.push('', `${title}: ${g.count}`);
          for (const f of g.items) out.push(`  ${f.control_id.padEnd(8)} ${f.resource_id ?? '(account)'}  ${f.account_id ?? ''} ${f.region ?? ''}  ${f.reason ?? ''}`);
          if (g.count > g.items.length) out.push(`  … and ${g.count - g.items.length} more (--limit, or --format json)`);
        };
        findings('Findings newly failing', d.findings.newly_failing);
        findings('Findings resolved', d.findings.resolved);
        out.push('', `Findings still failing: ${d.findings.still_failing.count}`);
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        db.close();
      }
    });
};
