-- CIS 3.6: customer-managed symmetric keys rotate. Only enabled keys with KMS-generated material can rotate
-- automatically; asymmetric, HMAC, imported and custom-key-store keys are out of scope.
SELECT k.arn AS resource_id, k.account_id, k.region,
       CASE WHEN k.rotation_enabled IS NULL THEN 'Rotation status of key ' || k.key_id || ' was not collected'
            ELSE 'Automatic rotation is off for customer-managed key ' || k.key_id END AS reason,
       k.key_id, k.description
FROM aws_kms_keys k
WHERE k.key_manager = 'CUSTOMER' AND k.key_spec = 'SYMMETRIC_DEFAULT' AND k.key_state = 'Enabled'
  AND coalesce(k.origin, 'AWS_KMS') = 'AWS_KMS'
  AND NOT coalesce(k.rotation_enabled, false)
