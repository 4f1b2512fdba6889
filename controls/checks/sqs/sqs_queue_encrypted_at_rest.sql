-- FSBP SQS.1: every SQS queue is encrypted at rest, with SQS-managed keys (SSE-SQS) or a KMS key (SSE-KMS).
-- A queue reporting neither fails; so does one whose attributes could not be read (its scope is in error).
SELECT
  q.arn AS resource_id,
  q.account_id,
  q.region,
  'SQS queue ' || q.name || ' is not encrypted at rest (neither SSE-SQS nor a KMS key)' AS reason,
  q.name AS queue_name,
  q.sqs_managed_sse_enabled,
  q.kms_master_key_id
FROM aws_sqs_queues q
WHERE q.kms_master_key_id IS NULL
  AND q.sqs_managed_sse_enabled IS NOT TRUE
ORDER BY q.account_id, q.region, q.arn;
