import { asffId } from './asff.js';
import type { SecurityFinding } from './security-findings.js';

/**
 * Open Cybersecurity Schema Framework (OCSF) 1.5.0, class Compliance Finding (class_uid 2003, category Findings 2),
 * with the `cloud` profile: one event per failing resource, its uid the same stable id as ASFF's, so a re-export
 * of a later scan names the same findings. test/fixtures/interop/ocsf-1.5.0-compliance_finding.schema.json (the
 * schema.ocsf.io export, made a JSON Schema) validates every event we write.
 *
 * Compliance Finding is the class for a check against a framework (CIS, FSBP, NIST…); Prowler, Security Lake and
 * most SIEMs read it. Timestamps are milliseconds since the epoch (OCSF `timestamp_t`).
 */
export const ocsfVersion = '1.5.0';
export const ocsfClassUid = 2003;
const categoryUid = 2;
const activityCreate = 1;

const severityIds: Record<SecurityFinding['severity'], [number, string]> = {
  low: [2, 'Low'],
  medium: [3, 'Medium'],
  high: [4, 'High'],
  critical: [5, 'Critical'],
};

export interface OcsfContext {
  benchmarkId: string;
  benchmarkTitle: string;
  calabiVersion: string;
  scanId: string;
}

export type OcsfEvent = Record<string, unknown>;

export function toOcsf(f: SecurityFinding, ctx: OcsfContext): OcsfEvent {
  const [severityId, severity] = severityIds[f.severity];
  const uid = asffId(f);
  const last = Date.parse(f.last_seen);
  const first = Date.parse(f.first_seen);
  return {
    class_uid: ocsfClassUid,
    class_name: 'Compliance Finding',
    category_uid: categoryUid,
    category_name: 'Findings',
    activity_id: activityCreate,
    activity_name: 'Create',
    type_uid: ocsfClassUid * 100 + activityCreate,
    type_name: 'Compliance Finding: Create',
    time: last,
    severity_id: severityId,
    severity,
    status_id: 1,
    status: 'New',
    message: f.reason ?? f.title,
    metadata: {
      version: ocsfVersion,
      profiles: ['cloud'],
      uid,
      event_code: f.check_id,
      product: { name: 'Calabi', vendor_name: 'Calabi', version: ctx.calabiVersion, uid: 'calabi' },
      correlation_uid: ctx.scanId,
    },
    finding_info: {
      uid,
      title: f.title,
      desc: f.description,
      types: [ctx.benchmarkTitle],
      created_time: first,
      first_seen_time: first,
      last_seen_time: last,
      product_uid: f.check_id,
      ...(f.links[0] ? { src_url: f.links[0] } : {}),
    },
    compliance: {
      status_id: 3,
      status: 'Fail',
      control: f.check_id,
      standards: [ctx.benchmarkTitle],
      requirements: f.requirements,
      ...(f.reason ? { status_detail: f.reason } : {}),
      checks: [{ uid: f.check_id, name: f.title, severity, severity_id: severityId, status: 'Fail', status_id: 3, standards: [ctx.benchmarkId] }],
    },
    cloud: {
      provider: 'AWS',
      account: { uid: f.account_id, type_id: 10, type: 'AWS Account' },
      ...(f.region === 'global' ? {} : { region: f.region }),
      cloud_partition: f.partition,
    },
    resources: [
      {
        uid: f.resource_id ?? `arn:${f.partition}:iam::${f.account_id}:root`,
        cloud_partition: f.partition,
        region: f.region,
        ...(Object.keys(f.evidence).length > 0 ? { data: f.evidence } : {}),
      },
    ],
    ...(f.remediation.length > 0 || f.links.length > 0
      ? { remediation: { desc: f.remediation.join(' ') || f.title, references: f.links } }
      : {}),
  };
}
