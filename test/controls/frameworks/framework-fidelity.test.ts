import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../../lib/package-root.js';
import { loadCatalog } from '../../../controls/loader.js';
import { frameworkSources, readFrameworkReference } from '../../../controls/reference/framework-reference.js';
import { buildFrameworkBenchmarks } from '../../../scripts/build-framework-benchmarks.js';

/**
 * Each regulatory framework benchmark carries exactly the requirements of its in-repo CSV (ids, titles, sections, in
 * order), maps only checks that exist, is MANUAL exactly when no check decides it, is counted right in the README,
 * and is what scripts/build-framework-benchmarks.ts generates today.
 */
const catalog = loadCatalog({ env: {} });
const mapping = JSON.parse(readFileSync(fromRoot('scripts/data/framework-checks.json'), 'utf8')) as { checks: Record<string, string[]>; no_equivalent: string[] };
const readme = readFileSync(fromRoot('README.md'), 'utf8');
const built = new Map(buildFrameworkBenchmarks().map((b) => [b.id, b]));

describe.each(frameworkSources.map((s) => [s.id, s] as const))('%s', (id, source) => {
  const benchmark = catalog.benchmarks.get(id)!;
  const reference = readFrameworkReference(source);

  it('ships every requirement of the reference with its id, title and section, in order', () => {
    expect(benchmark.builtin).toBe(true);
    expect(benchmark.requirements.map((r) => [r.id, r.title, r.section])).toEqual(reference.map((r) => [r.id, r.title, r.section]));
  });

  it('maps only existing checks, exactly the Calabi equivalents of its peer checks, and is MANUAL exactly when none', () => {
    for (const [i, r] of benchmark.requirements.entries()) {
      const expected = [...new Set(reference[i]!.peerChecks.flatMap((n) => mapping.checks[n] ?? []))];
      expect(r.checks, r.id).toEqual(expected);
      for (const check of r.checks) expect(catalog.checks.has(check), `${r.id}: ${check}`).toBe(true);
      if (r.checks.length) expect(r.evidence, r.id).toBeUndefined();
      else expect(r.evidence?.length ?? 0, `${r.id} is MANUAL and says what an auditor asks for`).toBeGreaterThan(80);
    }
  });

  it('carries no CIS level and no severity of its own, but typed attributes', () => {
    for (const r of benchmark.requirements) {
      expect(r.level, r.id).toBeUndefined();
      expect(r.severity, r.id).toBeUndefined();
      expect(r.attributes, r.id).toBeDefined();
    }
  });

  it('is counted correctly in the README', () => {
    const evaluated = benchmark.requirements.filter((r) => r.checks.length > 0).length;
    const row = new RegExp(`\\| \`${id.replace(/\./g, '\\.')}\` \\| [^|]+ \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|`).exec(readme)?.slice(1).map(Number);
    expect(row).toEqual([benchmark.requirements.length, evaluated, benchmark.requirements.length - evaluated]);
  });

  it('is what scripts/build-framework-benchmarks.ts generates from the reference and scripts/data today', () => {
    const { file: _file, builtin: _builtin, ...shipped } = benchmark;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(built.get(id))));
  });
});

describe('the frameworks\' shared mapping', () => {
  it('decides every peer check name the frameworks use, once: mapped or listed as having no equivalent', () => {
    const used = new Set(frameworkSources.flatMap((s) => readFrameworkReference(s).flatMap((r) => r.peerChecks)));
    const decided = [...Object.keys(mapping.checks), ...mapping.no_equivalent];
    expect(new Set(decided).size).toBe(decided.length);
    expect([...used].filter((n) => !decided.includes(n))).toEqual([]);
  });

  it('maps by meaning: a narrower Calabi check is not taken for a broader peer check', () => {
    // EKS control-plane logging of all types is more than our audit-log check; API Gateway execution logging is not
    // access logging (it maps the execution-logging check, never the access-logging one); the CIS NACL check judges
    // ports 22 and 3389 together, never 22 alone.
    expect(mapping.no_equivalent).toEqual(expect.arrayContaining(['eks_control_plane_logging_all_types_enabled', 'ec2_networkacl_allow_ingress_tcp_port_22']));
    expect(mapping.checks.apigateway_restapi_logging_enabled).toEqual(['apigateway_stage_execution_logging']);
    expect(mapping.checks.ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22).toEqual(['ec2_sg_no_ssh_open_to_internet']);
    // Every EBS volume, not only attached ones (ec2_attached_volume_encrypted is FSBP EC2.3's narrower check).
    expect(mapping.checks.ec2_ebs_volume_encryption).toEqual(['ec2_ebs_volume_encrypted']);
  });
});

describe('the source\'s known faults, corrected', () => {
  const all = frameworkSources.flatMap((s) => readFrameworkReference(s).map((r) => ({ framework: s.id, ...r })));

  it('names no check that never existed or was renamed', () => {
    const names = new Set(all.flatMap((r) => r.peerChecks));
    for (const gone of ['eks_endpoints_not_publicly_accessible', 'dynamodb_table_encryption_enabled', 's3_bucket_enforces_ssl', 'wafv2_web_acl_logging_enabled']) expect(names.has(gone), gone).toBe(false);
    const pci = (id: string) => all.find((r) => r.framework === 'pci-dss-3.2.1' && r.id === id)!.peerChecks;
    expect(pci('3.4')).toContain('dynamodb_tables_kms_cmk_encryption_enabled');
    expect(pci('4.1')).toContain('s3_bucket_secure_transport_policy');
    expect(catalog.benchmarks.get('pci-dss-3.2.1')!.requirements.find((r) => r.id === '4.1')!.checks).toContain('s3_bucket_denies_http');
  });

  it('gives HIPAA 164.308(a)(4)(ii)(C) its own id instead of a second (B)', () => {
    const hipaa = catalog.benchmarks.get('hipaa')!.requirements;
    expect(hipaa.filter((r) => r.id === '164.308(a)(4)(ii)(B)')).toHaveLength(1);
    expect(hipaa.find((r) => r.id === '164.308(a)(4)(ii)(C)')?.title).toBe('Access establishment and modification');
  });

  it('files SOC 2 A1 and C1 criteria under their own categories, not the common criteria', () => {
    const soc2 = catalog.benchmarks.get('soc2')!.requirements;
    expect(soc2.find((r) => r.id === 'A1.2')).toMatchObject({ section: 'A1.0 - Additional Criteria for Availability', attributes: { framework: 'soc2', category: 'A', series: 'A1' } });
    expect(soc2.find((r) => r.id === 'C1.1')?.attributes).toEqual({ framework: 'soc2', category: 'C', series: 'C1' });
  });

  it('judges S3 default encryption by the bucket\'s configuration, not the moot "objects unencrypted"', () => {
    expect(mapping.checks.s3_bucket_default_encryption).toEqual(['s3_bucket_default_encryption']);
    expect(readFileSync(fromRoot('controls/checks/s3/s3_bucket_default_encryption.sql'), 'utf8')).not.toMatch(/stored unencrypted/);
  });
});

describe('requirement attributes, derived from ids and sections only', () => {
  const req = (b: string, id: string) => catalog.benchmarks.get(b)!.requirements.find((r) => r.id === id)!;

  it('gives NIST the family, base control and enhancement, and no invented baseline', () => {
    expect(req('nist-800-53-r5', 'AC-2(1)').attributes).toEqual({ framework: 'nist-800-53', family: 'AC', family_title: 'Access Control', control: 'AC-2', enhancement: 1 });
    expect(req('nist-800-53-r5', 'AC-2(d)(1)').attributes).toEqual({ framework: 'nist-800-53', family: 'AC', family_title: 'Access Control', control: 'AC-2' });
    // Low/Moderate/High baselines are not in the source, so no requirement claims one.
    for (const r of catalog.benchmarks.get('nist-800-53-r5')!.requirements) expect(Object.keys(r.attributes ?? {}), r.id).not.toContain('baseline');
  });

  it('gives PCI DSS the principal requirement, appendices included', () => {
    expect(req('pci-dss-3.2.1', '10.7.a').attributes).toEqual({ framework: 'pci-dss', principal_requirement: '10' });
    expect(req('pci-dss-4.0', 'A3.2.5.1').attributes).toEqual({ framework: 'pci-dss', principal_requirement: 'A3' });
  });

  it('gives HIPAA the safeguard and GDPR the article', () => {
    expect(req('hipaa', '164.312(a)(2)(iv)').attributes).toEqual({ framework: 'hipaa', safeguard: 'technical', cfr_section: '164.312', paragraph: '164.312(a)(2)' });
    expect(req('hipaa', '164.308(a)(1)(ii)(A)').attributes).toMatchObject({ safeguard: 'administrative', paragraph: '164.308(a)(1)' });
    expect(req('gdpr', 'Art. 32').attributes).toEqual({ framework: 'gdpr', article: 32 });
  });
});
