import { awsIamPasswordPolicies } from '../../../schema/iam.js';
import { awsKmsKeys } from '../../../schema/kms.js';
import { asBool, asInt, knownString, placeholder, RowBuilder, valueOf, type MappedRow, type Mapper } from './common.js';

/**
 * aws_iam_account_password_policy onto aws_iam_password_policies (one per account: the plan's resource is the
 * account's policy), and aws_kms_key onto aws_kms_keys (customer managed, enabled unless is_enabled = false).
 */
export const passwordPolicyMapper: Mapper = {
  tables: [awsIamPasswordPolicies.name],
  types: ['aws_iam_account_password_policy'],
  map(resources, ctx) {
    return resources.map((r) => {
      const b = new RowBuilder(r);
      for (const c of ['minimum_password_length', 'max_password_age', 'password_reuse_prevention']) b.set(c, [c], asInt);
      for (const c of ['require_symbols', 'require_numbers', 'require_uppercase_characters', 'require_lowercase_characters', 'allow_users_to_change_password', 'hard_expiry', 'expire_passwords']) b.set(c, [c], asBool);
      Object.assign(b.row, { configured: true, raw: r.values });
      return { table: awsIamPasswordPolicies.name, resourceId: `arn:${ctx.partition}:iam::${ctx.accountId}:root`, row: b.row, unknown: b.unknown, addresses: [r.address], moduleSource: r.moduleSource } satisfies MappedRow;
    });
  },
};

export const kmsKeyMapper: Mapper = {
  tables: [awsKmsKeys.name],
  types: ['aws_kms_key'],
  map(resources, ctx) {
    return resources.map((r) => {
      const keyId = knownString(r, ['key_id']) ?? placeholder(r);
      const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`;
      const b = new RowBuilder(r).set('description', ['description']).set('rotation_enabled', ['enable_key_rotation'], (v) => asBool(v) ?? false).set('rotation_period_in_days', ['rotation_period_in_days'], asInt);
      const enabled = valueOf(r, ['is_enabled']);
      if (enabled.unknown) b.unknownColumn('key_state').unknownColumn('enabled');
      else Object.assign(b.row, { enabled: enabled.value !== false, key_state: enabled.value === false ? 'Disabled' : 'Enabled' });
      const spec = knownString(r, ['customer_master_key_spec']) ?? knownString(r, ['key_spec']) ?? 'SYMMETRIC_DEFAULT';
      Object.assign(b.row, {
        arn,
        key_id: keyId,
        key_manager: 'CUSTOMER',
        key_spec: spec,
        key_usage: knownString(r, ['key_usage']) ?? 'ENCRYPT_DECRYPT',
        origin: 'AWS_KMS',
        multi_region: asBool(valueOf(r, ['multi_region']).value) ?? false,
        raw: r.values,
      });
      return { table: awsKmsKeys.name, resourceId: arn, row: b.row, unknown: b.unknown, addresses: [r.address], moduleSource: r.moduleSource } satisfies MappedRow;
    });
  },
};
