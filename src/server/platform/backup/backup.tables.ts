import { is, sql, type SQL } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema.js';

/** A table of the app as a backup sees it: its name, primary key and the tables it refers to. */
export type AppTable = {
  name: string;
  /** The table as SQL (schema-qualified when it has a schema). */
  ref: SQL;
  primaryKey: string[];
  references: string[];
};

const qualifiedName = (table: PgTable) => {
  const { name, schema: s } = getTableConfig(table);
  return s ? `${s}.${name}` : name;
};

/**
 * Every table of src/server/db/schema.ts, parents before children (a table comes after every
 * table its foreign keys point to), so rows can be inserted in this order. Derived from the
 * Drizzle tables, so a new module's table is in every backup without a list to update.
 */
export function appTables(): AppTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
  const byName = new Map<string, AppTable>();
  for (const table of tables) {
    const config = getTableConfig(table);
    const name = qualifiedName(table);
    const primaryKey = config.primaryKeys.length
      ? config.primaryKeys[0].columns.map((c) => c.name)
      : config.columns.filter((c) => c.primary).map((c) => c.name);
    if (!primaryKey.length) throw new Error(`Table ${name} has no primary key: a backup reads tables in key order`);
    const references = [...new Set(config.foreignKeys.map((fk) => qualifiedName(fk.reference().foreignTable)))].filter((t) => t !== name);
    const ref = config.schema ? sql`${sql.identifier(config.schema)}.${sql.identifier(config.name)}` : sql`${sql.identifier(config.name)}`;
    byName.set(name, { name, ref, primaryKey, references });
  }

  const ordered: AppTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`Foreign keys form a cycle (${[...path, name].join(' → ')}): no insert order exists`);
    const table = byName.get(name);
    if (!table) throw new Error(`Table ${path.at(-1)} refers to ${name}, which is not in src/server/db/schema.ts`);
    state.set(name, 'visiting');
    for (const parent of table.references) visit(parent, [...path, name]);
    state.set(name, 'done');
    ordered.push(table);
  };
  // Sorted first: a module namespace lists its exports in an order that differs between runtimes.
  for (const name of [...byName.keys()].sort()) visit(name, []);
  return ordered;
}
