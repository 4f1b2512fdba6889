import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmarks, loadCatalog } from '../../controls/engine.js';
import { benchmarksInOrder } from '../../controls/benchmarks.js';
import { score } from '../../controls/score.js';
import { scoreWorking, sectionScorecard, type ScorecardLine } from '../../controls/section-scorecard.js';
import type { ScanReport } from '../../controls/types.js';
import { loadSample } from '../../demo/sample.js';
import { controlResults } from '../../schema/control-results.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

/** The section scorecard of every benchmark, on real scans of the demo inventory: every figure reconciles to the row. */
let db: Database;
let reports: ScanReport[];

beforeAll(async () => {
  db = await memoryDb();
  await loadSample(db);
  reports = await evaluateBenchmarks({ db, benchmarkIds: benchmarksInOrder(loadCatalog()).map((b) => b.id), trigger: 'test' });
}, 600_000);

afterAll(() => db?.close());

const counts = (l: ScorecardLine) => [l.controls, l.pass, l.fail, l.error, l.not_evaluable];

describe('section scorecard', () => {
  it('has totals equal to the sum of its sections, and every score recomputable from its printed counts', async () => {
    for (const report of reports) {
      const card = sectionScorecard(await controlResults(db, report.scan.id));
      const sums = card.sections.reduce((acc, s) => acc.map((n, i) => n + counts(s)[i]!), [0, 0, 0, 0, 0]);
      expect(counts(card.total), report.benchmark.id).toEqual(sums);
      for (const line of [...card.sections, card.total]) {
        expect(line.controls).toBe(line.pass + line.fail + line.error + line.not_evaluable);
        expect(line.score).toBe(score(line.pass, line.fail, line.error));
      }
    }
  });

  it("matches the scan's own score and counts, so the total row is the report's row", () => {
    for (const report of reports) {
      const card = sectionScorecard(report.controls);
      const s = report.summary;
      expect(card.total, report.benchmark.id).toMatchObject({ controls: report.controls.length, pass: s.pass, fail: s.fail + (s.excepted ?? 0), error: s.error, not_evaluable: s.skip + s.manual, score: s.score });
      expect(card.sections.map((x) => x.section)).toEqual([...new Set(report.controls.map((c) => c.section))]);
    }
  });

  it('prints the working of a score from the counts beside it, and n/a when nothing is scored', () => {
    const card = sectionScorecard([
      { section: 'A', status: 'PASS' }, { section: 'A', status: 'FAIL' }, { section: 'A', status: 'ERROR' }, { section: 'A', status: 'PASS' },
      { section: 'B', status: 'MANUAL' }, { section: 'B', status: 'SKIP' },
    ]);
    expect(scoreWorking(card.sections[0]!)).toBe('50% = 2 / (2 + 1 + 1)');
    expect(scoreWorking(card.sections[1]!)).toBe('n/a (no PASS, FAIL or ERROR)');
    expect(card.total).toEqual({ section: 'Total', controls: 6, pass: 2, fail: 1, error: 1, not_evaluable: 2, score: 50 });
  });

  it('counts an accepted risk (EXCEPTED) as failing, as the headline score does', () => {
    const card = sectionScorecard([{ section: 'A', status: 'PASS' }, { section: 'A', status: 'EXCEPTED' }, { section: 'A', status: 'SKIP' }]);
    expect(card.total).toEqual({ section: 'Total', controls: 3, pass: 1, fail: 1, error: 0, not_evaluable: 1, score: 50 });
  });
});
