/** Small builders that keep the hand-written OpenAPI document short and uniform. */

export function json(description: string, schema: string) {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } };
}

export function pathParam(name: string, description: string) {
  return { name, in: 'path', required: true, description, schema: { type: 'string' } };
}

export function queryParam(name: string, description: string, type: 'string' | 'integer' = 'string') {
  return { name, in: 'query', required: false, description, schema: { type } };
}

const statusText: Record<number, string> = {
  400: 'Invalid input; `field` names the culprit',
  401: 'Missing or wrong bearer token (only when the server has a token)',
  404: 'Unknown benchmark, scan or control',
  409: 'A scan is already running',
  413: 'Request body too large',
  429: 'The SQL console is busy (too many queries running and waiting); try again shortly',
};

export function errorResponses(...codes: number[]) {
  return Object.fromEntries(codes.map((code) => [String(code), json(statusText[code] ?? 'Error', 'Error')]));
}
