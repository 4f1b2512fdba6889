import type { IacReport } from './report.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and GitLab: one rule per requirement id (its checks' verdict), one result
 * per failing resource (level error) and per resource that cannot be verified before apply (level note). A plan
 * carries no file or line, so the physical location is the plan file itself and the Terraform address is a
 * logical location (kind "resource").
 */
export function formatSarif(report: IacReport): string {
  const results = report.controls.flatMap((c) => {
    const ruleId = c.id;
    const failing = c.status === 'FAIL' ? c.resources.map((r) => ({ id: r.resource_id, text: r.reason, level: 'error' as const })) : [];
    const unknown = c.status === 'NOT VERIFIABLE' || c.status === 'FAIL' ? c.not_verifiable.map((r) => ({ id: r.resource_id, text: `Not verifiable before apply: ${r.reason}`, level: 'note' as const })) : [];
    return [...failing, ...unknown].map((f) => {
      const loc = c.terraform[f.id];
      const addresses = loc?.addresses.length ? loc.addresses : [f.id];
      return {
        ruleId,
        level: f.level,
        message: { text: `${f.text} (${addresses.join(', ')})` },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: report.source.file } },
            logicalLocations: addresses.map((a) => ({ fullyQualifiedName: a, kind: 'resource' })),
          },
        ],
        partialFingerprints: { calabiResource: `${ruleId}:${addresses.join(',')}` },
        properties: { resource_id: f.id, module_source: loc?.module_source ?? null },
      };
    });
  });
  const rules = report.controls
    .filter((c) => c.status !== 'MANUAL')
    .map((c) => ({
      id: c.id,
      name: c.id,
      shortDescription: { text: c.title },
      properties: { section: c.section, severity: c.severity, status: c.status },
      defaultConfiguration: { level: c.severity === 'critical' || c.severity === 'high' ? 'error' : c.severity === 'medium' ? 'warning' : 'note' },
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'calabi', informationUri: 'https://github.com/calabi', rules } },
        results,
        properties: { benchmark: report.benchmark, summary: report.summary, source: report.source },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
