-- CIS 1.12: credentials unused for 45 days or more are disabled. The logic is shared with FSBP IAM.8 (90 days) in
-- the macro calabi_iam_unused_credentials (schema/sql-objects.ts): a console password counts from its last use,
-- or, never used, from when it was set (else the user's creation); an active key from its last use, or, never
-- used, from its creation. The root user is left to 1.4 and 1.7. Days are counted up to when the data was
-- collected (synced_at), not now: re-evaluating old data gives the same verdict.
SELECT * FROM calabi_iam_unused_credentials(45);
