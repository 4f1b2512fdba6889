import { loadCatalog, type Catalog } from '../controls/loader.js';
import { scoreFormula } from '../controls/score.js';
import type { Database } from '../schema/db.js';
import type { Scan } from '../schema/scans.js';
import { latin1 } from './pdf-text.js';
import { remediationPlan } from './plan-data.js';
import type { RemediationPlan } from './remediation-plan.js';
import { scanBreakdown, type Breakdown } from './summary.js';
import { trend, type TrendPoint } from './trend.js';

/**
 * The PDF's first page: a one-page summary drawn with pdfkit's own primitives (no chart library) — score gauge,
 * status counts, failed by severity, the section scorecard as bars, the score over the retained history and the
 * top items of the remediation plan. Every figure is read from the stored scan, the same as the pages after it.
 */

const m = 40;
const statusColour: Record<string, string> = { PASS: '#1e7b34', FAIL: '#b00020', ERROR: '#b35c00', SKIP: '#888888', MANUAL: '#1f4e78', 'NOT VERIFIABLE': '#5b3b8c', EXCEPTED: '#7f6000' };
const severityColour: Record<string, string> = { critical: '#7a0016', high: '#b00020', medium: '#d9822b', low: '#c9a227' };
const scoreColour = (s: number | null) => (s === null ? '#888888' : s >= 80 ? '#1e7b34' : s >= 50 ? '#d9822b' : '#b00020');
const pctText = (s: number | null) => (s === null ? 'n/a' : `${Math.round(s * 10) / 10}%`);

export interface SummaryData {
  breakdown: Breakdown;
  /** This benchmark's complete scans up to this one, oldest first. */
  history: TrendPoint[];
  plan: RemediationPlan;
}

export async function summaryData(db: Database, scan: Scan, catalog: Catalog = loadCatalog()): Promise<SummaryData> {
  const [series] = await trend(db, { benchmarkId: scan.benchmark_id, days: 36_500 });
  const history = (series?.points ?? []).filter((p) => p.started_at <= String(scan.started_at));
  const plan = await remediationPlan(db, catalog, { benchmarkId: scan.benchmark_id, scan: scan.id, maxResources: 5 });
  return { breakdown: await scanBreakdown(db, scan), history, plan };
}

/** Draws the summary on the current (first) page; the caller adds the next page. */
export async function writeSummaryPage(doc: PDFKit.PDFDocument, db: Database, scan: Scan, data?: SummaryData): Promise<void> {
  const d = data ?? (await summaryData(db, scan));
  const width = doc.page.width - 2 * m;
  doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text('Summary', m, m);
  doc.font('Helvetica').fontSize(9).fillColor('#444444')
    .text(latin1(`${scan.benchmark_title ?? scan.benchmark_id} [${scan.benchmark_id}] · scan ${scan.id} · ${scan.started_at}`), m, m + 24, { width });

  gauge(doc, m + 80, m + 130, 70, scan.score);
  doc.font('Helvetica').fontSize(7).fillColor('#444444').text(`Score = ${scoreFormula}`, m, m + 150, { width: 160, align: 'center' });

  const x0 = m + 200;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text('Requirements by status', x0, m + 50);
  d.breakdown.byStatus.forEach(([status, n], i) => {
    const x = x0 + (i % 3) * 105;
    const y = m + 66 + Math.floor(i / 3) * 26;
    doc.rect(x, y, 10, 10).fill(statusColour[status] ?? '#888888');
    doc.font('Helvetica').fontSize(9).fillColor('black').text(`${status} ${n}`, x + 14, y + 1, { lineBreak: false });
  });
  doc.font('Helvetica-Bold').fontSize(10).text('Failed by severity', x0, m + 126);
  const maxSev = Math.max(1, ...d.breakdown.bySeverity.map((s) => s.failed));
  d.breakdown.bySeverity.forEach((s, i) => {
    const y = m + 142 + i * 14;
    doc.font('Helvetica').fontSize(8).fillColor('black').text(s.severity, x0, y + 1, { width: 50, lineBreak: false });
    doc.rect(x0 + 52, y, 200, 10).fill('#eeeeee');
    if (s.failed) doc.rect(x0 + 52, y, (200 * s.failed) / maxSev, 10).fill(severityColour[s.severity] ?? '#888888');
    doc.fillColor('black').text(String(s.failed), x0 + 258, y + 1, { lineBreak: false });
  });

  let y = m + 210;
  y = sectionBars(doc, d.breakdown, y, width);
  y = trendChart(doc, d.history, y + 10, width);
  planTop(doc, d.plan, y + 10, width);
  doc.fillColor('black');
}

/** A half-circle gauge: grey track, the score's share in its colour, the figure in the middle. */
function gauge(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number, score: number | null): void {
  const arc = (from: number, to: number, colour: string) => {
    const steps = Math.max(2, Math.ceil((to - from) * 40));
    doc.moveTo(cx - r * Math.cos(Math.PI * from), cy - r * Math.sin(Math.PI * from));
    for (let i = 1; i <= steps; i++) {
      const t = from + ((to - from) * i) / steps;
      doc.lineTo(cx - r * Math.cos(Math.PI * t), cy - r * Math.sin(Math.PI * t));
    }
    doc.lineWidth(16).lineCap('butt').strokeColor(colour).stroke();
  };
  arc(0, 1, '#e3e3e3');
  if (score !== null && score > 0) arc(0, Math.min(1, score / 100), scoreColour(score));
  doc.lineWidth(1);
  doc.font('Helvetica-Bold').fontSize(22).fillColor(scoreColour(score)).text(pctText(score), cx - r, cy - 28, { width: 2 * r, align: 'center' });
}

/** One bar per section: its score's share filled (n/a: empty), with the counts beside it. */
function sectionBars(doc: PDFKit.PDFDocument, b: Breakdown, top: number, width: number): number {
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text('Sections (score and PASS / FAIL / ERROR)', m, top);
  // Sections with nothing scored (all SKIP or MANUAL) have no bar to show; the table on page 2 lists them.
  const rows = b.bySection;
  const shown = rows.filter((s) => s.score !== null).slice(0, 20);
  const h = shown.length > 10 ? 10 : 13;
  const label = 150;
  const bar = width - label - 130;
  shown.forEach((s, i) => {
    const y = top + 16 + i * h;
    doc.font('Helvetica').fontSize(7).fillColor('black').text(latin1(s.section || '(none)'), m, y + 1, { width: label - 6, height: h, lineBreak: false, ellipsis: true });
    doc.rect(m + label, y, bar, h - 3).fill('#eeeeee');
    if (s.score) doc.rect(m + label, y, (bar * s.score) / 100, h - 3).fill(scoreColour(s.score));
    doc.fillColor('black').fontSize(7).text(`${pctText(s.score)}  ${s.pass} / ${s.fail} / ${s.error}`, m + label + bar + 6, y + 1, { lineBreak: false });
  });
  let y = top + 16 + shown.length * h;
  if (rows.length > shown.length) {
    const unscored = rows.filter((s) => s.score === null).length;
    doc.font('Helvetica').fontSize(7).text(`… and ${rows.length - shown.length} more sections, ${unscored} of them with nothing scored (the table on page 2 lists every one)`, m, y);
    y += 10;
  }
  return y;
}

/** The score of each complete scan of the benchmark, oldest first, as a line over a 0–100% frame. */
function trendChart(doc: PDFKit.PDFDocument, points: readonly TrendPoint[], top: number, width: number): number {
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(`Score over the retained history (${points.length} scan${points.length === 1 ? '' : 's'})`, m, top);
  const x0 = m + 30;
  const y0 = top + 16;
  const w = width - 40;
  const h = 90;
  doc.rect(x0, y0, w, h).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
  for (const v of [0, 50, 100]) {
    const y = y0 + h - (h * v) / 100;
    doc.moveTo(x0, y).lineTo(x0 + w, y).strokeColor('#dddddd').stroke();
    doc.font('Helvetica').fontSize(7).fillColor('#555555').text(`${v}%`, m, y - 3, { width: 26, align: 'right', lineBreak: false });
  }
  const scored = points.map((p, i) => ({ ...p, i })).filter((p) => p.score !== null);
  const xOf = (i: number) => x0 + (points.length === 1 ? w / 2 : (w * i) / (points.length - 1));
  const yOf = (s: number) => y0 + h - (h * s) / 100;
  if (scored.length) {
    scored.forEach((p, k) => (k === 0 ? doc.moveTo(xOf(p.i), yOf(p.score!)) : doc.lineTo(xOf(p.i), yOf(p.score!))));
    doc.lineWidth(2).strokeColor('#1f4e78').stroke();
    for (const p of scored) doc.circle(xOf(p.i), yOf(p.score!), 2.5).fill('#1f4e78');
  }
  doc.lineWidth(1);
  const first = points[0];
  const last = points.at(-1);
  if (first && last) {
    doc.font('Helvetica').fontSize(7).fillColor('#555555')
      .text(String(first.started_at).slice(0, 10), x0, y0 + h + 3, { lineBreak: false })
      .text(String(last.started_at).slice(0, 10), x0 + w - 50, y0 + h + 3, { width: 50, align: 'right', lineBreak: false });
  }
  return y0 + h + 14;
}

/** The first items of the remediation plan and the score after its first phase. */
function planTop(doc: PDFKit.PDFDocument, plan: RemediationPlan, top: number, width: number): void {
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text('Fix first (remediation plan)', m, top);
  const items = plan.phases.flatMap((p) => p.items);
  if (items.length === 0) {
    doc.font('Helvetica').fontSize(8).text('Nothing to fix: no requirement fails.', m, top + 14);
    return;
  }
  let y = top + 14;
  for (const i of items.slice(0, 5)) {
    doc.font('Helvetica').fontSize(8).fillColor('black')
      .text(latin1(`${i.rank}. ${i.title} [${i.severity}] · ${i.resource_count} resource(s) · fixes ${i.fixes.length} requirement(s)`), m, y, { width, lineBreak: false, ellipsis: true });
    y += 11;
  }
  const p1 = plan.phases[0]!;
  const own = p1.projected.find((p) => p.benchmark_id === plan.benchmark_id);
  doc.font('Helvetica-Bold').fontSize(8)
    .text(`${items.length} check(s) to fix in ${plan.phases.length} phase(s); score after phase 1 (${p1.name.toLowerCase()}, ${p1.items.length} check(s)): ${pctText(own?.score ?? null)}. The plan section lists every step.`, m, y + 2, { width });
}
