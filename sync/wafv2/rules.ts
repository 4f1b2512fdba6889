import type { Rule, VisibilityConfig } from '@aws-sdk/client-wafv2';

/** The columns both web ACLs and rule groups have about their rules and CloudWatch metrics. */
export function rulesColumns(rules: Rule[] | undefined, visibility: VisibilityConfig | undefined) {
  const list = rules ?? [];
  return {
    rule_count: list.length,
    metrics_enabled: visibility?.CloudWatchMetricsEnabled ?? null,
    rules_without_metrics: list.filter((r) => r.VisibilityConfig?.CloudWatchMetricsEnabled !== true).map((r) => r.Name ?? '(unnamed)'),
  };
}
