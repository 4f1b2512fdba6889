import { GetAccountPasswordPolicyCommand, IAMClient, type PasswordPolicy } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import { awsIamPasswordPolicies } from '../../schema/iam.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';

/** Always one row per account: NoSuchEntity means "no policy set", stored as configured = false. */
export const passwordPolicyCollector: Collector = {
  service: 'iam',
  name: 'password-policy',
  scope: 'global',
  tables: [awsIamPasswordPolicies],
  async collect(ctx) {
    let policy: PasswordPolicy | null;
    try {
      policy = (await ctx.client(IAMClient).send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? null;
    } catch (error) {
      if (!isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) throw error;
      policy = null;
    }
    return { [awsIamPasswordPolicies.name]: [passwordPolicyRow(policy)] };
  },
};

export function passwordPolicyRow(p: PasswordPolicy | null): Row {
  if (!p) return { configured: false, raw: null };
  return {
    configured: true,
    minimum_password_length: p.MinimumPasswordLength ?? null,
    require_symbols: p.RequireSymbols ?? null,
    require_numbers: p.RequireNumbers ?? null,
    require_uppercase_characters: p.RequireUppercaseCharacters ?? null,
    require_lowercase_characters: p.RequireLowercaseCharacters ?? null,
    allow_users_to_change_password: p.AllowUsersToChangePassword ?? null,
    expire_passwords: p.ExpirePasswords ?? null,
    max_password_age: p.MaxPasswordAge ?? null,
    password_reuse_prevention: p.PasswordReusePrevention ?? null,
    hard_expiry: p.HardExpiry ?? null,
    raw: p,
  };
}
