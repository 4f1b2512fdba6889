import { scoreWorking, type SectionScorecard } from '../controls/section-scorecard.js';

const headers = ['Section', 'Requirements', 'Passed', 'Failed', 'Error', 'Not evaluable', 'Score'];

/**
 * The section scorecard as a PDF table (controls/section-scorecard.ts): one row per section, then the total in
 * bold, whose counts are the sums of the rows above; the score formula and the total's working below it, so a
 * reader can recompute every score from the printed counts. `latin1` is the report's text encoder.
 */
export function drawScorecard(doc: PDFKit.PDFDocument, card: SectionScorecard, left: number, width: number, latin1: (s: string) => string): void {
  const narrow = 56;
  const widths = [width - narrow * 6, narrow, narrow, narrow, narrow, narrow, narrow];
  const line = (cells: string[], bold: boolean) => {
    const h = Math.max(...cells.map((c, i) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).heightOfString(c, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor('black').text(cell, x + 2, y, { width: widths[i]! - 4, align: i === 0 ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.y = y + h;
  };
  doc.font('Helvetica-Bold').fontSize(11).text('Section scorecard', left);
  doc.moveDown(0.2);
  line(headers, true);
  doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).strokeColor('#888888').stroke();
  const cells = (s: SectionScorecard['total']) => [latin1(s.section), s.controls, s.pass, s.fail, s.error, s.not_evaluable, s.score === null ? 'n/a' : `${s.score}%`].map(String);
  for (const s of card.sections) line(cells(s), false);
  doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).strokeColor('#888888').stroke();
  line(cells(card.total), true);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(8).text(
    `Score = ${card.score_formula}; total: ${scoreWorking(card.total)}. Not evaluable = SKIP (nothing in scope) + MANUAL (no check decides it). ` +
      'Requirements = Passed + Failed + Error + Not evaluable; the total row is the sum of the sections.',
    left, undefined, { width },
  );
  doc.x = left;
}
