import type { Database } from '../db/client.js';

/** Tables a refused request may still change: its session's last use and the rate-limit counters. */
const VOLATILE = new Set(['sessions', 'rate_limits']);

/**
 * A fingerprint of the whole database: for each table, its row count and an md5 of its rows in
 * primary-key order. Two equal fingerprints mean no row was added, removed or changed.
 */
export async function databaseFingerprint(database: Database): Promise<Record<string, string>> {
  const query = await fingerprintQuery(database);
  const { rows } = await database.query<{ name: string; fp: string }>(query);
  return Object.fromEntries(rows.map((r) => [r.name, r.fp]));
}

const queries = new WeakMap<Database, Promise<string>>();

function fingerprintQuery(database: Database): Promise<string> {
  let q = queries.get(database);
  if (!q) {
    q = (async () => {
      const { rows } = await database.query<{ name: string; pk: string | null }>(`
        SELECT c.relname AS name,
               (SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
                  FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                 WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
         ORDER BY c.relname`);
      const parts = rows
        .filter((r) => !VOLATILE.has(r.name))
        .map((r) => {
          const table = `"${r.name.replace(/"/g, '""')}"`;
          const order = r.pk ?? 't::text';
          return `SELECT '${r.name}' AS name, (SELECT count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY ${order})), '') FROM ${table} t) AS fp`;
        });
      if (parts.length < 5) throw new Error(`fingerprint: expected the application's tables, found ${rows.map((r) => r.name).join(', ')}`);
      return parts.join('\nUNION ALL\n');
    })();
    queries.set(database, q);
  }
  return q;
}
