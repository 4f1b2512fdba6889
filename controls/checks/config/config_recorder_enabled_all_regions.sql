-- CIS 3.3: in every scanned region a recorder records all supported resource types including global ones, and
-- is recording. moto keeps last_status PENDING, so only a reported failure is held against a recorder.
-- The region setting's id: arn:<partition>:config:<region>:<account> (docs/resource-ids.md).
SELECT 'arn:' || r.partition || ':config:' || r.region || ':' || r.account_id AS resource_id, r.account_id, r.region,
       CASE
         WHEN count(c.name) = 0 THEN 'No AWS Config recorder in ' || r.region
         ELSE string_agg('Recorder ' || c.name || ' ' || array_to_string(list_filter([
                CASE WHEN NOT coalesce(c.recording, false) THEN 'is not recording' END,
                CASE WHEN NOT coalesce(c.all_supported, false) THEN 'does not record all supported resource types' END,
                CASE WHEN NOT coalesce(c.include_global_resource_types, false) THEN 'does not include global resource types' END,
                CASE WHEN upper(c.last_status) = 'FAILURE' THEN 'failed its last recording (' || coalesce(c.last_error_code, 'no error code') || ')' END
              ], lambda g: g IS NOT NULL), ', '), '; ' ORDER BY c.name)
       END AS reason,
       list(c.name ORDER BY c.name) FILTER (WHERE c.name IS NOT NULL) AS recorders
FROM aws_regions r
LEFT JOIN aws_config_recorders c ON c.account_id = r.account_id AND c.region = r.region
GROUP BY r.partition, r.account_id, r.region
HAVING count(*) FILTER (WHERE c.recording AND c.all_supported AND c.include_global_resource_types
                              AND upper(coalesce(c.last_status, '')) <> 'FAILURE') = 0
