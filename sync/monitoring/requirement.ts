import type { SampleEvent } from './cloudtrail-event.js';

/**
 * One CIS monitoring requirement as data: the CloudTrail events its audit text says the metric filter must
 * catch. A filter covers the requirement when its pattern matches every one of them.
 */
export interface MonitoringRequirement {
  /** Stored in aws_logs_metric_filters.covers; the check passes it to calabi_cis_monitoring_failures. */
  key: string;
  /** The check that judges it. */
  checkId: string;
  /** Where CIS states it: v3.0.0 and v1.4.0/v1.5.0 number these 4.1–4.15. */
  cis: string;
  events: SampleEvent[];
}
