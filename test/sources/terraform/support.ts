import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '../../../schema/db.js';
import { loadPlan, type LoadedPlan } from '../../../sources/terraform/load.js';
import { parsePlan } from '../../../sources/terraform/plan.js';

export const fixtureDir = join(import.meta.dirname, '..', '..', 'fixtures', 'terraform');

export function fixturePath(name: string): string {
  return join(fixtureDir, name);
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Loads a fixture plan into its own in-memory DuckDB (real, not mocked); close plan.db when done. */
export function loadFixture(name: string): Promise<LoadedPlan> {
  return loadPlan(parsePlan(fixtureText(name), name));
}

export async function rows(plan: LoadedPlan, sql: string): Promise<Row[]> {
  return plan.db.all(sql);
}
