/** The logging facts of a replication task's settings document (ReplicationTaskSettings, a JSON string). */
export interface TaskLogging {
  logging_enabled: boolean | null;
  source_capture_severity: string | null;
  source_unload_severity: string | null;
  target_apply_severity: string | null;
  target_load_severity: string | null;
}

const unknown: TaskLogging = {
  logging_enabled: null, source_capture_severity: null, source_unload_severity: null, target_apply_severity: null, target_load_severity: null,
};

/**
 * Reads Logging.EnableLogging and the severity of the four components FSBP DMS.7/.8 judge. Settings that are
 * absent or not JSON leave every fact NULL (not reported), never "logging off".
 */
export function taskLogging(settings: string | undefined): TaskLogging {
  if (!settings) return unknown;
  let doc: { Logging?: { EnableLogging?: unknown; LogComponents?: { Id?: unknown; Severity?: unknown }[] } };
  try {
    doc = JSON.parse(settings);
  } catch {
    return unknown;
  }
  const logging = doc?.Logging;
  if (!logging) return unknown;
  const severity = (id: string) => {
    const c = (Array.isArray(logging.LogComponents) ? logging.LogComponents : []).find((x) => x?.Id === id);
    return typeof c?.Severity === 'string' ? c.Severity : null;
  };
  return {
    logging_enabled: typeof logging.EnableLogging === 'boolean' ? logging.EnableLogging : null,
    source_capture_severity: severity('SOURCE_CAPTURE'),
    source_unload_severity: severity('SOURCE_UNLOAD'),
    target_apply_severity: severity('TARGET_APPLY'),
    target_load_severity: severity('TARGET_LOAD'),
  };
}
