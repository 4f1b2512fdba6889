/**
 * Views and macros that checks may use, (re)created at every open so they always match this release. Each is a
 * `CREATE OR REPLACE` statement that runs as-is in the duckdb shell. Keep them few: a check should read tables.
 *
 * The CIS monitoring requirements (4.1–4.15) share one chain — a compliant trail delivers to a log group, a
 * metric filter on it covers the required terms, an alarm watches the filter's metric and notifies an SNS topic
 * that someone has confirmed a subscription to. The chain lives here once; each 4.x check passes its terms.
 */
export const sqlObjects: readonly string[] = [
  // A CloudWatch Logs filter pattern with white space and both quote styles removed, so `$.eventName = "X"`,
  // `$.eventName=X` and `$.eventName = 'X'` compare equal.
  `CREATE OR REPLACE MACRO calabi_normalise_filter_pattern(pattern) AS
     regexp_replace(coalesce(pattern, ''), '[\\s"'']', '', 'g')`,

  // True when the pattern contains the term as a whole comparison: `$.eventName=CreatePolicy` is not found in
  // `$.eventName=CreatePolicyVersion` nor in the wildcard `$.eventName=CreatePolicy*`.
  `CREATE OR REPLACE MACRO calabi_filter_pattern_has(pattern, term) AS
     regexp_matches(calabi_normalise_filter_pattern(pattern),
                    regexp_escape(calabi_normalise_filter_pattern(term)) || '([^A-Za-z0-9_*]|$)')`,

  // True when two event-name equalities are joined by &&: a log event has one eventName, so such a pattern
  // never matches although it names every required event.
  `CREATE OR REPLACE MACRO calabi_filter_pattern_contradicts(pattern) AS
     regexp_matches(calabi_normalise_filter_pattern(pattern), '\\$\\.eventName=[A-Za-z0-9_*]+\\)*&&\\(*\\$\\.eventName=')`,

  // Every trail with what keeps it from being the trail CIS 3.1 asks for (multi-region, logging, all read and
  // write management events, no event source left out); compliant when nothing does.
  `CREATE OR REPLACE VIEW calabi_cloudtrail_management_trails AS
   SELECT *, len(management_gaps) = 0 AS compliant
   FROM (
     SELECT t.account_id, t.region, t.arn, t.name, t.is_multi_region, t.is_logging, t.include_management_events,
            t.read_write_type, t.excluded_management_event_sources, t.cloudwatch_logs_log_group_arn,
            list_filter([
              CASE WHEN NOT coalesce(t.is_multi_region, false) THEN 'single-region' END,
              CASE WHEN t.is_logging IS NULL THEN 'logging status unknown'
                   WHEN NOT t.is_logging THEN 'not logging' END,
              CASE WHEN NOT coalesce(t.include_management_events, false) THEN 'records no management events'
                   WHEN t.read_write_type IS DISTINCT FROM 'All' THEN 'records ' || t.read_write_type || ' management events only' END,
              CASE WHEN len(coalesce(t.excluded_management_event_sources, []::VARCHAR[])) > 0
                   THEN 'excludes management events of ' || array_to_string(t.excluded_management_event_sources, ', ') END
            ], lambda g: g IS NOT NULL) AS management_gaps
     FROM aws_cloudtrail_trails t
   )`,

  // One row per metric filter on the log group of a compliant trail, with the alarms on its metric and those
  // alarms that can notify someone (actions enabled, an action is an SNS topic with a confirmed subscription).
  `CREATE OR REPLACE VIEW calabi_cloudtrail_metric_filters AS
   WITH trails AS (
     SELECT account_id, arn AS trail_arn, name AS trail_name,
            split_part(cloudwatch_logs_log_group_arn, ':', 4) AS log_group_region,
            split_part(cloudwatch_logs_log_group_arn, ':', 5) AS log_group_account,
            regexp_extract(cloudwatch_logs_log_group_arn, ':log-group:(.+?)(:\\*)?$', 1) AS log_group_name
     FROM calabi_cloudtrail_management_trails
     WHERE compliant AND cloudwatch_logs_log_group_arn IS NOT NULL
   ),
   alarms AS (
     SELECT a.account_id, a.region, a.alarm_name, a.metric_name, a.namespace,
            coalesce(a.actions_enabled, false) AND EXISTS (
              SELECT 1 FROM unnest(a.alarm_actions) AS u(action)
              JOIN aws_sns_subscriptions s ON s.topic_arn = u.action AND s.confirmed
            ) AS notifies
     FROM aws_cloudwatch_alarms a
   )
   SELECT t.account_id, t.trail_arn, t.trail_name, f.region, f.log_group_name, f.filter_id, f.filter_name,
          f.filter_pattern, f.metric_name, f.metric_namespace,
          coalesce(list(DISTINCT a.alarm_name) FILTER (WHERE a.alarm_name IS NOT NULL), []::VARCHAR[]) AS alarms,
          coalesce(list(DISTINCT a.alarm_name) FILTER (WHERE a.notifies), []::VARCHAR[]) AS notifying_alarms
   FROM trails t
   JOIN aws_logs_metric_filters f
     ON f.account_id = t.log_group_account AND f.region = t.log_group_region AND f.log_group_name = t.log_group_name
   LEFT JOIN alarms a
     ON a.account_id = f.account_id AND a.region = f.region AND a.metric_name = f.metric_name AND a.namespace = f.metric_namespace
   GROUP BY ALL`,

  // The failing accounts of one CIS monitoring requirement: every synced account without an alarmed, subscribed
  // metric filter covering all of required_terms on a compliant trail's log group, with the first missing link.
  // Usage: SELECT * FROM calabi_cis_monitoring_failures(['$.eventName = CreateTrail', ...])
  `CREATE OR REPLACE MACRO calabi_cis_monitoring_failures(required_terms) AS TABLE
   WITH terms AS (
     SELECT term, calabi_normalise_filter_pattern(term) AS norm_term FROM (SELECT DISTINCT unnest(required_terms) AS term)
   ),
   trails AS (
     SELECT m.account_id,
            count(*) AS trail_count,
            count(*) FILTER (WHERE m.compliant) AS compliant_count,
            count(*) FILTER (WHERE m.compliant AND m.cloudwatch_logs_log_group_arn IS NOT NULL) AS delivering_count,
            list(DISTINCT m.cloudwatch_logs_log_group_arn) FILTER (WHERE m.compliant AND m.cloudwatch_logs_log_group_arn IS NOT NULL) AS log_groups,
            list(DISTINCT m.cloudwatch_logs_log_group_arn) FILTER (WHERE m.compliant AND m.cloudwatch_logs_log_group_arn IS NOT NULL AND r.region IS NULL) AS unscanned_log_groups
     FROM calabi_cloudtrail_management_trails m
     LEFT JOIN aws_regions r
       ON r.account_id = split_part(m.cloudwatch_logs_log_group_arn, ':', 5) AND r.region = split_part(m.cloudwatch_logs_log_group_arn, ':', 4)
     GROUP BY m.account_id
   ),
   filters AS (
     SELECT f.account_id, f.filter_id, f.metric_namespace || '/' || f.metric_name AS metric, f.alarms, f.notifying_alarms,
            list(t.term ORDER BY t.term) FILTER (WHERE NOT list_contains(f.tokens, t.norm_term)) AS missing,
            f.contradicts
     -- Each pattern is normalised and split into its comparisons once, not once per term: a regex built from
     -- the term per row (calabi_filter_pattern_has) compiled 72k times on 4,000 filters (8 s of the 1M bench).
     -- A whole comparison must match, so CreatePolicy still does not match CreatePolicyVersion or CreatePolicy*.
     FROM (SELECT *, regexp_split_to_array(calabi_normalise_filter_pattern(filter_pattern), '[(){}|&]+') AS tokens,
                  calabi_filter_pattern_contradicts(filter_pattern) AS contradicts
           FROM calabi_cloudtrail_metric_filters) f CROSS JOIN terms t
     GROUP BY ALL
   ),
   scored AS (
     SELECT *, missing IS NULL AND NOT contradicts AS covers FROM filters
   ),
   per_account AS (
     SELECT account_id,
            count(*) AS filter_count,
            count(*) FILTER (WHERE covers) AS covering_count,
            count(*) FILTER (WHERE covers AND len(alarms) > 0) AS alarmed_count,
            count(*) FILTER (WHERE covers AND len(notifying_alarms) > 0) AS notifying_count,
            arg_min(filter_id, len(coalesce(missing, []::VARCHAR[]))) AS closest_filter,
            arg_min(missing, len(coalesce(missing, []::VARCHAR[]))) AS closest_missing,
            list(filter_id ORDER BY filter_id) FILTER (WHERE covers) AS covering_filters,
            list(metric ORDER BY metric) FILTER (WHERE covers) AS covering_metrics,
            flatten(list(alarms) FILTER (WHERE covers)) AS covering_alarms
     FROM scored
     GROUP BY account_id
   )
   SELECT a.account_id AS resource_id, a.account_id, a.region,
          CASE
            WHEN coalesce(t.trail_count, 0) = 0 THEN 'No CloudTrail trail, so no API activity reaches CloudWatch Logs'
            WHEN t.compliant_count = 0 THEN 'No multi-region trail that is logging and records all read and write management events'
            WHEN t.delivering_count = 0 THEN 'No multi-region, logging, all-management-events trail delivers to a CloudWatch Logs group'
            WHEN coalesce(p.filter_count, 0) = 0 AND len(coalesce(t.unscanned_log_groups, []::VARCHAR[])) > 0
                 THEN 'The trail log group ' || array_to_string(t.unscanned_log_groups, ', ')
                      || ' is in an account or region this sync did not cover, so its metric filters are unknown; sync it'
            WHEN coalesce(p.filter_count, 0) = 0 THEN 'The trail log group ' || array_to_string(t.log_groups, ', ') || ' has no metric filter'
            WHEN p.covering_count = 0 AND p.closest_missing IS NULL THEN 'The metric filter ' || p.closest_filter
                 || ' names every required term but joins event names with &&, so it never matches'
            WHEN p.covering_count = 0 THEN 'No metric filter on the trail log group covers every required term; the closest, '
                 || p.closest_filter || ', lacks ' || array_to_string(p.closest_missing, ', ')
            WHEN p.alarmed_count = 0 THEN 'No CloudWatch alarm watches the metric of the matching filter ('
                 || array_to_string(p.covering_metrics, ', ') || ')'
            ELSE 'No alarm on the matching filter''s metric notifies an SNS topic with a confirmed subscription (alarms: '
                 || array_to_string(p.covering_alarms, ', ') || ')'
          END AS reason,
          t.log_groups AS trail_log_groups,
          p.covering_filters AS matching_filters,
          p.covering_alarms AS matching_alarms
   FROM aws_accounts a
   LEFT JOIN trails t ON t.account_id = a.account_id
   LEFT JOIN per_account p ON p.account_id = a.account_id
   WHERE coalesce(p.notifying_count, 0) = 0`,
];
