import { latin1 } from './pdf-text.js';
import type { RemediationPlan } from './remediation-plan.js';

const m = 40;
const pctText = (s: number | null) => (s === null ? 'n/a' : `${Math.round(s * 10) / 10}%`);

/**
 * The PDF's remediation plan section (reports/remediation-plan.ts): the projected score after each phase, then each
 * phase's checks in order with what each fixes, its steps and its first failing resources. Starts on a new page.
 */
export function writePlanSection(doc: PDFKit.PDFDocument, plan: RemediationPlan): void {
  const width = doc.page.width - 2 * m;
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text('Remediation plan', m);
  const w = plan.weights;
  doc.font('Helvetica').fontSize(9).text(
    `The failing checks, ordered by the requirements fixing each one fixes, weighted by severity (critical ${w.critical}, high ${w.high}, medium ${w.medium}, low ${w.low}), ` +
      `in phases (critical and high first). A requirement is fixed when all its failing checks are. Projected scores re-score this scan as if the ` +
      `phase's checks passed (score = ${plan.score_formula}).`,
    { width },
  );
  doc.moveDown(0.4);
  const line = (label: string, scores: ReadonlyArray<{ score: number | null }>) => `${label}: ${scores.map((s) => pctText(s.score)).join(', ')}`;
  doc.font('Helvetica-Bold').fontSize(9).text(line(`Now (${plan.frameworks.map((f) => f.benchmark_id).join(', ')})`, plan.frameworks));
  for (const p of plan.phases) doc.text(line(`After phase ${p.phase} (${p.name.toLowerCase()}, ${p.items.length} check(s))`, p.projected));
  if (plan.phases.length === 0) doc.font('Helvetica').text('Nothing to fix: no requirement fails.');
  for (const p of plan.phases) {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).fillColor('#1f4e78').text(`Phase ${p.phase}: ${p.name}`, m);
    doc.fillColor('black');
    for (const i of p.items) {
      if (doc.y > doc.page.height - 110) doc.addPage();
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(9).text(latin1(`${i.rank}. ${i.title}`), m, undefined, { width });
      const fixes = i.fixes.length ? i.fixes.map((f) => `${f.id}${f.becomes === 'PASS' ? '' : ` (then ${f.becomes})`}`).join(', ') : 'none alone (with later items)';
      doc.font('Helvetica').fontSize(8).text(latin1(`${i.id} · ${i.severity} · gain ${i.gain} · fixes ${fixes} · ${i.resource_count} failing resource(s)`), m + 8, undefined, { width: width - 8 });
      i.remediation.forEach((s, n) => doc.text(latin1(`${n + 1}) ${s}`), m + 8, undefined, { width: width - 8 }));
      for (const r of i.resources) doc.fillColor('#444444').text(latin1(`- ${r.resource_id ?? '(account)'} ${r.account_id ?? ''} ${r.region ?? ''}`), m + 16, undefined, { width: width - 16 });
      if (i.resource_count > i.resources.length) doc.text(`… and ${i.resource_count - i.resources.length} more (the findings export lists every one)`, m + 16);
      doc.fillColor('black');
    }
  }
}
