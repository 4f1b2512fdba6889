-- FSBP StepFunctions.1: any level but OFF (the control's default minimum).
SELECT
  m.arn AS resource_id,
  m.account_id,
  m.region,
  'Step Functions state machine ' || m.name || CASE WHEN m.log_level IS NULL THEN ' did not report its logging configuration'
    ELSE ' has logging off' END AS reason,
  m.name AS state_machine_name,
  m.type
FROM aws_stepfunctions_state_machines m
WHERE m.log_level IS NULL OR m.log_level NOT IN ('ALL', 'ERROR', 'FATAL')
ORDER BY m.account_id, m.region, m.arn;
