-- FSBP IAM.8 (Config rule iam-user-unused-credentials-check, maxCredentialUsageAge 90): console passwords and
-- active access keys unused for 90 days or more. Same logic as CIS 1.12 at 45 days, shared in the macro
-- calabi_iam_unused_credentials (schema/sql-objects.ts): a password counts from its last use, or, never used, from
-- when it was set (else the user's creation); an active key from its last use, or, never used, from its creation.
-- The root user is left to the root checks. Days are counted up to synced_at, not now.
SELECT * FROM calabi_iam_unused_credentials(90);
