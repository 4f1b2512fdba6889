import { calendarViews } from './calendars.js';
/**
 * Views and macros that checks may use, (re)created at every open so they always match this release. Each is a
 * `CREATE OR REPLACE` statement that runs as-is in the duckdb shell. Keep them few: a check should read tables.
 *
 * The CIS monitoring requirements (4.1–4.15) share one chain — a compliant trail delivers to a log group, a
 * metric filter on it catches the requirement's events, an alarm on the filter's metric fires on one such event
 * and notifies an SNS topic that someone has confirmed a subscription to. Which requirements a filter catches is
 * decided once, at sync time (aws_logs_metric_filters.covers, by sync/monitoring/coverage.ts); the chain lives
 * here once and each 4.x check passes its requirement key.
 */
/**
 * The CIS monitoring requirement keys, in CIS order (4.1–4.15): the keys of sync/monitoring/requirements, which
 * the schema layer may not import (test/schema/monitoring-keys.test.ts keeps the two lists equal).
 */
export const monitoringRequirementKeys: readonly string[] = [
  'unauthorized_api_calls', 'console_signin_without_mfa', 'root_usage', 'iam_policy_changes', 'cloudtrail_changes',
  'console_auth_failures', 'cmk_disable_or_deletion', 's3_bucket_policy_changes', 'config_changes',
  'security_group_changes', 'nacl_changes', 'network_gateway_changes', 'route_table_changes', 'vpc_changes',
  'organizations_changes',
];

function sqlList(items: readonly string[]): string {
  return `[${items.map((i) => `'${i.replace(/'/g, "''")}'`).join(', ')}]`;
}

export const sqlObjects: readonly string[] = [
  // AWS's published calendars (EKS versions, Lambda runtimes, Fargate platform versions): schema/calendars.ts.
  ...calendarViews,

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
              CASE WHEN t.selectors_source = 'none' THEN 'GetEventSelectors returned no event selector, so it records no events'
                   WHEN t.include_management_events IS NULL THEN 'event selectors unknown'
                   WHEN NOT t.include_management_events THEN 'records no management events'
                   WHEN t.read_write_type IS DISTINCT FROM 'All' THEN 'records ' || t.read_write_type || ' management events only' END,
              CASE WHEN len(coalesce(t.excluded_management_event_sources, []::VARCHAR[])) > 0
                   THEN 'excludes management events of ' || array_to_string(t.excluded_management_event_sources, ', ') END
            ], lambda g: g IS NOT NULL) AS management_gaps
     FROM aws_cloudtrail_trails t
   )`,

  // One row per metric filter and alarm on the metric it publishes (same account, region, namespace and name),
  // with why the alarm would not fire on one matching event (never_fires, NULL when it would) and whether it
  // notifies someone (actions enabled, an action is an SNS topic with a confirmed subscription).
  // One matching event publishes one datapoint of metric_value in one period. The alarm must fire on it and on
  // any larger count: only > / >= comparisons do, with SampleCount 1 or any other statistic equal to the value.
  `CREATE OR REPLACE VIEW calabi_metric_filter_alarms AS
   SELECT a.account_id, a.region, a.filter_id, a.arn AS alarm_arn, a.alarm_name,
          CASE
            WHEN v IS NULL THEN 'publishes ' || coalesce(a.metric_value, 'no value') || ' per event, not a fixed number, so one event may not reach its threshold'
            WHEN v <= 0 THEN 'publishes ' || a.metric_value || ' per event, so matching events never raise the metric'
            WHEN coalesce(json_array_length(a.dimensions), 0) > 0 AND coalesce(len(json_keys(a.metric_dimensions)), 0) = 0
              THEN 'watches dimensions ' || CAST(a.dimensions AS VARCHAR) || ' that the filter does not publish, so it never sees a datapoint'
            WHEN coalesce(len(json_keys(a.metric_dimensions)), 0) > 0
              THEN 'watches a metric the filter publishes per dimension value (' || array_to_string(json_keys(a.metric_dimensions), ', ') || '), so it sees only some of the events'
            WHEN a.unit IS NOT NULL AND a.unit <> coalesce(a.metric_unit, 'None')
              THEN 'asks for unit ' || a.unit || ' but the filter publishes ' || coalesce(a.metric_unit, 'None')
            WHEN a.comparison_operator IS DISTINCT FROM 'GreaterThanThreshold' AND a.comparison_operator IS DISTINCT FROM 'GreaterThanOrEqualToThreshold'
              THEN 'compares with ' || coalesce(a.comparison_operator, 'no operator') || ', so more matching events do not make it fire'
            WHEN a.threshold IS NULL THEN 'has no static threshold, so whether one event breaches it is unknown'
            WHEN single IS NULL THEN 'uses the statistic ' || coalesce(a.statistic, 'none') || ', whose value for one event Calabi cannot tell'
            WHEN NOT (CASE a.comparison_operator WHEN 'GreaterThanThreshold' THEN single > a.threshold ELSE single >= a.threshold END)
              THEN 'gets ' || a.statistic || ' = ' || printf('%g', single) || ' from one event, which is not '
                   || CASE a.comparison_operator WHEN 'GreaterThanThreshold' THEN 'greater than' ELSE 'at least' END
                   || ' its threshold ' || printf('%g', a.threshold)
            WHEN coalesce(a.datapoints_to_alarm, a.evaluation_periods, 1) > 1
              THEN 'needs ' || coalesce(a.datapoints_to_alarm, a.evaluation_periods) || ' breaching periods, and one event breaches one'
            WHEN a.treat_missing_data = 'breaching'
              THEN 'treats missing data as breaching, so it sits in ALARM while nothing happens and a new event changes nothing'
            WHEN NOT coalesce(a.actions_enabled, false) THEN 'has its actions disabled'
          END AS never_fires,
          coalesce(a.actions_enabled, false) AND EXISTS (
            SELECT 1 FROM unnest(a.alarm_actions) AS u(action)
            JOIN aws_sns_subscriptions s ON s.topic_arn = u.action AND s.confirmed
          ) AS notifies
   FROM (
     SELECT f.account_id, f.region, f.filter_id, f.metric_value, f.metric_unit, f.metric_dimensions, v,
            a.arn, a.alarm_name, a.statistic, a.comparison_operator, a.threshold, a.evaluation_periods,
            a.datapoints_to_alarm, a.treat_missing_data, a.unit, a.dimensions, a.actions_enabled, a.alarm_actions,
            CASE WHEN a.statistic = 'SampleCount' THEN 1.0
                 WHEN a.statistic IN ('Sum', 'Average', 'Minimum', 'Maximum') OR regexp_matches(a.statistic, '^p\\d+(\\.\\d+)?$') THEN v
            END AS single
     FROM (SELECT *, try_cast(metric_value AS DOUBLE) AS v FROM aws_logs_metric_filters) f
     JOIN aws_cloudwatch_alarms a
       ON a.account_id = f.account_id AND a.region = f.region AND a.metric_name = f.metric_name AND a.namespace = f.metric_namespace
   ) AS a(account_id, region, filter_id, metric_value, metric_unit, metric_dimensions, v, arn, alarm_name, statistic,
          comparison_operator, threshold, evaluation_periods, datapoints_to_alarm, treat_missing_data, unit, dimensions,
          actions_enabled, alarm_actions, single)`,

  // The failing accounts of every CIS monitoring requirement (monitoring_requirement: a key of
  // sync/monitoring/requirements, listed in monitoringRequirementKeys): every synced account without a chain that
  // tells someone about its events, with the first missing link. Deterministic: every "closest" or "first" is
  // ordered by a total key ending in the filter id or alarm name. One query for all fifteen: the chain's joins
  // are the same for each, and the engine materialises this view once per scan (controls/shared-views.ts)
  // instead of rebuilding it for each 4.x check.
  `CREATE OR REPLACE VIEW calabi_cis_monitoring_chain AS
   WITH requirements AS (
     SELECT unnest(${sqlList(monitoringRequirementKeys)}) AS requirement
   ),
   trails AS (
     SELECT m.account_id,
            count(*) AS trail_count,
            count(*) FILTER (WHERE m.compliant) AS compliant_count,
            count(*) FILTER (WHERE m.compliant AND m.cloudwatch_logs_log_group_arn IS NOT NULL) AS delivering_count,
            list_sort(list(DISTINCT m.cloudwatch_logs_log_group_arn) FILTER (WHERE m.compliant AND m.cloudwatch_logs_log_group_arn IS NOT NULL)) AS log_groups,
            list_sort(list(DISTINCT m.cloudwatch_logs_log_group_arn) FILTER (WHERE m.compliant AND m.cloudwatch_logs_log_group_arn IS NOT NULL AND r.region IS NULL)) AS unscanned_log_groups
     FROM calabi_cloudtrail_management_trails m
     LEFT JOIN aws_regions r
       ON r.account_id = split_part(m.cloudwatch_logs_log_group_arn, ':', 5) AND r.region = split_part(m.cloudwatch_logs_log_group_arn, ':', 4)
     GROUP BY m.account_id
   ),
   log_groups AS (
     SELECT DISTINCT account_id,
            split_part(cloudwatch_logs_log_group_arn, ':', 5) AS group_account,
            split_part(cloudwatch_logs_log_group_arn, ':', 4) AS group_region,
            regexp_extract(cloudwatch_logs_log_group_arn, ':log-group:(.+?)(:\\*)?$', 1) AS group_name
     FROM calabi_cloudtrail_management_trails
     WHERE compliant AND cloudwatch_logs_log_group_arn IS NOT NULL
   ),
   filters AS (
     SELECT k.requirement, g.account_id, f.account_id AS filter_account, f.region, f.filter_id,
            f.metric_namespace || '/' || f.metric_name AS metric,
            coalesce(list_contains(f.covers, k.requirement), false) AS covers,
            f.missed_map[k.requirement] AS missed,
            f.covers IS NULL AS unanalysed, f.pattern_error, f.pattern_syntax, f.matches_routine_traffic
     FROM log_groups g
     -- missed_events parsed once per filter, not once per filter and requirement
     JOIN (SELECT *, CAST(missed_events AS MAP(VARCHAR, VARCHAR[])) AS missed_map FROM aws_logs_metric_filters) f
       ON f.account_id = g.group_account AND f.region = g.group_region AND f.log_group_name = g.group_name
     CROSS JOIN requirements k
   ),
   gaps AS (
     SELECT *,
            CASE WHEN unanalysed THEN 'was synced before Calabi analysed filter patterns; sync again'
                 WHEN pattern_error IS NOT NULL THEN 'is not a valid filter pattern (' || pattern_error || ')'
                 WHEN pattern_syntax = 'space-delimited' THEN 'is a space-delimited pattern, which does not read CloudTrail''s JSON events'
                 WHEN len(coalesce(missed, []::VARCHAR[])) > 0
                   THEN 'does not match ' || array_to_string(list_slice(missed, 1, 5), ', ')
                        || CASE WHEN len(missed) > 5 THEN ' and ' || (len(missed) - 5) || ' more' ELSE '' END
                 WHEN matches_routine_traffic THEN 'also matches routine traffic (successful read calls or console sign-ins with MFA), so an alarm on it sits in ALARM and never notifies'
            END AS gap,
            CASE WHEN unanalysed OR pattern_error IS NOT NULL OR pattern_syntax = 'space-delimited' THEN 1000000
                 ELSE len(coalesce(missed, []::VARCHAR[])) END AS missed_count
     FROM filters
   ),
   per_account AS (
     SELECT requirement, account_id,
            count(*) AS filter_count,
            count(*) FILTER (WHERE covers) AS covering_count,
            arg_min_null({'filter_id': filter_id, 'gap': gap}, (missed_count, filter_id)) AS closest,
            list_sort(list(DISTINCT filter_id) FILTER (WHERE covers)) AS covering_filters,
            list_sort(list(DISTINCT metric) FILTER (WHERE covers)) AS covering_metrics
     FROM gaps
     GROUP BY requirement, account_id
   ),
   chains AS (
     SELECT g.requirement, g.account_id, g.filter_id, m.alarm_name, m.never_fires, m.notifies
     FROM gaps g
     JOIN calabi_metric_filter_alarms m ON m.account_id = g.filter_account AND m.region = g.region AND m.filter_id = g.filter_id
     WHERE g.covers
   ),
   per_account_alarms AS (
     SELECT requirement, account_id,
            list_sort(list(DISTINCT alarm_name)) AS alarms,
            count(*) FILTER (WHERE never_fires IS NULL) AS firing_count,
            count(*) FILTER (WHERE never_fires IS NULL AND notifies) AS notifying_count,
            (list('The alarm ' || alarm_name || ' on the metric of ' || filter_id || ' ' || never_fires ORDER BY alarm_name, filter_id) FILTER (WHERE never_fires IS NOT NULL))[1] AS first_never_fires,
            list_sort(list(DISTINCT alarm_name) FILTER (WHERE never_fires IS NULL)) AS firing_alarms
     FROM chains
     GROUP BY requirement, account_id
   )
   SELECT k.requirement AS monitoring_requirement,
          'arn:' || coalesce(a.partition, split_part(a.arn, ':', 2)) || ':iam::' || a.account_id || ':root' AS resource_id,
          a.account_id, a.region,
          CASE
            WHEN coalesce(t.trail_count, 0) = 0 THEN 'No CloudTrail trail, so no API activity reaches CloudWatch Logs'
            WHEN t.compliant_count = 0 THEN 'No multi-region trail that is logging and records all read and write management events'
            WHEN t.delivering_count = 0 THEN 'No multi-region, logging, all-management-events trail delivers to a CloudWatch Logs group'
            WHEN coalesce(p.filter_count, 0) = 0 AND len(coalesce(t.unscanned_log_groups, []::VARCHAR[])) > 0
                 THEN 'The trail log group ' || array_to_string(t.unscanned_log_groups, ', ')
                      || ' is in an account or region this sync did not cover, so its metric filters are unknown; sync it'
            WHEN coalesce(p.filter_count, 0) = 0 THEN 'The trail log group ' || array_to_string(t.log_groups, ', ') || ' has no metric filter'
            WHEN p.covering_count = 0 THEN 'The closest metric filter on the trail log group, ' || p.closest.filter_id || ', ' || p.closest.gap
            WHEN q.alarms IS NULL THEN 'No CloudWatch alarm watches the metric of the matching filter ('
                 || array_to_string(p.covering_metrics, ', ') || ')'
            WHEN q.firing_count = 0 THEN q.first_never_fires
            ELSE 'No alarm that fires on the matching filter''s metric notifies an SNS topic with a confirmed subscription (alarms: '
                 || array_to_string(q.firing_alarms, ', ') || ')'
          END AS reason,
          t.log_groups AS trail_log_groups,
          p.covering_filters AS matching_filters,
          q.alarms AS matching_alarms
   FROM aws_accounts a
   CROSS JOIN requirements k
   LEFT JOIN trails t ON t.account_id = a.account_id
   LEFT JOIN per_account p ON p.account_id = a.account_id AND p.requirement = k.requirement
   LEFT JOIN per_account_alarms q ON q.account_id = a.account_id AND q.requirement = k.requirement
   WHERE coalesce(q.notifying_count, 0) = 0`,

  // Every inbound security group rule open to the whole internet, one row per rule, read by the FSBP port checks
  // (EC2.14, EC2.18, EC2.19): the source is a /0 block (IPv4 or IPv6) or a managed prefix list holding one; a list
  // whose entries are unknown (not found, or unreadable: the sync recorded an error) counts as open rather than
  // closed. `protocol` reads names and numbers alike: 'all' (-1), 'tcp' (6), 'udp' (17), else as written.
  `CREATE OR REPLACE VIEW calabi_sg_world_ingress_rules AS
   SELECT
     r.account_id, r.region, r.group_id, r.security_group_rule_id,
     coalesce(g.arn, regexp_replace(r.arn, ':security-group-rule/.*$', ':security-group/' || r.group_id)) AS group_arn,
     g.group_name, g.vpc_id,
     CASE WHEN lower(r.ip_protocol) IN ('-1', 'all') THEN 'all' WHEN lower(r.ip_protocol) IN ('tcp', '6') THEN 'tcp'
          WHEN lower(r.ip_protocol) IN ('udp', '17') THEN 'udp' ELSE lower(r.ip_protocol) END AS protocol,
     r.from_port, r.to_port,
     coalesce(r.cidr_ipv4, r.cidr_ipv6, 'prefix list ' || r.prefix_list_id) || ' ' ||
       CASE WHEN lower(r.ip_protocol) IN ('-1', 'all') THEN 'all traffic' ELSE r.ip_protocol || ' ' || r.from_port || '-' || r.to_port END ||
       CASE WHEN r.prefix_list_id IS NOT NULL AND pl.contains_world IS NULL THEN ' (entries unknown)' ELSE '' END AS rule
   FROM aws_ec2_security_group_rules r
   LEFT JOIN aws_ec2_managed_prefix_lists pl
     ON pl.account_id = r.account_id AND pl.region = r.region AND pl.prefix_list_id = r.prefix_list_id
   LEFT JOIN aws_ec2_security_groups g ON g.account_id = r.account_id AND g.region = r.region AND g.group_id = r.group_id
   WHERE NOT r.is_egress
     AND (r.cidr_ipv4 LIKE '%/0' OR r.cidr_ipv6 LIKE '%/0'
          OR (r.prefix_list_id IS NOT NULL AND pl.contains_world IS NOT FALSE))`,

  // IAM user credentials unused for `days` days or more (CIS 1.12 at 45 days, FSBP IAM.8 at 90): a console password
  // counts from its last use, or, never used, from when it was set (else the user's creation); an active access key
  // from its last use, or, never used, from its creation. The root user is left to the root checks. Days are counted
  // up to when the data was collected (synced_at), not now: re-evaluating old data gives the same verdict.
  // Usage: SELECT * FROM calabi_iam_unused_credentials(90)
  `CREATE OR REPLACE MACRO calabi_iam_unused_credentials(days) AS TABLE
   SELECT
     r.arn AS resource_id, r.account_id, r.region,
     CASE
       WHEN r.password_last_used IS NULL THEN 'User ' || r."user" || ' has a console password that was never used, set ' || strftime(coalesce(r.password_last_changed, r.user_creation_time), '%Y-%m-%d') || ' (' || days || ' days or more before ' || strftime(r.synced_at, '%Y-%m-%d') || ')'
       ELSE 'User ' || r."user" || ' has not used its console password since ' || strftime(r.password_last_used, '%Y-%m-%d') || ' (' || days || ' days or more before ' || strftime(r.synced_at, '%Y-%m-%d') || ')'
     END AS reason,
     r."user" AS user_name, 'password' AS credential, r.password_last_used AS last_used
   FROM aws_iam_credential_report r
   WHERE NOT r.is_root
     AND r.password_enabled
     AND coalesce(r.password_last_used, r.password_last_changed, r.user_creation_time) <= r.synced_at - to_days(CAST(days AS INTEGER))
   UNION ALL
   SELECT
     k.access_key_id, k.account_id, k.region,
     CASE
       WHEN k.last_used_date IS NULL THEN 'Access key ' || k.access_key_id || ' of ' || k.user_name || ' is active and was never used since its creation on ' || strftime(k.create_date, '%Y-%m-%d') || ' (' || days || ' days or more before ' || strftime(k.synced_at, '%Y-%m-%d') || ')'
       ELSE 'Access key ' || k.access_key_id || ' of ' || k.user_name || ' is active and unused since ' || strftime(k.last_used_date, '%Y-%m-%d') || ' (' || days || ' days or more before ' || strftime(k.synced_at, '%Y-%m-%d') || ')'
     END,
     k.user_name, 'access key', k.last_used_date
   FROM aws_iam_access_keys k
   WHERE k.status = 'Active'
     AND coalesce(k.last_used_date, k.create_date) <= k.synced_at - to_days(CAST(days AS INTEGER))`,

  // RDS event subscription coverage per account and region for one source type (FSBP RDS.19–.22): whether any
  // subscription concerns it (`existing_only`: those for that source type or for every source type; otherwise any RDS
  // subscription at all), whether one of them is enabled, delivering (status active, creating or modifying), for that
  // source type (or every source type) and sends every required category (an empty category list means every
  // category), and the relevant subscriptions described.
  // Usage: SELECT * FROM calabi_rds_event_subscription_coverage('db-cluster', ['maintenance', 'failure'], true)
  `CREATE OR REPLACE MACRO calabi_rds_event_subscription_coverage(wanted_source, wanted_categories, existing_only) AS TABLE
   WITH subscriptions AS (
     SELECT
       account_id, region, name, source_type, event_categories, enabled, status,
       (NOT existing_only OR source_type = wanted_source OR source_type IS NULL) AS relevant,
       enabled IS TRUE
         AND status IN ('active', 'creating', 'modifying')
         AND (source_type = wanted_source OR source_type IS NULL)
         AND (len(event_categories) = 0 OR list_has_all(list_transform(event_categories, lambda c: lower(c)), wanted_categories)) AS covers
     FROM aws_rds_event_subscriptions
   )
   SELECT
     account_id,
     region,
     bool_or(relevant) AS any_relevant,
     bool_or(covers) AS covered,
     string_agg(
       name || ' (' || coalesce(source_type, 'all source types') || ': '
         || CASE WHEN len(event_categories) = 0 THEN 'all categories' ELSE array_to_string(event_categories, ', ') END
         || CASE WHEN enabled IS TRUE THEN '' ELSE ', disabled' END || ', ' || coalesce(status, 'status unknown') || ')',
       '; ' ORDER BY name
     ) FILTER (WHERE relevant) AS subscriptions
   FROM subscriptions
   GROUP BY account_id, region`,

  // AWS Backup's wildcard as a LIKE pattern (ESCAPE '\\'), made once per selection: `*` in a selection's ARNs
  // (Resources, NotResources) and StringLike values stands for any run of characters, `:` and `/` included; every
  // other character is literal, so LIKE's own `_` and `%` (and the escape character) are escaped first.
  // Case-sensitive, as AWS Backup's matching is.
  `CREATE OR REPLACE MACRO calabi_backup_like(pattern) AS
   replace(replace(replace(replace(pattern, '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '*', '%')`,

  // Each AWS Backup selection parsed once (its JSON tag lists cast, its ARN patterns turned into LIKE patterns, tag
  // keys without the aws:ResourceTag/ prefix, which AWS's examples use or not and no user key can carry: "aws:" keys
  // are reserved), so that matching it against thousands of resources costs list
  // lookups, not a JSON parse per pair. `readable` is false when the selection's contents could not be read.
  `CREATE OR REPLACE VIEW calabi_backup_selections_parsed AS
   SELECT account_id, region, id, selection_name, backup_plan_id,
     (resources IS NOT NULL AND not_resources IS NOT NULL AND list_of_tags IS NOT NULL AND conditions IS NOT NULL) AS readable,
     list_transform(resources, lambda p: {'pattern': calabi_backup_like(p), 'service': string_split(p, ':')[3],
       'resource_part': CASE WHEN len(string_split(p, ':')) >= 6 THEN array_to_string(string_split(p, ':')[6:], ':') END}) AS resource_patterns,
     list_transform(not_resources, lambda p: calabi_backup_like(p)) AS excluded_patterns,
     list_transform(list_filter(CAST(list_of_tags AS STRUCT("ConditionType" VARCHAR, "ConditionKey" VARCHAR, "ConditionValue" VARCHAR)[]),
       lambda c: upper(c.ConditionType) = 'STRINGEQUALS'),
       lambda c: {'key': regexp_replace(c.ConditionKey, '^aws:ResourceTag/', ''), 'value': c.ConditionValue}) AS tags_any,
     (len(resources) = 0 AND json_array_length(list_of_tags) = 0) AS selects_everything,
     list_transform(coalesce(CAST(conditions->'$.StringEquals' AS STRUCT("ConditionKey" VARCHAR, "ConditionValue" VARCHAR)[]), []),
       lambda c: {'key': regexp_replace(c.ConditionKey, '^aws:ResourceTag/', ''), 'value': c.ConditionValue}) AS tags_equal,
     list_transform(coalesce(CAST(conditions->'$.StringLike' AS STRUCT("ConditionKey" VARCHAR, "ConditionValue" VARCHAR)[]), []),
       lambda c: {'key': regexp_replace(c.ConditionKey, '^aws:ResourceTag/', ''), 'value': calabi_backup_like(c.ConditionValue)}) AS tags_like,
     list_transform(coalesce(CAST(conditions->'$.StringNotEquals' AS STRUCT("ConditionKey" VARCHAR, "ConditionValue" VARCHAR)[]), []),
       lambda c: {'key': regexp_replace(c.ConditionKey, '^aws:ResourceTag/', ''), 'value': c.ConditionValue}) AS tags_not_equal,
     list_transform(coalesce(CAST(conditions->'$.StringNotLike' AS STRUCT("ConditionKey" VARCHAR, "ConditionValue" VARCHAR)[]), []),
       lambda c: {'key': regexp_replace(c.ConditionKey, '^aws:ResourceTag/', ''), 'value': calabi_backup_like(c.ConditionValue)}) AS tags_not_like
   FROM aws_backup_selections`,

  // The Resources patterns and ListOfTags entries of each readable selection, one row each. A check joins its
  // resources to these (and to the selections that select everything) to find the few selections that may assign
  // each resource, then judges only those pairs with calabi_backup_assignment: judging every resource against every
  // selection of its region cost a list scan per pair (EC2.28: 180,000 volumes × 10 selections on the bench).
  `CREATE OR REPLACE VIEW calabi_backup_selection_patterns AS
   SELECT account_id, region, id, p.pattern AS pattern
   FROM (SELECT account_id, region, id, unnest(resource_patterns) AS p FROM calabi_backup_selections_parsed WHERE readable)`,
  `CREATE OR REPLACE VIEW calabi_backup_selection_tags AS
   SELECT account_id, region, id, c.key AS key, c.value AS value
   FROM (SELECT account_id, region, id, unnest(tags_any) AS c FROM calabi_backup_selections_parsed WHERE readable)`,

  // Whether one AWS Backup selection (`s`, a row of calabi_backup_selections_parsed) assigns a resource (its ARN and
  // its tags as a MAP, NULL when not read) to its plan, as AWS Backup documents it (API BackupSelection, Conditions,
  // Condition; "Assign resources with AWS CLI"; docs/fsbp.md), in three parts a check combines with the region's
  // opt-in (one evaluation per pair serves both the verdict and the reason):
  // - holds: the selection was read, ALL Conditions hold (StringEquals / StringLike need the tag with that value /
  //   matching pattern; StringNotEquals / StringNotLike hold when the tag is absent or differs / does not match, IAM's
  //   condition semantics, but never on tags that were not read), and no NotResources pattern matches;
  // - by_type: a Resources pattern naming the resource type (service `service`, resource part starting with
  //   `type_prefix`, e.g. arn:aws:ec2:*:*:volume/*) matches: it selects whatever the opt-in;
  // - by_opt_in: a Resources pattern matches (`*`, a service-only pattern), OR a ListOfTags entry (StringEquals; any
  //   one), OR the selection has neither Resources nor ListOfTags: these select only an opted-in type.
  // Assigned: holds AND (by_type OR (opted in AND by_opt_in)). Where ListOfTags and Conditions are both set, the
  // stricter reading is taken (Conditions filter what Resources or ListOfTags include).
  // Usage: calabi_backup_assignment(s, t.arn, CAST(t.tags AS MAP(VARCHAR, VARCHAR)), 'dynamodb', 'table/')
  `CREATE OR REPLACE MACRO calabi_backup_assignment(s, arn, tag_map, service, type_prefix) AS {
     'holds': coalesce(s.readable
       AND len(list_filter(s.tags_equal, lambda c: tag_map[c.key] IS DISTINCT FROM c.value)) = 0
       AND len(list_filter(s.tags_like, lambda c: NOT coalesce(tag_map[c.key] LIKE c.value ESCAPE '\\', false))) = 0
       AND len(list_filter(s.tags_not_equal, lambda c: tag_map IS NULL OR tag_map[c.key] IS NOT DISTINCT FROM c.value)) = 0
       AND len(list_filter(s.tags_not_like, lambda c: tag_map IS NULL OR coalesce(tag_map[c.key] LIKE c.value ESCAPE '\\', false))) = 0
       AND len(list_filter(s.excluded_patterns, lambda p: arn LIKE p ESCAPE '\\')) = 0, false),
     'by_type': coalesce(len(list_filter(s.resource_patterns, lambda p: arn LIKE p.pattern ESCAPE '\\' AND p.service = service AND starts_with(p.resource_part, type_prefix))) > 0, false),
     'by_opt_in': coalesce(len(list_filter(s.resource_patterns, lambda p: arn LIKE p.pattern ESCAPE '\\')) > 0
       OR len(list_filter(s.tags_any, lambda c: tag_map[c.key] = c.value)) > 0
       OR s.selects_everything, false)
   }`,

  // The failing accounts of one CIS monitoring requirement, read from the chain above; a key Calabi does not
  // analyse filters for is an error, not an empty (passing) answer.
  // Usage: SELECT * FROM calabi_cis_monitoring_failures('cloudtrail_changes')
  `CREATE OR REPLACE MACRO calabi_cis_monitoring_failures(requirement_key) AS TABLE
   SELECT c.resource_id, c.account_id, c.region, c.reason, c.trail_log_groups, c.matching_filters, c.matching_alarms
   FROM calabi_cis_monitoring_chain c,
        (SELECT CASE WHEN list_contains(${sqlList(monitoringRequirementKeys)}, requirement_key) THEN true
                     ELSE error('calabi_cis_monitoring_failures: unknown requirement ''' || requirement_key || '''; use one of ${monitoringRequirementKeys.join(', ')}') END) k(known)
   WHERE k.known AND c.monitoring_requirement = requirement_key`,
];
