import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../lib/package-root.js';
import { tables as coreTables } from '../../schema/core.js';
import { inventoryTables } from '../../schema/inventory.js';
import { SyncSetupError } from '../../sync/errors.js';
import { loadCollectors, requiredActions, services } from '../../sync/services.js';

describe('the service registry', () => {
  it("loads collectors that declare their entry's service and scope and fill exactly its tables", async () => {
    for (const s of services) {
      const { collectors } = await s.load();
      expect(collectors.length, s.name).toBeGreaterThan(0);
      for (const c of collectors) expect({ service: c.service, scope: c.scope }, `${s.name}/${c.name}`).toEqual({ service: s.name, scope: s.scope });
      const filled = collectors.flatMap((c) => c.tables.map((t) => t.name)).sort();
      expect(filled, s.name).toEqual(s.tables.map((t) => t.name).sort());
    }
  });

  it('gives every inventory table but the sync’s own facts to exactly one service', () => {
    const owned = services.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(owned).size).toBe(owned.length);
    const core = coreTables.map((t) => t.name);
    expect([...owned, ...core].sort()).toEqual(inventoryTables.map((t) => t.name).sort());
  });

  it("matches the README's least-privilege policy to the actions the registry declares", () => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const policy = /"Sid": "CalabiReadOnly",[\s\S]*?"Action": \[([\s\S]*?)\]/.exec(readme);
    expect(policy, 'the README policy block').not.toBeNull();
    const listed = [...policy![1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(listed).size, 'an action listed twice in the README').toBe(listed.length);
    expect([...listed].sort()).toEqual(requiredActions().sort());
  });

  it('loads only the named services, and refuses an unknown one naming the valid ones', async () => {
    const collectors = await loadCollectors(['sqs', 'eks']);
    expect(new Set(collectors.map((c) => c.service))).toEqual(new Set(['sqs', 'eks']));
    await expect(loadCollectors(['sqs', 'ec3'])).rejects.toThrow(SyncSetupError);
    await expect(loadCollectors(['ec3'])).rejects.toThrow(/unknown service: ec3\. Valid services: .*acm.*sqs/);
  });
});
