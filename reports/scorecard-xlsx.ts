import type ExcelJS from 'exceljs';
import { scoreWorking, type ScorecardLine, type SectionScorecard } from '../controls/section-scorecard.js';
import { safeCell } from '../lib/csv/safe-cell.js';

/**
 * The section scorecard on a worksheet (the score beside the section name, where the Summary sheet always had it) (controls/section-scorecard.ts): a heading row (drawn by the caller's
 * style), one row per section, the total in bold (the sums of the rows above), and the score formula with the
 * total's working. Counts are numbers, so a reader can sum and recompute them in the spreadsheet.
 */
export function addScorecard(ws: ExcelJS.Worksheet, card: SectionScorecard, heading: (cells: string[]) => void): void {
  heading(['Section', 'Score', 'Requirements', 'PASS', 'FAIL', 'ERROR', 'Not evaluable (SKIP + MANUAL)', 'Score working']);
  const row = (s: ScorecardLine) => [safeCell(s.section), s.score === null ? 'n/a' : `${s.score}%`, s.controls, s.pass, s.fail, s.error, s.not_evaluable, scoreWorking(s)];
  for (const s of card.sections) ws.addRow(row(s)).commit();
  const total = ws.addRow(row(card.total));
  total.font = { bold: true };
  total.commit();
  ws.addRow([`Score = ${card.score_formula}; Requirements = PASS + FAIL + ERROR + Not evaluable; the total is the sum of the sections.`]).commit();
}
