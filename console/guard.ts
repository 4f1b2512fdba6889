/**
 * The statement guard moved to schema/sql-guard.ts so the engine (controls/) can run custom checks through it
 * without importing from the API layer; the console keeps importing it from here.
 */
export {
  ConsoleError,
  fileReadingFunctions,
  hostFunctions,
  prepareReadOnly,
  refusedFunctions,
  sqlError,
  visibleSettings,
  type GuardSubject,
} from '../schema/sql-guard.js';
