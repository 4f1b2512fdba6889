import { describe, expect, it } from 'vitest';
import { commandOf, commandsFor } from '../../cli/commands/index.js';

describe('loading only the command that runs', () => {
  it('finds the command after global options, skipping the value of --db', () => {
    expect(commandOf(['--db', 'evaluate', 'sync', '--regions', 'eu-west-1'])).toBe('sync');
    expect(commandOf(['--json-logs', 'evaluate', 'cis-aws-3.0'])).toBe('evaluate');
  });

  it('loads every command for help, no command, or a name it does not know', async () => {
    const all = (await commandsFor(['--help'])).length;
    expect(all).toBeGreaterThan(10);
    expect(commandOf([])).toBeNull();
    expect(commandOf(['evaluat'])).toBeNull();
    expect(await commandsFor(['evaluat'])).toHaveLength(all);
  });

  it('loads one command for that command, and none for --version', async () => {
    expect(await commandsFor(['query', 'SELECT 1'])).toHaveLength(1);
    expect(await commandsFor(['--version'])).toHaveLength(0);
  });
});
