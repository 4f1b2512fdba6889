import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanFormatError } from '../../../sources/terraform/plan.js';
import { planResources } from '../../../sources/terraform/resources.js';
import { fixtureDir, fixtureText } from './support.js';

describe('reading terraform show -json', () => {
  it('reads every real fixture, formats 0.1, 1.1 and 1.2', () => {
    const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.json') && !f.startsWith('sarif'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const versions = new Set(files.map((f) => parsePlan(fixtureText(f), f).format_version));
    expect([...versions].sort()).toEqual(['0.1', '1.1', '1.2']);
  });

  it('ignores keys it does not know and accepts a newer minor version', () => {
    const doc = parsePlan(JSON.stringify({ format_version: '1.9', some_future_key: { x: 1 }, resource_changes: [] }));
    expect(doc.format_version).toBe('1.9');
    expect(planResources(doc)).toEqual([]);
  });

  it('refuses an unsupported major version with a message naming the versions that work', () => {
    expect(() => parsePlan(JSON.stringify({ format_version: '2.0' }), 'plan.json')).toThrow(PlanFormatError);
    expect(() => parsePlan(JSON.stringify({ format_version: '2.0' }), 'plan.json')).toThrow(/format 2\.0.*supported formats are 0\.1 to 1\.x/);
  });

  it('refuses a file that is not JSON without quoting its content', () => {
    const secret = 'PLANTED-IN-BROKEN-FILE';
    try {
      parsePlan(`{"format_version": "1.2", "x": "${secret}" oops`, 'broken.json');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/broken\.json is not JSON.*terraform show -json/);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('refuses JSON that has no format_version, saying what to give', () => {
    expect(() => parsePlan('{"resources": []}', 'x.json')).toThrow(/no format_version.*terraform show -json/);
  });

  it('keeps for_each and count addresses with their module instance', () => {
    const forEach = planResources(parsePlan(fixtureText('checkov-plan-with-for-each-for-enrichment.json')));
    const sg = forEach.filter((r) => r.type === 'aws_security_group');
    expect(sg.map((r) => r.address)).toEqual([
      'module.sg["awful_example"].aws_security_group.bad',
      'module.sg["bad_example"].aws_security_group.bad',
      'module.sg["terrible_example"].aws_security_group.bad',
    ]);
    expect(sg[0]!.moduleAddress).toBe('module.sg["awful_example"]');
    expect(sg[0]!.configAddress).toBe('module.sg.aws_security_group.bad');
    const counted = planResources(parsePlan(fixtureText('checkov-nested-child-modules-with-connections.json'))).find((r) => r.address === 'module.s3_bucket.aws_s3_bucket.this[0]');
    expect(counted).toMatchObject({ index: 0, configAddress: 'module.s3_bucket.aws_s3_bucket.this', moduleSource: 'terraform-aws-modules/s3-bucket/aws' });
  });
});
