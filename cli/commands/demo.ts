import type { Command } from 'commander';
import { dbFlagOf } from '../context.js';
import type { RegisterCommand } from './register.js';
import { addServeOptions, openServedDb, serveUntilStopped, serverSettings, startFromFlags, type ServeFlags } from './serve.js';

interface DemoFlags extends ServeFlags {
  serve: boolean;
  benchmark: string;
}

/**
 * `npm start`: no AWS account needed. Loads the bundled sample account, evaluates a benchmark (the newest CIS
 * version; the page's benchmark selector offers the others, each one "Run now" away), serves the dashboard. The database is ./calabi-demo.duckdb unless --db names another (never $CALABI_DB, which may be a
 * real inventory).
 */
export const register: RegisterCommand = (program) => {
  addServeOptions(program.command('demo').description('load the bundled sample account, evaluate CIS AWS 7.0 (the newest) and serve the dashboard (no AWS account needed)'))
    .option('--benchmark <id>', 'benchmark to evaluate', 'cis-aws-7.0')
    .option('--no-serve', 'load and evaluate only')
    .action(async (flags: DemoFlags, cmd: Command) => {
      const settings = serverSettings(flags);
      const path = dbFlagOf(cmd) ?? './calabi-demo.duckdb';
      const { evaluateBenchmark } = await import('../../controls/engine.js');
      const { loadSample } = await import('../../demo/sample.js');
      const db = await openServedDb(path, settings.console.memoryLimit);
      try {
        const { manifest, rows } = await loadSample(db);
        process.stderr.write(`Loaded the sample account ${manifest.account_id} (${rows} rows, ${manifest.tables.length} tables, regions ${manifest.regions.join(', ')}) into ${path}.\n`);
        const report = await evaluateBenchmark({ db, benchmarkId: flags.benchmark, trigger: 'demo' });
        const s = report.summary;
        process.stderr.write(`${report.benchmark.title} ${report.benchmark.version}: score ${s.score ?? '–'}% (${s.pass} pass, ${s.fail} fail, ${s.error} error, ${s.skip} skip, ${s.manual} manual).\n`);
      } catch (error) {
        db.close();
        throw error;
      }
      if (!flags.serve) return db.close();
      let server;
      try {
        server = await startFromFlags(db, flags, { sync: undefined });
      } catch (error) {
        // 8080 taken by something else: the demo should still come up, on any free port.
        if (!(error instanceof Error && /already in use/.test(error.message)) || flags.port !== '8080') {
          db.close();
          throw error;
        }
        process.stderr.write('Port 8080 is in use; picking a free one.\n');
        server = await startFromFlags(db, { ...flags, port: '0' }, { sync: undefined }).catch((e: unknown) => {
          db.close();
          throw e;
        });
      }
      process.stdout.write(`\nCalabi demo: open ${server.url}\n`);
      process.stderr.write('Press Ctrl+C to stop. With an AWS account: calabi scan cis-aws-7.0 && calabi serve\n');
      await serveUntilStopped(server, db);
    });
};
