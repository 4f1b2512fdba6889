SELECT t.arn AS resource_id, t.account_id, t.region,
       'Trail ' || t.name || ' does not write signed digest files (log file validation is off)' AS reason,
       t.name AS trail_name
FROM aws_cloudtrail_trails t
WHERE NOT coalesce(t.log_file_validation_enabled, false)
