import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runIac } from '../../../cli/commands/iac.js';
import { fixturePath } from './support.js';

// fast-xml-parser is the XML parser the AWS SDK itself depends on (no dependency of our own): its validator
// rejects any document that is not well-formed XML 1.0 (unclosed tags, bad entities, duplicate attributes).
interface Case { '@_classname': string; '@_name': string; failure?: { '@_message': string; '@_type': string; '#text'?: string }; error?: unknown; skipped?: { '@_message': string } }

async function junit(plan: string, completeAccount: boolean) {
  const { output, report } = await runIac(fixturePath(plan), { benchmark: 'cis-aws-3.0', format: 'junit', failOn: 'low', completeAccount });
  return { output, report };
}

describe('JUnit XML for CI systems', () => {
  it.each([
    ['synthetic-monitoring-chain.json', true],
    ['synthetic-iam-network-services.json', false],
  ])('is well-formed and carries the counts and fields CI systems read (%s)', async (plan, complete) => {
    const { output, report } = await junit(plan, complete);
    expect(XMLValidator.validate(output)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(output);
    const suites = doc.testsuites;
    const suite = suites.testsuite[0];
    const cases: Case[] = suite.testcase;
    // Jenkins, GitLab and Azure read tests/failures/errors/skipped on the suite and reconcile them with the cases.
    const failures = cases.filter((c) => c.failure !== undefined).length;
    const errors = cases.filter((c) => c.error !== undefined).length;
    const skipped = cases.filter((c) => c.skipped !== undefined).length;
    for (const node of [suites, suite]) {
      expect(Number(node['@_tests'])).toBe(cases.length);
      expect(Number(node['@_failures'])).toBe(failures);
      expect(Number(node['@_errors'])).toBe(errors);
      expect(Number(node['@_skipped'])).toBe(skipped);
    }
    expect(cases.length).toBe(report.controls.length);
    expect(failures).toBe(report.summary.fail);
    expect(skipped).toBe(report.summary.not_verifiable + report.summary.skip + report.summary.manual);
    cases.forEach((c, i) => {
      expect(c['@_classname']).toBe(`cis-aws-3.0.${report.controls[i]!.section}`);
      if (c.failure) expect(c.failure['@_message']).toBe(report.controls[i]!.reason);
    });
    // Texts with quotes, apostrophes, <, > and & survive escaping (the CIS titles and reasons have them).
    const titles = report.controls.map((c) => `${c.id} ${c.title}`);
    expect(cases.map((c) => c['@_name'])).toEqual(titles);
    expect(titles.some((t) => /["'<>&]/.test(t))).toBe(true);
  }, 60_000);
});
