import { readFileSync } from 'node:fs';
import type { TfPlanDocument } from './plan-types.js';
import { scrubPlan } from './scrub.js';

export type { TfConfigModule, TfConfigResource, TfModuleValues, TfPlanDocument, TfProviderConfig, TfResourceChange } from './plan-types.js';

/** Major versions of the JSON output format this reader understands (0.1–0.2 and 1.0–1.2 are tested). */
export const supportedMajors = [0, 1] as const;

/** The file is not JSON, not `terraform show -json` output, or of a format we do not read. */
export class PlanFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PlanFormatError';
  }
}

/** Reads a plan or state file, refuses an unsupported format, and returns it with every secret scrubbed. */
export function readPlanFile(path: string): TfPlanDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new PlanFormatError(`cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  return parsePlan(text, path);
}

export function parsePlan(text: string, name = 'the plan'): TfPlanDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    // The parser's message may quote the file, which can hold secrets: name the position only.
    const at = cause instanceof Error ? /position \d+/.exec(cause.message)?.[0] : undefined;
    throw new PlanFormatError(`${name} is not JSON${at ? ` (error at ${at})` : ''}: give the output of \`terraform show -json PLAN\` (or of \`terraform show -json\` for a state), not the binary plan file`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new PlanFormatError(`${name} is not a Terraform JSON plan or state: expected an object with format_version`);
  const version = (doc as { format_version?: unknown }).format_version;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    throw new PlanFormatError(`${name} has no format_version: is it the output of \`terraform show -json\`? (supported: format ${supportedMajors.map((m) => `${m}.x`).join(' and ')}, Terraform 0.12 and later)`);
  }
  const major = Number(version.split('.')[0]);
  if (!(supportedMajors as readonly number[]).includes(major)) {
    throw new PlanFormatError(`${name} uses JSON format ${version}, which this version of Calabi cannot read: supported formats are 0.1 to 1.x (tested 0.1, 0.2, 1.0, 1.1, 1.2). Upgrade Calabi, or produce the plan with a Terraform that writes one of those`);
  }
  return scrubPlan(doc as TfPlanDocument);
}
