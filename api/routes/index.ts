import { benchmarks } from './benchmarks.js';
import type { RouteModule } from './deps.js';
import { health } from './health.js';
import { query } from './query.js';
import { scans } from './scans.js';
import { schema } from './schema.js';
import { channels } from './channels.js';
import { exportsModule } from './exports.js';
import { history } from './history.js';
import { iac } from './iac.js';
import { schedules } from './schedules.js';

export type { AppDeps, OpenApiPaths, RouteModule } from './deps.js';

/**
 * Every router the app mounts under /api, one line each. To add routes: write api/routes/<name>.ts exporting a
 * RouteModule (its Hono router and its OpenAPI paths) and add it here.
 */
export const routeModules: RouteModule[] = [health, benchmarks, scans, query, schema, schedules, channels, exportsModule, history, iac];
