import { benchmarks } from './benchmarks.js';
import { frameworks } from './frameworks.js';
import type { RouteModule } from './deps.js';
import { health } from './health.js';
import { query } from './query.js';
import { scans } from './scans.js';
import { schema } from './schema.js';
import { channels } from './channels.js';
import { exceptions } from './exceptions.js';
import { exportsModule } from './exports.js';
import { history } from './history.js';
import { iac } from './iac.js';
import { plan } from './plan.js';
import { schedules } from './schedules.js';

export type { AppDeps, RouteModule } from './deps.js';

/**
 * Every router the app mounts under /api, one line each. To add routes: write api/routes/<name>.ts exporting a
 * RouteModule (an OpenAPIHono of createRoute declarations) and add it here; /api/openapi.json follows.
 */
export const routeModules: RouteModule[] = [health, benchmarks, scans, query, schema, schedules, channels, exportsModule, history, iac, frameworks, plan, exceptions];
