import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Catalog } from '../controls/loader.js';
import { scoreFormula } from '../controls/score.js';
import type { Database } from '../schema/db.js';
import { controlResults, type ControlRow } from '../schema/control-results.js';
import type { Scan } from '../schema/scans.js';
import { streamFindings } from './scan-data.js';
import { scanExceptions } from './exceptions-data.js';
import { coverageText, scanBreakdown } from './summary.js';
import { round1 } from './xlsx.js';
import { iacExportData, iacScoreLines, pct } from './iac-export.js';
import { sectionScorecard } from '../controls/section-scorecard.js';
import { drawScorecard } from './scorecard-pdf.js';
import { latin1 } from './pdf-text.js';
import { summaryData, writeSummaryPage } from './pdf-summary.js';
import { writePlanSection } from './pdf-plan.js';

export interface PdfOptions {
  organization?: string;
  generatedAt?: Date;
  /** Resource details list at most this many failing resources per requirement (the CSV/XLSX have them all). */
  maxResourcesPerControl?: number;
  /** The catalogue for the remediation plan's steps; default: loadCatalog() (built-in and $CALABI_CHECKS). */
  catalog?: Catalog;
}

const colours: Record<string, string> = { PASS: '#1e7b34', FAIL: '#b00020', ERROR: '#b35c00', SKIP: '#666666', MANUAL: '#1f4e78', EXCEPTED: '#8a6d00', 'NOT VERIFIABLE': '#5b3b8c' };
const margin = 40;

/**
 * A formatted PDF report (pdfkit, pure JavaScript): summary, requirement table and resource details, with the
 * organization, scan time and report id on the first page and the report id in every page footer and in the
 * document information (where `calabi verify` reads it). Pages stream out as they are finished.
 */
export async function writePdf(db: Database, scan: Scan, reportId: string, out: Writable, options: PdfOptions = {}): Promise<void> {
  const generatedAt = options.generatedAt ?? new Date();
  const maxPerControl = options.maxResourcesPerControl ?? 1000;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin + 16, left: margin, right: margin },
    info: {
      Title: `Calabi compliance report: ${scan.benchmark_title ?? scan.benchmark_id}`,
      Author: 'Calabi',
      Subject: `calabi-report-id:${reportId} calabi-scan-id:${scan.id}`,
      Keywords: `calabi-report-id:${reportId}`,
      CreationDate: generatedAt,
    },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);
  let page = 1;
  const footer = () => {
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#555555')
      .text(`${latin1(scan.benchmark_id)} · scan ${scan.id} · report id ${reportId} · page ${page}`, margin, doc.page.height - margin, {
        width: doc.page.width - 2 * margin, align: 'center', lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
    doc.fillColor('black');
  };
  doc.on('pageAdded', () => {
    page++;
    footer();
  });
  footer();
  // Page 1: the one-page summary with charts (reports/pdf-summary.ts); the plan section follows the requirements.
  const summary = await summaryData(db, scan, options.catalog);
  await writeSummaryPage(doc, db, scan, summary);
  doc.addPage();

  const width = doc.page.width - 2 * margin;
  const b = await scanBreakdown(db, scan);
  doc.font('Helvetica-Bold').fontSize(18).text('Calabi compliance report');
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10);
  const kv = (k: string, v: string) => doc.font('Helvetica-Bold').text(`${k}: `, { continued: true }).font('Helvetica').text(latin1(v));
  kv('Organization', options.organization || '—');
  kv('Benchmark', `${scan.benchmark_title ?? scan.benchmark_id}${scan.benchmark_version ? ` (version ${scan.benchmark_version})` : ''} [${scan.benchmark_id}]`);
  kv('Scan', scan.id);
  kv('Scan time (UTC)', `${scan.started_at}${scan.finished_at ? ` – ${scan.finished_at}` : ''}`);
  kv('Report id', reportId);
  kv('Generated (UTC)', generatedAt.toISOString());
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(14).text(`Score: ${scan.score === null ? 'n/a' : `${round1(scan.score)}%`}`);
  doc.font('Helvetica').fontSize(9).text(`Score = ${scoreFormula}. A requirement in ERROR could not be trusted and counts against the score; SKIP and MANUAL are not scored.`);
  doc.font('Helvetica').fontSize(9).text(latin1(coverageText(scan)));
  doc.moveDown(0.4);
  // An IaC scan: both scores with their formulas and counts, per section too (reports/iac-export.ts).
  const iac = await iacExportData(db, scan.id);
  if (iac) for (const line of iacScoreLines(iac)) doc.font('Helvetica-Bold').fontSize(10).text(latin1(line));
  doc.font('Helvetica').fontSize(10).text(b.byStatus.map(([s, n]) => `${s} ${n}`).join('    '));
  doc.text(`Failed by severity: ${b.bySeverity.map((s) => `${s.severity} ${s.failed}`).join(', ')}; failing resources: ${b.findings}`);
  doc.moveDown(0.6);

  drawScorecard(doc, sectionScorecard(await controlResults(db, scan.id)), margin, width, latin1);

  if (iac) {
    doc.moveDown(0.6);
    table(doc, [
      { header: 'Section', width: width - 300 }, { header: 'Verifiable', width: 60 }, { header: 'Overall', width: 60 },
      { header: 'PASS', width: 60 }, { header: 'FAIL', width: 60 }, { header: 'NOT VERIF.', width: 60 },
    ], iac.breakdown.sections.map((s) => [latin1(s.section), pct(s.verifiable_score), pct(s.overall_score), s.pass, s.fail, s.not_verifiable].map(String)));
  }
  const controls = await controlResults(db, scan.id);
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).text('Requirements');
  doc.moveDown(0.3);
  table(doc, [
    { header: 'Id', width: 44 }, { header: 'Title', width: width - 44 - 48 - 48 - 44 - 66 }, { header: 'Severity', width: 48 },
    { header: 'Status', width: 48 }, { header: 'Affected', width: 44 }, { header: 'CIS assessment', width: 66 },
  ], controls.map((c) => [c.control_id, latin1(c.title ?? ''), c.severity ?? '', c.status, String(c.affected_count), c.assessment ?? '']), 3);

  writePlanSection(doc, summary.plan);
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).text('Resource details');
  doc.font('Helvetica').fontSize(9).text(`Failing resources per requirement${maxPerControl < Infinity ? ` (at most ${maxPerControl} each; the CSV and XLSX exports list every one)` : ''}.`);
  doc.moveDown(0.4);
  const byId = new Map(controls.map((c) => [c.control_id, c]));
  let current: string | null = null;
  for await (const chunk of streamFindings(db, scan.id, { perControlLimit: maxPerControl })) {
    for (const f of chunk) {
      if (f.control_id !== current) {
        current = f.control_id;
        detailHeading(doc, byId.get(f.control_id), f.control_id, maxPerControl);
      }
      const line = `${f.resource_id ?? '(account)'}  ·  ${f.account_id ?? ''} ${f.region ?? ''}  ·  ${f.exception_id ? `[EXCEPTED by ${f.exception_id}] ` : ''}${f.reason ?? ''}`;
      doc.font('Helvetica').fontSize(7).fillColor('black').text(latin1(line).slice(0, 600), margin + 8, undefined, { width: width - 8 });
    }
  }
  if (current === null) doc.font('Helvetica').fontSize(10).text('No failing resources.');
  if (iac && iac.rows.length) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text('Not verifiable resources');
    doc.font('Helvetica').fontSize(9).text('Resources whose verdict needs a value the Terraform plan cannot show (known only after apply), with why.');
    let at: string | null = null;
    for (const r of iac.rows) {
      if (r.control_id !== at) {
        const c = byId.get((at = r.control_id));
        if (doc.y > doc.page.height - 120) doc.addPage();
        doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor(colours[c?.status ?? ''] ?? 'black')
          .text(latin1(`${r.control_id}  ${c?.title ?? ''} — ${c?.status ?? ''}, ${iac.rows.filter((x) => x.control_id === r.control_id).length} not verifiable`), margin, undefined);
      }
      doc.font('Helvetica').fontSize(7).fillColor('black').text(latin1(`${r.resource_id}  ·  ${r.reason}`).slice(0, 600), margin + 8, undefined, { width: width - 8 });
    }
  }
  const accepted = await scanExceptions(db, scan.id);
  if (accepted.length) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text('Exceptions (accepted risks)');
    doc.font('Helvetica').fontSize(9).text(
      `Every exception in force when the scan ran, as it stood then. Score with exceptions ${scan.score_with_exceptions === null ? 'n/a' : `${round1(scan.score_with_exceptions)}%`} = (PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR); the score above counts EXCEPTED as FAIL.`,
    );
    doc.moveDown(0.4);
    table(doc, [
      { header: 'Scope', width: 130 }, { header: 'Justification', width: width - 130 - 70 - 70 - 40 }, { header: 'Owner', width: 70 }, { header: 'Expires', width: 70 }, { header: 'Findings', width: 40 },
    ], accepted.map((e) => [latin1(`${e.scope} (${e.id.slice(0, 8)}, r${e.revision})`), latin1(`${e.justification}${e.ticket ? ` [${e.ticket}]` : ''}`), latin1(e.owner), e.expires_at.slice(0, 10), String(e.findings)]));
  }
  doc.end();
  await done;
}

function detailHeading(doc: PDFKit.PDFDocument, c: ControlRow | undefined, id: string, max: number): void {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.moveDown(0.5);
  const more = c && c.affected_count > max ? ` (first ${max} shown)` : '';
  doc.font('Helvetica-Bold').fontSize(10).fillColor(colours[c?.status ?? 'FAIL'] ?? 'black')
    .text(latin1(`${id}  ${c?.title ?? ''} — ${c?.status ?? ''}, ${c?.affected_count ?? 0} resource(s)${more}`), margin, undefined);
  doc.fillColor('black');
}

interface Col {
  header: string;
  width: number;
}

/** A simple table that repeats its header on each new page; the column at `statusCol` is coloured by status. */
function table(doc: PDFKit.PDFDocument, cols: Col[], rows: string[][], statusCol = -1): void {
  const drawHeader = () => {
    let x = margin;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8).fillColor('black');
    for (const c of cols) {
      doc.text(c.header, x + 2, y, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.moveTo(margin, y + 11).lineTo(x, y + 11).strokeColor('#888888').stroke();
    doc.y = y + 14;
  };
  drawHeader();
  doc.font('Helvetica').fontSize(8);
  for (const row of rows) {
    const h = Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: cols[i]!.width - 4 }))) + 4;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawHeader();
      doc.font('Helvetica').fontSize(8);
    }
    const y = doc.y;
    let x = margin;
    row.forEach((cell, i) => {
      const status = i === statusCol ? colours[cell] : undefined;
      doc.font(status ? 'Helvetica-Bold' : 'Helvetica').fillColor(status ?? 'black').text(cell, x + 2, y, { width: cols[i]!.width - 4 });
      x += cols[i]!.width;
    });
    doc.fillColor('black');
    doc.y = y + h;
  }
  doc.x = margin;
}
