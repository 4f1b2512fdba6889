-- FSBP Lambda.2: every Lambda function deployed as a .zip archive uses a runtime Lambda has not deprecated on the
-- day of the sync (synced_at), read from AWS's runtime calendar as Calabi copied it (calabi_lambda_runtime_calendar,
-- schema/calendars/lambda-runtimes.json). Container images carry their runtime inside the image and are not judged
-- (Security Hub does not evaluate package type Image either). A runtime the copy does not list never passes (a new
-- runtime: update Calabi). Lambda announces a deprecation at least 180 days ahead, so the copy vouches for a
-- runtime only until trusted_until; a later sync fails it until the copy is refreshed.
WITH functions AS (
  SELECT f.*, CAST(f.synced_at AS DATE) AS scan_day FROM aws_lambda_functions f
  WHERE f.package_type IS DISTINCT FROM 'Image'
)
SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  CASE
    WHEN f.runtime IS NULL THEN 'The runtime of Lambda function ' || f.function_name || ' was not reported'
    WHEN r.runtime IS NULL
      THEN 'Lambda function ' || f.function_name || ' uses runtime ' || f.runtime || ', which Calabi''s copy of the Lambda runtime calendar (copied on '
           || strftime((SELECT max(copied_on) FROM calabi_lambda_runtime_calendar), '%Y-%m-%d') || ') does not list; update Calabi to judge it'
    WHEN r.deprecation_date IS NULL
      THEN 'Lambda function ' || f.function_name || ' uses runtime ' || f.runtime || ', which Lambda deprecated before ' || strftime(r.copied_on, '%Y-%m-%d')
    WHEN f.scan_day >= r.deprecation_date
      THEN 'Lambda function ' || f.function_name || ' uses runtime ' || f.runtime || ', which Lambda deprecated on ' || strftime(r.deprecation_date, '%Y-%m-%d')
    ELSE 'Lambda function ' || f.function_name || ' uses runtime ' || f.runtime || ', supported until ' || strftime(r.deprecation_date, '%Y-%m-%d')
         || ' by Calabi''s copy of the Lambda runtime calendar, but that copy (copied on ' || strftime(r.copied_on, '%Y-%m-%d')
         || ') is too old to vouch for it on ' || strftime(f.scan_day, '%Y-%m-%d') || '; update Calabi'
  END AS reason,
  f.function_name,
  f.runtime,
  r.deprecation_date
FROM functions f
LEFT JOIN calabi_lambda_runtime_calendar r ON r.runtime = f.runtime
WHERE r.runtime IS NULL
   OR r.deprecation_date IS NULL
   OR f.scan_day >= r.deprecation_date
   OR f.scan_day > r.trusted_until
ORDER BY f.account_id, f.region, f.arn;
