import { Hono } from 'hono';
import { loadCatalog } from '../../controls/loader.js';
import { verifiableBreakdown } from '../../controls/verifiable-score.js';
import { latestLiveScan, planDrift } from '../../sources/terraform/drift.js';
import { evaluatePlan } from '../../sources/terraform/evaluate.js';
import { parsePlan, PlanFormatError } from '../../sources/terraform/plan.js';
import { badRequest } from '../errors.js';
import { findBenchmark } from '../reports.js';
import type { RouteModule } from './deps.js';
import { errorResponses, queryParam } from './openapi-helpers.js';

/** Largest plan upload (a real plan of a few thousand resources is a few MB). Only POST /api/iac allows it. */
export const planBodyLimit = 20 * 1024 * 1024;

/**
 * POST /api/iac?benchmark=ID with a plan (`terraform show -json` output) as the body: the plan is scrubbed of
 * secrets as it is parsed, evaluated in an in-memory database of its own (never the served one) and answered with
 * its verdicts, NOT VERIFIABLE included, both scores with their formulas, and beside each requirement the status
 * of the served database's latest live scan of the benchmark with the drift label. Nothing is stored.
 */
export const iac: RouteModule = {
  name: 'iac',
  routes({ reader, catalog }) {
    const engine = catalog.engine ?? loadCatalog();
    return new Hono().post('/iac', async (c) => {
      const benchmark = findBenchmark(catalog, c.req.query('benchmark') || 'cis-aws-3.0');
      const complete = c.req.query('complete_account');
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
      const { report } = await evaluatePlan(doc, { file: 'upload', benchmarkId: benchmark.id, catalog: engine, completeAccount: complete === 'true', trigger: 'api-iac' });
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
  paths: {
    '/api/iac': {
      post: {
        summary: "Audit an uploaded Terraform plan: its verdicts (NOT VERIFIABLE included), both scores, and each requirement's live status with the drift label",
        description: 'The body is `terraform show -json` output (up to 20 MB). It is evaluated in memory and never stored; secrets are scrubbed as it is read.',
        operationId: 'auditPlan',
        parameters: [queryParam('benchmark', 'Benchmark id (default cis-aws-3.0)'), queryParam('complete_account', 'true: the plan describes the whole account')],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'The plan report with drift' }, ...errorResponses(400, 401, 404, 413) },
      },
    },
  },
};
