import { describe, expect, it } from 'vitest';
import { services } from '../../sync/collectors.js';
import { serviceNames } from '../../sync/service-names.js';

// Interim: sync/service-names.ts lets `calabi sync --help` list services without loading the SDK clients; this
// test and that file go when the service registry (sync/services.ts, branch `registry`) lands.
describe('the services sync --help lists', () => {
  it('are exactly the services the collectors collect, in their order', () => {
    expect(serviceNames).toEqual(services);
  });
});
