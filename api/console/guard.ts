/**
 * The statement guard moved to schema/sql-guard.ts so the engine (controls/) can run custom checks through it
 * without importing from the API layer; the console keeps importing it from here.
 */
export { ConsoleError, prepareReadOnly, refusedFunctions, sqlError } from '../../schema/sql-guard.js';
