import { describe, expect, it } from 'vitest';
import { taskLogging } from '../../../sync/dms/task-logging.js';

describe('DMS task logging settings', () => {
  it('reads logging on or off and each component severity, a missing component as NULL', () => {
    expect(taskLogging(JSON.stringify({ Logging: { EnableLogging: false, LogComponents: [{ Id: 'TARGET_LOAD', Severity: 'LOGGER_SEVERITY_ERROR' }] } }))).toEqual({
      logging_enabled: false, source_capture_severity: null, source_unload_severity: null, target_apply_severity: null, target_load_severity: 'LOGGER_SEVERITY_ERROR',
    });
  });

  it('reports nothing, rather than logging off, for settings that are absent, not JSON or without a Logging section', () => {
    for (const s of [undefined, '', 'not json', '{}', '{"Logging":{}}']) {
      expect(taskLogging(s).logging_enabled).toBeNull();
    }
  });
});
