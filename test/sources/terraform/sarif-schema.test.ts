import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runIac } from '../../../cli/commands/iac.js';
import { fixturePath } from './support.js';

// The published SARIF 2.1.0 schema (rtm.5, the approved text; JSON Schema draft-04), copied unchanged with its
// provenance in the fixtures README. Draft-04 needs Ajv's draft-04 build: the default Ajv reads draft-07 on.
// The schema's `language` pattern has a stray `]` that JavaScript rejects under the `u` flag and reads literally
// without it, so patterns are compiled without `u` (unicodeRegExp: false), as JSON Schema's ECMA-262 dialect allows.
const schema = JSON.parse(readFileSync(fixturePath('sarif-2.1.0.schema.json'), 'utf8'));

function validator() {
  const ajv = new Ajv04.default({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('SARIF output against the published SARIF 2.1.0 schema', () => {
  it.each(['synthetic-monitoring-chain.json', 'synthetic-iam-network-services.json', 'regula-ingress_anywhere_ssh_infra.json'])('writes a log the schema accepts (%s)', async (plan) => {
    const validate = validator();
    const { output } = await runIac(fixturePath(plan), { benchmark: 'cis-aws-3.0', format: 'sarif', failOn: 'low', completeAccount: true });
    const log = JSON.parse(output);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  }, 60_000);

  it('rejects a log the schema forbids, so the check above can fail', () => {
    const validate = validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });
});
