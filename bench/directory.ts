/**
 * Directory benchmark: a city office after ten years (size 1 = 50,000 organisations, 100,000
 * people, 300,000 interactions, 500,000 audit entries): search, lists, a record's detail,
 * timeline and history, and the audit log, through the real HTTP server as a signed-in
 * administrator, and the same SQL run bare on the database; then the main pages' first render
 * in Chromium on that data.
 *
 * "SQL" is the request's own data statements — captured with a Drizzle logger while the server
 * answers the request, so the text and parameters are exactly what the server runs — replayed
 * one after another on one connection (inside a transaction with its SET LOCAL for search, as
 * the server does). The session lookup is not part of "SQL": it is part of the API overhead.
 */
import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { pickText } from '../src/contracts/common/multilingual.js';
import { searchFold } from '../src/contracts/common/transliteration.js';
import { InteractionCreateSchema } from '../src/contracts/interactions.js';
import { OrganizationCreateSchema } from '../src/contracts/organizations.js';
import { PersonCreateSchema } from '../src/contracts/people.js';
import type { Database } from '../src/server/db/client.js';
import { interactions } from '../src/server/modules/interactions/interactions.table.js';
import { auditLog } from '../src/server/platform/audit/audit.table.js';
import { organizationValues } from '../src/server/modules/organizations/organizations.service.js';
import { organizations } from '../src/server/modules/organizations/organizations.table.js';
import { personValues } from '../src/server/modules/people/people.service.js';
import { people } from '../src/server/modules/people/people.table.js';
import type { Client } from '../src/server/test/harness.js';
import { kB, launchChromium, measurePages, type PageCase, type PageResult } from './lib/browser.js';
import { throwIfInterrupted } from './lib/cleanup.js';
import { openBenchDatabase, type BenchDatabase, type Statement } from './lib/databases.js';
import { generateInteractions, generateOrganizations, generatePeople, rng } from './lib/directory-data.js';
import { createUsers, signIn, startBenchServer } from './lib/server.js';
import { int, ms, now, ratio, seconds, summarize, type Summary } from './lib/stats.js';
import type { BenchOptions, BenchReport, Benchmark } from './lib/types.js';

const FULL = { organizations: 50_000, people: 100_000, interactions: 300_000, audit: 500_000 };
const BATCH = 500;
export const OWNERS = 4;

const q = encodeURIComponent;
export type Case = { name: string; path: string; /** Count the session lookup as SQL too (the baseline has nothing else). */ session?: boolean };
export const DIRECTORY_CASES: readonly Case[] = [
  { name: 'baseline: session check', path: `/api/auth/session`, session: true },
  { name: 'search Latin “Zugdidi”', path: `/api/search?q=Zugdidi` },
  { name: 'search Cyrillic “Русе”', path: `/api/search?q=${q('Русе')}` },
  { name: 'search Georgian “თბილისი”', path: `/api/search?q=${q('თბილისი')}` },
  { name: 'search typo “Tbilsi”', path: `/api/search?q=Tbilsi` },
  { name: 'organisations, page 1 (default sort)', path: `/api/organizations?page=1&pageSize=25` },
  { name: 'organisations, q=Kutaisi', path: `/api/organizations?page=1&pageSize=25&q=Kutaisi` },
  { name: 'organisations, kind=embassy', path: `/api/organizations?page=1&pageSize=25&kind=embassy` },
  { name: 'people, page 1', path: `/api/people?page=1` },
  { name: 'people, q=Петров', path: `/api/people?page=1&q=${q('Петров')}` },
];

/** Requests about one record: an organisation with a full timeline, and one of its people. */
function recordCases(rows: Rows): Case[] {
  const timeline = new Map<string, number>();
  for (const e of rows.interactions) if (e.organizationId) timeline.set(e.organizationId, (timeline.get(e.organizationId) ?? 0) + 1);
  const [orgId] = [...timeline.entries()].reduce((best, e) => (e[1] > best[1] ? e : best), ['', -1]);
  const personId = rows.people.find((p) => p.organizationId === orgId)?.id ?? rows.people[0]!.id;
  return [
    { name: 'organisation detail', path: `/api/organizations/${orgId}` },
    { name: 'organisation timeline', path: `/api/interactions?organizationId=${orgId}` },
    { name: 'organisation history', path: `/api/organizations/${orgId}/history` },
    { name: 'person detail', path: `/api/people/${personId}` },
    { name: 'audit log, page 1', path: `/api/audit?page=1` },
    { name: 'audit log, one record', path: `/api/audit?entityType=organization&entityId=${orgId}` },
  ];
}

/** The main pages, first visit of the day (empty cache), and what shows they are ready. */
function pageCases(orgId: string, personId: string): PageCase[] {
  return [
    { name: 'home', path: '/', ready: 'main h1' },
    { name: 'organisations list', path: '/organizations', ready: '[data-testid="organizations-table"] tbody tr' },
    { name: 'people list', path: '/people', ready: '[data-testid="people-table"] tbody tr' },
    { name: 'organisation detail', path: `/organizations/${orgId}`, ready: 'main h1' },
    { name: 'person detail', path: `/people/${personId}`, ready: 'main h1' },
  ];
}

// ---------------------------------------------------------------------------
// Data

export type Rows = {
  organizations: (Omit<typeof organizations.$inferInsert, 'ownerId' | 'createdBy' | 'updatedBy'> & { id: string; owner: number })[];
  people: (Omit<typeof people.$inferInsert, 'ownerId' | 'createdBy' | 'updatedBy'> & { id: string; owner: number })[];
  interactions: (Omit<typeof interactions.$inferInsert, 'createdBy' | 'updatedBy'> & { owner: number })[];
  audit: (Omit<typeof auditLog.$inferInsert, 'actorId' | 'actorName'> & { owner: number })[];
};

/**
 * Ten years of history: creations and edits of organisations, people and interactions, in time
 * order, each with the changed fields before and after, as recordAudit writes them.
 */
function generateAudit(r: ReturnType<typeof rng>, count: number, rows: Omit<Rows, 'audit'>): Rows['audit'] {
  const TEN_YEARS = 10 * 365.25 * 24 * 3600 * 1000;
  const start = Date.now() - TEN_YEARS;
  const out: Rows['audit'] = [];
  for (let i = 0; i < count; i++) {
    const pick = r.next();
    const [entityType, entityId, summary] =
      pick < 0.35
        ? ((o) => ['organization', o.id, pickText(o.name!, 'en')] as const)(rows.organizations[r.int(rows.organizations.length)]!)
        : pick < 0.7
          ? ((p) => ['person', p.id, p.name] as const)(rows.people[r.int(rows.people.length)]!)
          : ['interaction', randomUUID(), rows.interactions.length ? rows.interactions[r.int(rows.interactions.length)]!.subject : 'Meeting'];
    const update = r.chance(0.7);
    out.push({
      at: new Date(start + (TEN_YEARS * i) / count),
      action: update ? 'update' : 'create',
      entityType,
      entityId,
      summary,
      before: update ? { city: 'Ruse', phone: '+359 82 000 000', version: 1 + r.int(5) } : null,
      after: { city: update ? 'Zugdidi' : 'Ruse', phone: '+359 82 111 111', version: 2 + r.int(5) },
      requestId: `bench-${i}`,
      owner: r.int(OWNERS),
    });
  }
  return out;
}

/** Builds every row once, through the services' own value functions, for all databases of the run. */
export function buildRows(size: number): { rows: Rows; ms: number } {
  const t0 = now();
  const r = rng(20260115);
  const count = (n: number) => Math.max(1, Math.round(n * size));
  const orgs = generateOrganizations(r, count(FULL.organizations), OWNERS, randomUUID);
  const persons = generatePeople(r, count(FULL.people), orgs, OWNERS).map((p) => ({ ...p, id: randomUUID() }));
  const peopleByOrg = new Map<string, string[]>();
  for (const p of persons) {
    const orgId = p.input.organizationId;
    if (orgId) peopleByOrg.set(orgId, [...(peopleByOrg.get(orgId) ?? []), p.id]);
  }
  const events = generateInteractions(r, count(FULL.interactions), orgs, (k) => peopleByOrg.get(orgs[k]!.id)?.[0] ?? null, OWNERS);

  const rows: Rows = {
    organizations: orgs.map((o) => ({
      id: o.id,
      ...organizationValues(OrganizationCreateSchema.parse(o.input)),
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      owner: o.owner,
    })),
    people: persons.map((p) => ({ id: p.id, ...personValues(PersonCreateSchema.parse(p.input)), createdAt: p.createdAt, updatedAt: p.updatedAt, owner: p.owner })),
    interactions: events.map((e) => {
      const v = InteractionCreateSchema.parse(e.input);
      return {
        kind: v.kind,
        occurredAt: new Date(v.occurredAt),
        subject: v.subject,
        notes: v.notes,
        organizationId: v.organizationId ?? null,
        personId: v.personId ?? null,
        // As interactions.service.ts computes it.
        searchText: searchFold(`${v.subject} ${v.notes.slice(0, 500)}`),
        owner: e.owner,
      };
    }),
    audit: [],
  };
  rows.audit = generateAudit(r, count(FULL.audit), rows);
  return { rows, ms: now() - t0 };
}

/**
 * One parameterised multi-row INSERT per batch. The column names come from the Drizzle table
 * (never from data) and each value is encoded by its column's own mapToDriverValue, exactly as
 * Drizzle would. (Drizzle's own builder took about as long to build a 1,000-row statement of
 * these wide rows as PGlite took to run it.)
 */
export async function insertAll<T extends Record<string, unknown>>(query: Database['query'], table: PgTable, rows: T[], values: (row: T) => Record<string, unknown>) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(values(rows[0])).filter((k) => columns[k]);
  const head = `INSERT INTO "${getTableName(table)}" (${keys.map((k) => `"${columns[k].name}"`).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += BATCH) {
    throwIfInterrupted();
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(i, i + BATCH)) {
      const v = values(row);
      tuples.push(`(${keys.map((k) => `$${params.push(v[k] === null || v[k] === undefined ? null : columns[k].mapToDriverValue(v[k]))}`).join(', ')})`);
    }
    await query(head + tuples.join(', '), params);
  }
}

export type SeedTimes = { insert: number; indexes: number; analyze: number; sizeBytes: number };

const SEEDED_TABLES = ['organizations', 'people', 'interactions', 'audit_log'];

export async function seed(target: BenchDatabase, rows: Rows, owners: string[], opts: { analyze?: boolean } = {}): Promise<SeedTimes> {
  const t0 = now();
  let t1 = t0;
  await target.runOnOneConnection(async (query) => {
    await query('BEGIN');
    try {
      // Bulk loading is much faster without the secondary indexes (trigram GIN above all):
      // they are dropped here and rebuilt after the load from their own definitions
      // (pg_get_indexdef), so the database ends up exactly as migrated. Constraint indexes stay.
      const { rows: indexes } = await query<{ name: string; def: string }>(
        `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
          WHERE t.relname = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
        [SEEDED_TABLES],
      );
      for (const ix of indexes) await query(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
      await insertAll(query, organizations, rows.organizations, ({ owner, ...v }) => ({ ...v, ownerId: owners[owner], createdBy: owners[owner], updatedBy: owners[owner] }));
      await insertAll(query, people, rows.people, ({ owner, ...v }) => ({ ...v, ownerId: owners[owner], createdBy: owners[owner], updatedBy: owners[owner] }));
      await insertAll(query, interactions, rows.interactions, ({ owner, ...v }) => ({ ...v, createdBy: owners[owner], updatedBy: owners[owner] }));
      await insertAll(query, auditLog, rows.audit, ({ owner, ...v }) => ({ ...v, actorId: owners[owner], actorName: `Specialist ${owner}` }));
      t1 = now();
      for (const ix of indexes) await query(ix.def);
      await query('COMMIT');
    } catch (err) {
      await query('ROLLBACK');
      throw err;
    }
  });
  const t2 = now();
  // Planner statistics and the visibility map, as autovacuum would give a server after a while.
  // (PGlite has no autovacuum: without this it would never get statistics.)
  if (opts.analyze !== false) await target.database.query('VACUUM ANALYZE organizations, people, interactions, audit_log, users');
  const t3 = now();
  return { insert: t1 - t0, indexes: t2 - t1, analyze: t3 - t2, sizeBytes: await target.sizeBytes() };
}

// ---------------------------------------------------------------------------
// Measuring

type StatementResult = { label: string; summary: Summary; rows: number };
export type CaseResult = {
  name: string;
  path: string;
  db: string;
  hits: number;
  /** Size of the answer's body. */
  bytes: number;
  api: Summary;
  sql: Summary;
  statements: StatementResult[];
};

export const isAuth = (s: Statement) => /"sessions"/.test(s.sql);
export const isTxControl = (s: Statement) => /^\s*(begin|commit|rollback)\b/i.test(s.sql);

function describe(sql: string): string {
  if (/^\s*set local/i.test(sql)) return 'SET LOCAL';
  // The table of the outer query: drop parenthesised sub-queries first.
  let outer = sql;
  for (let prev = ''; prev !== outer; ) [prev, outer] = [outer, outer.replace(/\([^()]*\)/g, '')];
  const from = /\bfrom\s+"(\w+)"/i.exec(outer)?.[1] ?? '?';
  if (/^\s*select count\(\*\)/i.test(sql)) return `count(*) ${from}`;
  if (from === 'users') return 'select users (names)';
  return `select ${from}${/\bjoin\b/i.test(sql) ? ' + join' : ''}`;
}

/** A GET as the web app sends it; a JSON answer is parsed, a file (PDF, DOCX) counted in bytes. */
async function timedGet(client: Client, path: string): Promise<{ ms: number; body: unknown; bytes: number }> {
  const t0 = now();
  const res = await fetch(client.base + path, { headers: { cookie: client.cookie, 'accept-language': 'en' } });
  const data = Buffer.from(await res.arrayBuffer());
  const elapsed = now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${data.toString('utf8', 0, 300)}`);
  const json = /json/.test(res.headers.get('content-type') ?? '');
  return { ms: elapsed, body: json ? JSON.parse(data.toString('utf8')) : null, bytes: data.length };
}

/** Search results, a list's total, a calendar's entries; 1 for a record or a file. */
const hitsOf = (body: unknown) => {
  const b = (body ?? {}) as { results?: unknown[]; total?: number; entries?: unknown[] };
  return b.results ? b.results.length : b.entries ? b.entries.length : b.total !== undefined ? Number(b.total) : 1;
};

export async function measureCase(target: BenchDatabase, client: Client, c: Case, opts: BenchOptions): Promise<CaseResult> {
  // Capture the statements this request runs.
  let captured: Statement[] = [];
  target.capture.start();
  let first: Awaited<ReturnType<typeof timedGet>>;
  try {
    first = await timedGet(client, c.path);
  } finally {
    captured = target.capture.stop();
  }
  const data = captured.filter((s) => (c.session || !isAuth(s)) && !isTxControl(s));
  if (data.length === 0) throw new Error(`${c.path}: no statements captured`);
  const inTransaction = data.some((s) => /^\s*set local/i.test(s.sql));

  const rowCounts: number[] = data.map(() => 0);
  const perStatement: number[][] = data.map(() => []);
  const replay = async (record: boolean) => {
    const t0 = now();
    const runAll = async (query: BenchDatabase['database']['query']) => {
      for (const [i, s] of data.entries()) {
        const ts = now();
        const res = await query(s.sql, s.params);
        if (record) perStatement[i].push(now() - ts);
        rowCounts[i] = res.rows.length;
      }
    };
    if (inTransaction) {
      await target.runOnOneConnection(async (query) => {
        await query('BEGIN');
        try {
          await runAll(query);
        } finally {
          await query('COMMIT');
        }
      });
    } else {
      await runAll(target.database.query);
    }
    return now() - t0;
  };

  // Warm up, then size the run to the time budget.
  let warmCost = 0;
  for (let i = 0; i < opts.warmup; i++) {
    throwIfInterrupted();
    warmCost += (await timedGet(client, c.path)).ms;
    warmCost += await replay(false);
  }
  const perIteration = warmCost / Math.max(1, opts.warmup);
  const n = Math.max(opts.minIterations, Math.min(opts.iterations, Math.floor(opts.budgetMs / Math.max(perIteration, 0.001))));

  const api: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < n; i++) {
    throwIfInterrupted();
    // Alternate the order so neither side always runs on the other's warm caches.
    if (i % 2 === 0) {
      api.push((await timedGet(client, c.path)).ms);
      sql.push(await replay(true));
    } else {
      sql.push(await replay(true));
      api.push((await timedGet(client, c.path)).ms);
    }
  }
  return {
    name: c.name,
    path: c.path,
    db: target.label,
    hits: hitsOf(first.body),
    bytes: first.bytes,
    api: summarize(api),
    sql: summarize(sql),
    statements: data.map((s, i) => ({ label: describe(s.sql), summary: summarize(perStatement[i]), rows: rowCounts[i] })),
  };
}

// ---------------------------------------------------------------------------
// The benchmark

type DbRun = { label: string; kind: string; seed: SeedTimes; results: CaseResult[]; pages: PageResult[] };

async function runOn(kind: BenchOptions['dbs'][number], rows: Rows, opts: BenchOptions): Promise<DbRun> {
  opts.log(`[directory] ${kind}: opening a fresh database`);
  const target = await openBenchDatabase(kind);
  try {
    opts.log(`[directory] ${target.label}: creating users and seeding`);
    const owners = await createUsers(target.database, [
      { name: 'Bench Administrator', email: 'admin@bench.legato.local', role: 'administrator' },
      ...Array.from({ length: OWNERS - 1 }, (_, i) => ({ name: `Specialist ${i + 1}`, email: `specialist${i + 1}@bench.legato.local`, role: 'specialist' as const })),
    ]);
    const seedTimes = await seed(target, rows, owners);
    opts.log(`[directory] ${target.label}: inserted in ${seconds(seedTimes.insert)}, indexes rebuilt in ${seconds(seedTimes.indexes)}, VACUUM ANALYZE ${seconds(seedTimes.analyze)}`);
    const server = await startBenchServer(target.database, target.dataDir);
    try {
      const client = await signIn(server.url, 'admin@bench.legato.local');
      const results: CaseResult[] = [];
      for (const c of allCases(rows)) {
        const r = await measureCase(target, client, c, opts);
        opts.log(`[directory] ${target.kind.padEnd(8)} ${c.name.padEnd(38)} API p50 ${ms(r.api.p50)} ms  SQL p50 ${ms(r.sql.p50)} ms  (n=${r.api.n}, hits=${r.hits})`);
        results.push(r);
      }
      const [name, value] = client.cookie.split(/=(.*)/s) as [string, string];
      const browser = await launchChromium();
      let pages: PageResult[];
      try {
        const orgId = /organizations\/([0-9a-f-]{36})$/.exec(recordCases(rows)[0]!.path)![1]!;
        const personId = /people\/([0-9a-f-]{36})$/.exec(recordCases(rows)[3]!.path)![1]!;
        pages = await measurePages(browser, server.url, { name, value }, pageCases(orgId, personId), opts.size < 0.1 ? 2 : 7);
      } finally {
        await browser.close();
      }
      for (const p of pages) opts.log(`[directory] ${target.kind.padEnd(8)} page ${p.name.padEnd(24)} ready p50 ${ms(p.ready.p50)} ms, FCP p50 ${ms(p.fcp.p50)} ms, JS ${kB(p.jsGzip)} gzip`);
      return { label: target.label, kind, seed: seedTimes, results, pages };
    } finally {
      await server.close();
    }
  } finally {
    await target.close();
  }
}

const allCases = (rows: Rows): Case[] => [...DIRECTORY_CASES, ...recordCases(rows)];

function markdown(opts: BenchOptions, rows: Rows, generateMs: number, runs: DbRun[]): string {
  const counts = { organizations: rows.organizations.length, people: rows.people.length, interactions: rows.interactions.length, audit: rows.audit.length };
  const cases = allCases(rows);
  const lines: string[] = [];
  lines.push(`## Directory: search, lists, records, audit log`);
  lines.push('');
  lines.push(
    `Size ${opts.size}: ${int(counts.organizations)} organisations, ${int(counts.people)} people, ${int(counts.interactions)} interactions, ${int(counts.audit)} audit entries ` +
      `(names in Cyrillic, Georgian and Latin), one administrator signed in. Databases: ${runs.map((r) => r.label).join('; ')}.`,
  );
  lines.push('');
  lines.push(
    `Seeding: ${int(counts.organizations + counts.people + counts.interactions + counts.audit)} rows, built once for all databases in ${seconds(generateMs)} ` +
      `with the services' own value functions (organizationValues, personValues, searchFold), then loaded in one transaction ` +
      `with parameterised multi-row INSERTs of ${int(BATCH)} rows, secondary indexes dropped during the load and rebuilt from their definitions:`,
  );
  lines.push('');
  lines.push('| Database | INSERT | Rebuild indexes | VACUUM ANALYZE | Seeding total (incl. building rows) | Database size |');
  lines.push('|---|--:|--:|--:|--:|--:|');
  for (const r of runs) {
    const total = generateMs + r.seed.insert + r.seed.indexes + r.seed.analyze;
    lines.push(`| ${r.label} | ${seconds(r.seed.insert)} | ${seconds(r.seed.indexes)} | ${seconds(r.seed.analyze)} | ${seconds(total)} | ${(r.seed.sizeBytes / 1024 / 1024).toFixed(0)} MB |`);
  }
  lines.push('');
  lines.push('Requests (ms; API = HTTP request through the real server and back, SQL = the same statements run bare; ratio = API p50 / SQL p50):');
  lines.push('');
  lines.push('| Request | Database | Hits | n | API p50 | API p95 | SQL p50 | SQL p95 | API / SQL |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const [i, c] of cases.entries()) {
    for (const run of runs) {
      const r = run.results[i];
      lines.push(`| ${c.name} | ${run.kind} | ${int(r.hits)} | ${r.api.n} | ${ms(r.api.p50)} | ${ms(r.api.p95)} | ${ms(r.sql.p50)} | ${ms(r.sql.p95)} | ${ratio(r.api.p50, r.sql.p50)} |`);
    }
  }
  lines.push('');
  lines.push('Statements of each request (bare, ms):');
  lines.push('');
  lines.push('| Request | Database | Statement | Rows | p50 | p95 |');
  lines.push('|---|---|---|--:|--:|--:|');
  for (const [i, c] of cases.entries()) {
    for (const run of runs) {
      for (const s of run.results[i].statements) {
        lines.push(`| ${c.name} | ${run.kind} | ${s.label} | ${int(s.rows)} | ${ms(s.summary.p50)} | ${ms(s.summary.p95)} |`);
      }
    }
  }
  lines.push('');
  lines.push(
    'How: each request was sent once with a Drizzle logger recording the statements the server ran; ' +
      'those statements (all but the session lookup, which counts as API overhead; the baseline has only that one) were then replayed with the same text and parameters ' +
      'through `Database.query`, one after another (search: on one connection, inside BEGIN … COMMIT with its SET LOCAL, as the server does). ' +
      `After ${opts.warmup} warm-up rounds, API and SQL were timed alternately, up to ${opts.iterations} times each ` +
      `(fewer, but at least ${opts.minIterations}, when one round is slow: about ${Math.round(opts.budgetMs / 1000)} s per request and database; n is in the table). ` +
      'The server runs a list\'s rows and count queries concurrently (on PostgreSQL on two connections); the SQL column adds them up.',
  );
  lines.push('');
  lines.push('### First render of the main pages in Chromium, on this data');
  lines.push('');
  lines.push(
    'Each page loaded in a fresh browser context (empty cache, session cookie already set), Debian Chromium headless on the same machine as the server; ' +
      '"ready" = navigation start → the page\'s content visible (the first table row, or the record\'s heading); FCP = First Contentful Paint; JS = gzip size of the JavaScript files the page fetched (ms):',
  );
  lines.push('');
  lines.push('| Page | Database | n | Ready p50 | Ready p95 | FCP p50 | JS files | JS (gzip) |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|');
  for (const [i, p] of (runs[0]?.pages ?? []).entries()) {
    for (const run of runs) {
      const r = run.pages[i]!;
      lines.push(`| ${p.name} | ${run.kind} | ${r.ready.n} | ${ms(r.ready.p50)} | ${ms(r.ready.p95)} | ${ms(r.fcp.p50)} | ${r.jsFiles} | ${kB(r.jsGzip)} |`);
    }
  }
  return lines.join('\n');
}

export const directoryBenchmark: Benchmark = {
  name: 'directory',
  description: 'Search and organisation/people lists on a large multilingual directory',
  async run(opts: BenchOptions): Promise<BenchReport> {
    opts.log(`[directory] building rows (size ${opts.size})`);
    const { rows, ms: generateMs } = buildRows(opts.size);
    opts.log(`[directory] built ${int(rows.organizations.length)} organisations, ${int(rows.people.length)} people, ${int(rows.interactions.length)} interactions, ${int(rows.audit.length)} audit entries in ${seconds(generateMs)}`);
    const runs: DbRun[] = [];
    for (const kind of opts.dbs) runs.push(await runOn(kind, rows, opts));
    return { title: 'Directory', markdown: markdown(opts, rows, generateMs, runs) };
  },
};
