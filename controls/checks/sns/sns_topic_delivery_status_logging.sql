-- FSBP SNS.2: delivery status logging is on for the topic's notification messages: at least one protocol's
-- <Protocol>FailureFeedbackRoleArn is set (the role through which SNS logs failed deliveries; success logging alone
-- does not record the failures the control is about). Attributes not read (NULL) fail: logging cannot be shown.
WITH failure_roles AS (
  SELECT t.arn, list(e.key ORDER BY e.key) AS attributes
  FROM aws_sns_topics t, json_each(t.delivery_status_roles) AS e
  WHERE e.key LIKE '%FailureFeedbackRoleArn' AND coalesce(json_extract_string(e.value, '$'), '') <> ''
  GROUP BY t.arn
)
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  CASE WHEN t.delivery_status_roles IS NULL THEN 'The attributes of SNS topic ' || coalesce(t.name, t.arn) || ' could not be read (sync again)'
       ELSE 'SNS topic ' || coalesce(t.name, t.arn) || ' logs the delivery status of no protocol (no FailureFeedbackRoleArn)' END AS reason,
  t.name AS topic
FROM aws_sns_topics t
LEFT JOIN failure_roles f ON f.arn = t.arn
WHERE f.arn IS NULL
ORDER BY t.account_id, t.region, t.arn;
