import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { verifiableBreakdown } from '../../controls/verifiable-score.js';
import { latestLiveScan, planDrift } from '../../sources/terraform/drift.js';
import { evaluatePlan } from '../../sources/terraform/evaluate.js';
import { parsePlan, PlanFormatError } from '../../sources/terraform/plan.js';
import { badRequest } from '../errors.js';
import { findBenchmark } from '../scan-queries.js';
import { errors, int, json, nnum, nstr, severityEnum, statusEnum, strQuery } from '../schemas/common.js';
import type { RouteModule } from './deps.js';

/** Largest plan upload (a real plan of a few thousand resources is a few MB). Only POST /api/iac allows it. */
export const planBodyLimit = 20 * 1024 * 1024;

const Located = z.strictObject({ resource_id: z.string(), reason: z.string(), addresses: z.array(z.string()) });
const Counts = { pass: int, fail: int, error: int, not_verifiable: int, skip: int, manual: int, verifiable_score: nnum, overall_score: nnum };

const PlanAudit = z.strictObject({
  benchmark: z.strictObject({ id: z.string(), title: z.string(), version: z.string() }),
  source: z.record(z.string(), z.unknown()).openapi({ description: 'The plan: kind, format and Terraform versions, account and region (and whether they were assumed), resources, unmapped types' }),
  summary: z.strictObject({
    ...Counts,
    verifiable_formula: z.string(), overall_formula: z.string(),
    sections: z.array(z.strictObject({ section: z.string(), ...Counts })),
  }),
  live_scan: z.strictObject({ id: z.string(), finished_at: nstr }).nullable().openapi({ description: "The served database's latest live scan of the benchmark (null: none)" }),
  drift: z.record(z.string(), int).openapi({ description: 'How many requirements the plan fixes, breaks, leaves the same, or cannot tell' }),
  controls: z.array(z.strictObject({
    id: z.string(), title: z.string(), section: z.string(), severity: severityEnum.nullable(), status: statusEnum, reason: z.string(), affected_count: int,
    resources: z.array(Located), not_verifiable: z.array(Located),
    live_status: z.string().nullable(), drift: z.enum(['plan fixes', 'plan breaks', 'same', 'unknown']),
  })),
}).openapi('PlanAudit');

/**
 * Runs before the route's validator, so an empty or non-JSON upload is told what to send (the plan as
 * `terraform show -json` prints it) rather than the validator's bare "Malformed JSON".
 */
function planBody(): MiddlewareHandler {
  return async (c, next) => {
    const text = await c.req.text();
    if (!text.trim()) throw badRequest('body', 'send the output of `terraform show -json PLAN` as the request body');
    try {
      JSON.parse(text);
    } catch (cause) {
      throw badRequest('body', `not JSON (${(cause as Error).message}): send the output of \`terraform show -json PLAN\` as the request body`);
    }
    await next();
  };
}

const route = createRoute({
  method: 'post', path: '/iac', operationId: 'auditPlan',
  middleware: [planBody()] as const,
  summary: "Audit an uploaded Terraform plan: its verdicts (NOT VERIFIABLE included), both scores, and each requirement's live status with the drift label",
  description: 'The body is `terraform show -json` output (up to 20 MB). It is evaluated in an in-memory database of its own and never stored; secrets are scrubbed as it is read.',
  request: {
    query: z.object({
      benchmark: strQuery('benchmark', 'Benchmark id (default cis-aws-3.0)'),
      complete_account: strQuery('complete_account', 'true: the plan describes the whole account'),
    }),
    // Documented, not validated here: parsePlan reads the text itself (scrubbing secrets) and says what is wrong.
    body: { required: true, content: { 'application/json': { schema: z.unknown().openapi({ type: 'object', description: '`terraform show -json` output of a plan or state' }) } } },
  },
  responses: { 200: json('The plan report with drift', PlanAudit), ...errors(400, 404, 413, 415, 429) },
});

/**
 * POST /api/iac?benchmark=ID with a plan (`terraform show -json` output) as the body: the plan is scrubbed of
 * secrets as it is parsed, evaluated in an in-memory database of its own (never the served one) and answered with
 * its verdicts, NOT VERIFIABLE included, both scores with their formulas, and beside each requirement the status
 * of the served database's latest live scan of the benchmark with the drift label. Nothing is stored.
 */
export const iac: RouteModule = {
  name: 'iac',
  routes({ reader, catalog }) {
    return new OpenAPIHono().openapi(route, async (c) => {
      const query = c.req.valid('query');
      const benchmark = findBenchmark(catalog, query.benchmark || 'cis-aws-3.0');
      const complete = query.complete_account;
      if (complete !== undefined && complete !== 'true' && complete !== 'false') throw badRequest('complete_account', 'must be true or false');
      const text = await c.req.text();
      if (!text.trim()) throw badRequest('body', 'send the output of `terraform show -json PLAN` as the request body');
      let doc;
      try {
        doc = parsePlan(text, 'the uploaded plan');
      } catch (error) {
        if (error instanceof PlanFormatError) throw badRequest('body', error.message.replace(/^\[terraform\] /, ''));
        throw error;
      }
      const { report } = await evaluatePlan(doc, { file: 'upload', benchmarkId: benchmark.id, catalog, completeAccount: complete === 'true', trigger: 'api-iac' });
      const drift = planDrift(report.controls, await latestLiveScan(reader, benchmark.id));
      const byId = new Map(drift.controls.map((d) => [d.id, d]));
      return c.json({
        benchmark: report.benchmark,
        source: report.source,
        summary: { ...report.summary, ...verifiableBreakdown(report.controls) },
        live_scan: drift.live_scan,
        drift: drift.counts,
        controls: report.controls.map((r) => ({
          id: r.id, title: r.title, section: r.section, severity: r.severity, status: r.status, reason: r.reason, affected_count: r.affected_count,
          resources: r.resources.map((f) => ({ resource_id: f.resource_id, reason: f.reason, addresses: r.terraform[f.resource_id]?.addresses ?? [] })),
          not_verifiable: r.not_verifiable.map((f) => ({ ...f, addresses: r.terraform[f.resource_id]?.addresses ?? [] })),
          live_status: byId.get(r.id)!.live_status,
          drift: byId.get(r.id)!.drift,
        })),
      });
    });
  },
};
