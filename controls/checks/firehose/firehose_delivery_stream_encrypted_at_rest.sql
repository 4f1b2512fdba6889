-- Where a Firehose stream keeps data at rest decides what must be encrypted. Server-side encryption can be turned on
-- only for a DirectPut stream (StartDeliveryStreamEncryption refuses other sources): there it must be ENABLED
-- (ENABLING does not yet encrypt every record). A stream reading a Kinesis data stream stores nothing at rest itself:
-- the data stays in that stream, which must be KMS-encrypted; a source stream not in the inventory (another account,
-- or not synced) cannot be shown encrypted and fails. MSK always encrypts its data at rest, so an MSK-sourced stream
-- passes. Any other source is judged by Firehose's own encryption status; not reported fails.
SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  CASE
    WHEN f.stream_type = 'KinesisStreamAsSource' AND k.arn IS NULL
      THEN 'Firehose stream ' || f.name || ' reads Kinesis stream ' || coalesce(f.source_stream_arn, '(not reported)') || ', which is not in the inventory: its encryption at rest cannot be shown (sync that account and region)'
    WHEN f.stream_type = 'KinesisStreamAsSource'
      THEN 'Firehose stream ' || f.name || ' keeps its data in Kinesis stream ' || k.name || ', which is not encrypted at rest (encryption ' || coalesce(k.encryption_type, 'not reported') || ')'
    WHEN f.encryption_status IS NULL
      THEN 'The server-side encryption of Firehose stream ' || f.name || ' was not reported: it cannot be shown encrypted (sync again)'
    ELSE 'Firehose stream ' || f.name || ' is not encrypted at rest (server-side encryption ' || f.encryption_status || ')'
  END AS reason,
  f.name AS delivery_stream,
  f.stream_type,
  f.encryption_status,
  f.source_stream_arn
FROM aws_firehose_delivery_streams f
LEFT JOIN aws_kinesis_streams k ON k.arn = f.source_stream_arn
WHERE CASE
  WHEN f.stream_type = 'KinesisStreamAsSource' THEN k.encryption_type IS DISTINCT FROM 'KMS'
  WHEN f.stream_type = 'MSKAsSource' THEN false
  ELSE f.encryption_status IS DISTINCT FROM 'ENABLED'
END
ORDER BY f.account_id, f.region, f.name;
