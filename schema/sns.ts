import type { TableDef } from './table.js';

export const tables: TableDef[] = [];
