import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { errors, json } from './schemas/common.js';

/**
 * /api/openapi.json: generated from the routes' own createRoute declarations (the schemas that validate requests),
 * so the document cannot drift from what the server accepts and answers. Built once, on first request.
 */
const config = {
  openapi: '3.1.0',
  info: {
    title: 'Calabi API',
    version: '0.1.0',
    description: 'Benchmark reports, scans, run-now with live results, and a read-only SQL console over the Calabi AWS inventory.',
  },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }, {}] as Array<Record<string, string[]>>,
};

const OpenApiDocument = z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.looseObject({}), components: z.looseObject({}) }).openapi('OpenApiDocument');

const route = createRoute({
  method: 'get', path: '/openapi.json', operationId: 'getOpenApi', summary: 'This document',
  responses: { 200: json('OpenAPI 3.1 document', OpenApiDocument), ...errors() },
});

/**
 * Declares GET /openapi.json on `api`; `root` is the app `api` is mounted in (under /api), whose registry holds every
 * route with its full path.
 */
export function serveOpenApi(api: OpenAPIHono, root: () => OpenAPIHono): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http', scheme: 'bearer', description: 'Required when the server was started with a token (CALABI_TOKEN or --token)',
  });
  let document: Record<string, unknown> | undefined;
  api.openapi(route, (c) => {
    document ??= sortPaths(root().getOpenAPI31Document(config) as unknown as Record<string, unknown>);
    return c.json(document as z.infer<typeof OpenApiDocument>, 200);
  });
}

function sortPaths(doc: Record<string, unknown>): Record<string, unknown> {
  const paths = doc.paths as Record<string, unknown>;
  return { ...doc, paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))) };
}
