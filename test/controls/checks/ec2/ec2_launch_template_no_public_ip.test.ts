import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const id = 'ec2_launch_template_no_public_ip';
const lt = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:launch-template/lt-${name}`, launch_template_id: `lt-${name}`, name,
  default_version_number: 3, network_interface_count: 1, public_ip_interfaces: 0, ...extra,
});

describe(id, () => {
  it('fails a template whose default version assigns a public IP, and one whose default version was not read', async () => {
    await seed(db, 'aws_ec2_launch_templates', [
      lt('public', { public_ip_interfaces: 2, network_interface_count: 2 }),
      lt('unread', { public_ip_interfaces: null, network_interface_count: 0 }),
      lt('private'),
    ]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:ec2:us-east-1:111111111111:launch-template/lt-public', 'EC2 launch template public assigns a public IP address to 2 network interface(s) of its default version (v3)'],
      ['arn:aws:ec2:us-east-1:111111111111:launch-template/lt-unread', "EC2 launch template unread did not report its default version's network interfaces"],
    ]);
  });

  it('passes templates that set no public IP, or define no network interface (the subnet decides, as in the Config rule)', async () => {
    await seed(db, 'aws_ec2_launch_templates', [lt('private'), lt('bare', { network_interface_count: 0 })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
