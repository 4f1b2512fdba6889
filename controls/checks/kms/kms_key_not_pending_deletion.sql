-- FSBP KMS.3: no customer managed KMS key is scheduled for deletion (key state PendingDeletion, or
-- PendingReplicaDeletion for a multi-Region replica). Once deleted, everything encrypted under the key is lost.
SELECT
  k.arn AS resource_id,
  k.account_id,
  k.region,
  'KMS key ' || k.key_id || ' is scheduled for deletion' || coalesce(' on ' || strftime(k.deletion_date, '%Y-%m-%d'), '')
    || ' (state ' || k.key_state || ')' AS reason,
  k.key_id,
  k.description,
  k.deletion_date
FROM aws_kms_keys k
WHERE k.key_manager = 'CUSTOMER'
  AND k.key_state IN ('PendingDeletion', 'PendingReplicaDeletion')
ORDER BY k.account_id, k.region, k.arn;
