import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { fromRoot } from '../lib/package-root.js';
import type { Benchmark, Check } from './types.js';

/**
 * Reads the check catalogue and the benchmarks: the built-in ones under controls/, plus an analyst's own
 * directories (`--checks DIR`, and $CALABI_CHECKS, colon-separated). A file that cannot be loaded never breaks
 * the others: a broken check is remembered by id (its file name) so every requirement that maps it reports
 * ERROR with the message; a broken benchmark file is listed in `problems`.
 */

export const builtinChecksDir = fromRoot('controls', 'checks');
export const builtinBenchmarksDir = fromRoot('controls', 'benchmarks');

export interface LoadedBenchmark extends Benchmark {
  file: string;
  builtin: boolean;
}

export interface CatalogProblem {
  file: string;
  message: string;
}

export interface Catalog {
  checks: ReadonlyMap<string, Check>;
  /** Checks that exist by file name but could not be loaded; requirements mapping them report ERROR. */
  broken: ReadonlyMap<string, CatalogProblem>;
  benchmarks: ReadonlyMap<string, LoadedBenchmark>;
  /** Files that are neither a usable check nor a usable benchmark (a broken benchmark file, say). */
  problems: readonly CatalogProblem[];
  /** The custom directories that were read, in order. */
  customDirs: readonly string[];
}

export interface LoadCatalogOptions {
  /** Extra directories of custom checks and benchmarks (besides $CALABI_CHECKS). */
  checksDirs?: readonly string[];
  /** Where $CALABI_CHECKS is read from (tests pass their own). */
  env?: Record<string, string | undefined>;
}

/** Bad configuration (a custom directory that does not exist): the CLI reports it and exits 2. */
export class CatalogConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogConfigError';
  }
}

const checkId = /^[a-z0-9][a-z0-9_]*$/;
const text = z.string().trim().min(1);

const checkMetaSchema = z.object({
  id: z.string().optional(),
  title: text,
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  service: text.optional(),
  tables: z.array(text).min(1, 'list at least one table the query reads'),
  scope: z.object({ table: text, where: text.optional() }),
  all_regions: z.boolean().optional(),
  description: z.string().default(''),
  rationale: z.string().default(''),
  remediation: z.array(z.string()).default([]),
  links: z.array(z.string()).default([]),
});

// Framework-specific placement of a requirement (controls/types.ts RequirementAttributes): typed per framework,
// so a benchmark file cannot carry a half-filled or misspelt attribute.
const requirementAttributesSchema = z.discriminatedUnion('framework', [
  z.strictObject({ framework: z.literal('nist-800-53'), family: z.string().regex(/^[A-Z]{2}$/), family_title: text, control: z.string().regex(/^[A-Z]{2}-\d+$/), enhancement: z.number().int().min(1).optional() }),
  z.strictObject({ framework: z.literal('pci-dss'), principal_requirement: z.string().regex(/^(\d{1,2}|A\d)$/) }),
  z.strictObject({ framework: z.literal('soc2'), category: z.enum(['CC', 'A', 'C', 'PI']), series: z.string().regex(/^(CC|A|C|PI)\d+$/) }),
  z.strictObject({ framework: z.literal('hipaa'), safeguard: z.enum(['administrative', 'technical']), cfr_section: z.enum(['164.308', '164.312']), paragraph: z.string().regex(/^164\.(308|312)\([a-z]\)(\(\d+\))?$/) }),
  z.strictObject({ framework: z.literal('gdpr'), article: z.number().int().min(1).max(99) }),
]);

const requirementSchema = z.object({
  id: text,
  title: text,
  section: text,
  level: z.number().int().min(1).optional(),
  severity: z.enum(['critical', 'high', 'medium', 'low']).optional(),
  assessment: z.enum(['Automated', 'Manual']),
  checks: z.array(text).default([]),
  evidence: z.string().optional(),
  attributes: requirementAttributesSchema.optional(),
});

const benchmarkSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, dots and dashes'),
  title: text,
  version: text,
  description: z.string().optional(),
  requirements: z.array(requirementSchema).min(1, 'a benchmark needs at least one requirement'),
});

/** The directories named by $CALABI_CHECKS (colon-separated), then the explicit ones, without repeats. */
export function customCheckDirs(options: LoadCatalogOptions = {}): string[] {
  const env = options.env ?? process.env;
  const fromEnv = (env.CALABI_CHECKS ?? '').split(':').map((s) => s.trim()).filter(Boolean);
  const dirs = [...fromEnv, ...(options.checksDirs ?? [])].map((d) => resolve(d));
  return [...new Set(dirs)];
}

export function loadCatalog(options: LoadCatalogOptions = {}): Catalog {
  const customDirs = customCheckDirs(options);
  for (const dir of customDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new CatalogConfigError(`[controls] custom checks directory ${dir} does not exist. Fix --checks or $CALABI_CHECKS (colon-separated directories).`);
    }
  }
  const checks = new Map<string, Check>();
  const broken = new Map<string, CatalogProblem>();
  const benchmarks = new Map<string, LoadedBenchmark>();
  const problems: CatalogProblem[] = [];

  const addCheck = (id: string, result: Check | CatalogProblem, builtin: boolean) => {
    const existing = checks.get(id) ?? broken.get(id);
    if (existing) {
      const message = `${result.file}: duplicate check id ${id}: already defined by ${existing.file}; rename one of them (the id is the file name)`;
      if (builtin) broken.set(id, { file: result.file, message });
      else problems.push({ file: result.file, message });
      return;
    }
    if ('sql' in result) checks.set(id, result);
    else broken.set(id, result);
  };
  const addBenchmark = (result: LoadedBenchmark | CatalogProblem) => {
    if (!('requirements' in result)) return void problems.push(result);
    const existing = benchmarks.get(result.id);
    if (existing) return void problems.push({ file: result.file, message: `${result.file}: duplicate benchmark id ${result.id}: already defined by ${existing.file}; give it another id` });
    benchmarks.set(result.id, result);
  };

  for (const file of walk(builtinChecksDir)) readCheckFile(file, true, addCheck, addBenchmark);
  for (const file of walk(builtinBenchmarksDir)) if (extname(file) === '.json') addBenchmark(readBenchmark(file, true));
  for (const dir of customDirs) for (const file of walk(dir)) readCheckFile(file, false, addCheck, addBenchmark);

  return { checks, broken, benchmarks, problems, customDirs };
}

function readCheckFile(
  file: string,
  builtin: boolean,
  addCheck: (id: string, result: Check | CatalogProblem, builtin: boolean) => void,
  addBenchmark: (result: LoadedBenchmark | CatalogProblem) => void,
): void {
  const ext = extname(file);
  const id = basename(file, ext);
  if (ext === '.sql') {
    addCheck(id, readCheck(file, id, builtin), builtin);
  } else if (ext === '.json' && !existsSync(join(dirname(file), `${id}.sql`))) {
    // A JSON file without SQL beside it is a benchmark in a custom directory, or an orphaned check metadata file.
    const parsed = readJson(file);
    if ('message' in parsed) return builtin ? addCheck(id, parsed, builtin) : addBenchmark(parsed);
    if (parsed.value && typeof parsed.value === 'object' && 'requirements' in parsed.value) return addBenchmark(readBenchmark(file, builtin, parsed.value));
    addCheck(id, { file, message: `${file}: check metadata without its query: add ${id}.sql beside it` }, builtin);
  }
}

function readCheck(sqlFile: string, id: string, builtin: boolean): Check | CatalogProblem {
  const metaFile = join(dirname(sqlFile), `${id}.json`);
  if (!checkId.test(id)) return { file: sqlFile, message: `${sqlFile}: a check id (its file name) must be snake_case: lower-case letters, digits and _` };
  if (!existsSync(metaFile)) return { file: sqlFile, message: `${sqlFile}: no metadata: add ${id}.json beside it (title, severity, tables, scope)` };
  const parsed = readJson(metaFile);
  if ('message' in parsed) return parsed;
  const meta = checkMetaSchema.safeParse(parsed.value);
  if (!meta.success) return { file: metaFile, message: `${metaFile}: ${describeIssues(meta.error)}` };
  if (meta.data.id !== undefined && meta.data.id !== id) {
    return { file: metaFile, message: `${metaFile}: id "${meta.data.id}" differs from the file name; the id must be "${id}"` };
  }
  const sql = readFileSync(sqlFile, 'utf8').trim().replace(/;\s*$/, '');
  if (!sql) return { file: sqlFile, message: `${sqlFile}: the query is empty` };
  const { id: _id, service, ...rest } = meta.data;
  return { id, service: service ?? id.split('_')[0]!, ...rest, sql, file: sqlFile, builtin };
}

function readBenchmark(file: string, builtin: boolean, value?: unknown): LoadedBenchmark | CatalogProblem {
  if (value === undefined) {
    const parsed = readJson(file);
    if ('message' in parsed) return parsed;
    value = parsed.value;
  }
  const result = benchmarkSchema.safeParse(value);
  if (!result.success) return { file, message: `${file}: not a valid benchmark: ${describeIssues(result.error)}` };
  const seen = new Set<string>();
  for (const r of result.data.requirements) {
    if (seen.has(r.id)) return { file, message: `${file}: requirement ${r.id} appears twice` };
    seen.add(r.id);
  }
  return { ...result.data, file, builtin };
}

function readJson(file: string): { value: unknown } | CatalogProblem {
  let textContent: string;
  try {
    textContent = readFileSync(file, 'utf8');
  } catch (cause) {
    return { file, message: `${file}: cannot read: ${(cause as Error).message}` };
  }
  try {
    return { value: JSON.parse(textContent) };
  } catch (cause) {
    return { file, message: `${file}: invalid JSON: ${(cause as Error).message}` };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Files under dir, depth first, sorted, skipping dot-files (editor swap files, .git). */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
