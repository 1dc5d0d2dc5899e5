import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_STATUS } from '../../contracts/common/problems.js';
import { buildOrganization, buildPerson, startServer, type Res, type TestServer } from '../test/harness.js';
import { keepSignedIn, recordFactories, signIn, type Account, type Factory, type Made } from './factories.js';
import { databaseFingerprint } from './fingerprint.js';
import { STATE_CHANGING, deref, kindOf, operationsOf, recordPath, requestUrl, sample, type Document, type Operation, type Schema } from './openapi.js';
import {
  BODY_PAYLOADS,
  BOOLEAN_PAYLOADS,
  ID_PAYLOADS,
  NUMBER_PAYLOADS,
  OBJECT_PAYLOADS,
  PARAM_PAYLOADS,
  RECORD_PAYLOADS,
  STRING_PAYLOADS,
  Deck,
  arrayPayloads,
  seededRandom,
  type Payload,
  type Payloads,
} from './payloads.js';

/**
 * Every operation of the OpenAPI document, fuzzed from its schema by an administrator (the role
 * that may do the most) with a valid CSRF token. Each body field gets a value of the wrong type
 * and a hostile value of its own type; each required field is left out once; query parameters
 * and record ids get hostile text; whole bodies are replaced by hostile JSON. Which hostile
 * value goes where is a seeded shuffle, dealt round so that every payload is sent somewhere.
 * The server must never answer 5xx, must answer every refusal as problem+json with a `code`,
 * and a refused state-changing request must leave every table as it was.
 * FUZZ_SEED picks another sample; FUZZ_PER_FIELD sends more hostile values per field.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const PER_FIELD = Number(process.env.FUZZ_PER_FIELD ?? 1);

// Started while the file is collected: there is one test per operation of the document.
const s: TestServer = await startServer();
const doc: Document = (await s.client().get('/api/openapi.json')).body;
const operations: Operation[] = operationsOf(doc);
const factories: Record<string, Factory> = recordFactories(s);
let admin: Account;
let victim: Account;
let linked: Record<string, Made>;
const versions = new Map<string, number>();
let caseCount = 0;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** What the fields, parameters and ids of every operation will draw from: one deck per kind. */
const decks = (() => {
  const placeholder = { requiredOnly: false, uuid: () => randomUUID(), number: () => 1 };
  const fieldKinds = operations.flatMap((op) => (op.body ? fieldsOf(op.body, sample(doc, op.body, placeholder)).map((f) => deckKind(f.schema)) : []));
  const count = (kind: string) => fieldKinds.filter((k) => k === kind).length;
  const random = seededRandom(SEED);
  const out = new Map<string, Deck>();
  for (const kind of ['string', 'number', 'boolean', 'array', 'object', 'record'] as const) {
    const { wrong, hostile } = payloadsOfKind(kind, 'x');
    out.set(`${kind} of the wrong type`, new Deck(wrong, random, count(kind), 1));
    out.set(`hostile ${kind}`, new Deck(hostile, random, count(kind), PER_FIELD));
  }
  const params = operations.flatMap((op) => op.parameters.filter((p) => p.in === 'query'));
  out.set('query parameter', new Deck(PARAM_PAYLOADS, random, params.length, PER_FIELD + 1));
  out.set('whole body', new Deck(BODY_PAYLOADS, random, operations.filter((o) => STATE_CHANGING.has(o.method)).length, 3));
  out.set('record id', new Deck(ID_PAYLOADS, random, operations.filter((o) => o.resource).length, 3));
  return out;
})();

beforeAll(async () => {
  admin = await signIn(s, 'administrator', 'fuzzer');
  victim = await signIn(s, 'specialist', 'victim');
  linked = { organizationId: await recordOf('organizations'), personId: await recordOf('people'), visitId: await recordOf('visits') };
});
afterAll(() => s.close());

/** A record for a route to act on: someone else's if the administrator sees it, else their own. */
async function recordOf(resource: string): Promise<Made> {
  const f = factories[resource];
  if (!f) throw new Error(`No record factory for /api/${resource}: add one to src/server/security/factories.ts`);
  const theirs = await f.make(victim, false);
  const record = f.visibleTo(admin, theirs) ? theirs : await f.make(admin, false);
  versions.set(record.id, 1);
  return record;
}

type Case = { label: string; url: string; body?: string; contentType?: string };

/** A placeholder for raw JSON text: JSON.stringify cannot write NaN or a literal __proto__ key. */
const RAW = '\u0001raw\u0001';
const RAW_JSON = JSON.stringify(RAW);

function encode(value: unknown, rawText?: string): string {
  const json = JSON.stringify(value) ?? '';
  return rawText === undefined ? json : json.replace(RAW_JSON, () => rawText);
}

const put = (p: Payload) => (p.raw !== undefined ? RAW : p.value);

function setAt(target: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const root = structuredClone(target) as Record<string | number, unknown>;
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return root;
}

const getAt = (value: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);

type Field = { path: (string | number)[]; schema: Schema; required: boolean };

/** Every field of a body, down through objects, the first item of arrays and record entries. */
function fieldsOf(schema: Schema, value: unknown, path: (string | number)[] = []): Field[] {
  const s = deref(doc, schema);
  const out: Field[] = [];
  const kind = kindOf(s);
  if (kind === 'object' && value && typeof value === 'object') {
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      out.push({ path: [...path, key], schema: prop, required: !!s.required?.includes(key) });
      out.push(...fieldsOf(prop, (value as Record<string, unknown>)[key], [...path, key]));
    }
  } else if (kind === 'array' && Array.isArray(value) && value.length > 0 && s.items) {
    out.push({ path: [...path, 0], schema: s.items, required: false }, ...fieldsOf(s.items, value[0], [...path, 0]));
  } else if (kind === 'record' && value && typeof value === 'object' && typeof s.additionalProperties === 'object') {
    for (const key of Object.keys(value)) {
      out.push({ path: [...path, key], schema: s.additionalProperties, required: false });
      out.push(...fieldsOf(s.additionalProperties, (value as Record<string, unknown>)[key], [...path, key]));
    }
  }
  return out;
}

type DeckKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'record';

function deckKind(schema: Schema): DeckKind {
  const kind = kindOf(deref(doc, schema));
  return kind === 'any' ? 'string' : kind;
}

/** The payloads for a field of one kind; an array's are built from the item it holds. */
function payloadsOfKind(kind: DeckKind, item: unknown): Payloads {
  switch (kind) {
    case 'array':
      return arrayPayloads(item);
    case 'number':
      return NUMBER_PAYLOADS;
    case 'boolean':
      return BOOLEAN_PAYLOADS;
    case 'object':
      return OBJECT_PAYLOADS;
    case 'record':
      return RECORD_PAYLOADS;
    default:
      return STRING_PAYLOADS;
  }
}

/**
 * The cases of one operation, each a change to a valid-looking request built from its schema.
 * Each case is built just before it is sent: versions move on when a change is accepted.
 */
async function casesOf(op: Operation): Promise<(() => Case)[]> {
  const target = op.resource ? await recordOf(op.resource) : null;
  const other = op.resource && op.body && JSON.stringify(op.body).includes('otherId') ? await recordOf(op.resource) : null;
  const choose = {
    requiredOnly: false,
    uuid: (name: string) => (name === 'otherId' ? other?.id : name === 'actorId' ? admin.id : (linked[name]?.id ?? target?.id)) ?? randomUUID(),
    number: (name: string, schema: Schema) =>
      name === 'version' && target
        ? (versions.get(target.id) ?? 1)
        : name === 'otherVersion' && other
          ? (versions.get(other.id) ?? 1)
          : Math.min(schema.maximum ?? 1, Math.max(schema.minimum ?? 1, 1)),
  };
  const base = () => {
    const query: Record<string, string | string[]> = {};
    for (const p of op.parameters.filter((p) => p.in === 'query' && p.required)) query[p.name] = String(sample(doc, p.schema, choose, p.name));
    return { query, path: recordPath(op, target?.id ?? ''), body: op.body ? sample(doc, op.body, choose) : undefined };
  };
  type Base = ReturnType<typeof base>;
  const make = (label: string, change: (b: Base) => { body?: unknown; raw?: string; query?: Base['query']; path?: Base['path'] }, contentType?: string) => () => {
    const b = base();
    const c = change(b);
    const body = 'body' in c || c.raw !== undefined ? c.body : b.body;
    return {
      label,
      url: requestUrl(op, c.path ?? b.path, c.query ?? b.query),
      body: body === undefined && c.raw === undefined ? undefined : encode(body, c.raw),
      contentType,
    };
  };
  const cases: (() => Case)[] = [];

  if (op.body) {
    for (const f of fieldsOf(op.body, base().body)) {
      const kind = deckKind(f.schema);
      for (const { label } of [...decks.get(`${kind} of the wrong type`)!.draw(), ...decks.get(`hostile ${kind}`)!.draw()]) {
        cases.push(
          make(`${f.path.join('.')} = ${label}`, (b) => {
            const current = getAt(b.body, f.path);
            const { wrong, hostile } = payloadsOfKind(kind, Array.isArray(current) && current.length > 0 ? current[0] : 'x');
            const p = [...wrong, ...hostile].find((one) => one.label === label)!;
            return { body: setAt(b.body, f.path, put(p)), raw: p.raw };
          }),
        );
      }
      if (f.required) cases.push(make(`${f.path.join('.')} missing`, (b) => ({ body: setAt(b.body, f.path, undefined, true) })));
    }
    cases.push(make('unknown extra field', (b) => ({ body: { ...(b.body as object), zzUnknown: 1 } })));
    cases.push(make('JSON sent as text/plain', () => ({}), 'text/plain'));
  }
  // Whole bodies, on every state-changing route (a stray body where none is expected).
  if (STATE_CHANGING.has(op.method)) {
    for (const p of decks.get('whole body')!.draw()) cases.push(make(`body = ${p.label}`, () => ({ body: put(p), raw: p.raw })));
  }
  const params = op.parameters.filter((p) => p.in === 'query');
  for (const param of params) {
    for (const p of decks.get('query parameter')!.draw()) {
      cases.push(make(`?${param.name} = ${p.label}`, (b) => ({ query: { ...b.query, [param.name]: p.value as string | string[] } })));
    }
  }
  if (params.length === 0) cases.push(make('unexpected query parameters', () => ({ query: { zz: 'x', '__proto__[polluted]': '1', 'constructor[prototype][polluted]': '1' } })));
  if (target) {
    for (const p of decks.get('record id')!.draw()) cases.push(make(`{${op.recordParam}} = ${p.label}`, () => ({ path: recordPath(op, p.value as string) })));
  }
  return cases;
}

type Failure = { case: string; status: number; problem: string };

async function run(op: Operation, c: Case, before: Record<string, string> | null): Promise<{ res: Res; failure: Failure | null }> {
  const headers: Record<string, string> = c.body !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {};
  const res = await admin.client.request(op.method, c.url, c.body, headers);
  const fail = (problem: string) => ({ res, failure: { case: c.label, status: res.status, problem } });
  if (res.status >= 500) return fail(`server error: ${res.text.slice(0, 200)}`);
  if (res.status >= 400) {
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/problem+json')) return fail(`not problem+json: ${type}`);
    if (!(res.body?.code in PROBLEM_STATUS)) return fail(`no known code: ${res.text.slice(0, 200)}`);
    if (before) {
      const after = await databaseFingerprint(s.database);
      const changed = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
      if (changed.length) return fail(`refused (${res.body.code}) but changed ${changed.join(', ')}`);
    }
  }
  return { res, failure: null };
}

async function fuzz(op: Operation): Promise<Failure[]> {
  const failures: Failure[] = [];
  const cases = await casesOf(op);
  caseCount += cases.length;
  expect(cases.length).toBeGreaterThan(0);
  const writing = STATE_CHANGING.has(op.method);
  let before: Record<string, string> | null = null;
  for (const build of cases) {
    const c = build();
    if (writing) before ??= await databaseFingerprint(s.database);
    const { res, failure } = await run(op, c, writing ? before : null);
    if (failure) failures.push(failure);
    if (res.status < 400) {
      before = null; // accepted: the database may have changed
      if (res.body && typeof res.body === 'object' && typeof res.body.id === 'string' && typeof res.body.version === 'number') versions.set(res.body.id, res.body.version);
      if (writing) await keepSignedIn(s, admin); // the change may have ended the session (sign out)
    }
  }
  return failures;
}

describe('the oracle', () => {
  it('the database fingerprint notices a change to one row, and leaves out sessions and rate limits', async () => {
    const before = await databaseFingerprint(s.database);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['users', 'organizations', 'people', 'interactions', 'imports', 'audit_log']));
    expect(Object.keys(before)).not.toContain('sessions');
    expect(Object.keys(before)).not.toContain('rate_limits');
    const id = linked.organizationId.id;
    await s.database.query(`UPDATE organizations SET notes = notes || '.' WHERE id = $1`, [id]);
    const changed = await databaseFingerprint(s.database);
    expect(Object.keys(before).filter((t) => before[t] !== changed[t])).toEqual(['organizations']);
    await s.database.query(`UPDATE organizations SET notes = left(notes, -1) WHERE id = $1`, [id]);
    expect(await databaseFingerprint(s.database)).toEqual(before);
  });
});

describe('text PostgreSQL cannot store is refused with a field error', () => {
  it('a NUL byte in a body field: 400 validation naming the field, in the caller\'s language', async () => {
    for (const [locale, word] of [['en', 'cannot be saved'], ['bg', 'не могат да бъдат записани'], ['ka', 'შენახვა შეუძლებელია']]) {
      const res = await admin.client.request('POST', '/api/organizations', JSON.stringify(buildOrganization({ notes: 'before\u0000after' })), {
        'content-type': 'application/json',
        'x-legato-locale': locale,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation');
      expect(res.body.fields).toEqual([{ path: 'notes', reason: 'invalid_characters', message: expect.stringContaining(word) }]);
    }
  });

  it('NUL in nested fields, keys and query parameters, and lone surrogates anywhere, are refused the same way', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/organizations', buildOrganization({ name: { original: 'en', values: { en: 'Ruse\u0000' } } }), 'name.values.en'],
      ['POST', '/api/people', buildPerson({ formOfAddress: { 'e\u0000': 'x' } }), 'formOfAddress.e\u0000'],
      ['POST', '/api/people', buildPerson({ name: 'Half \ud800 a character' }), 'name'],
      ['GET', '/api/audit?entityType=a%00b', undefined, 'querystring.entityType'],
    ];
    for (const [method, url, body, path] of cases) {
      const res = await admin.client.request(method, url, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : { 'content-type': 'application/json' });
      expect({ url, status: res.status, fields: res.body.fields }).toEqual({ url, status: 400, fields: [expect.objectContaining({ path, reason: 'invalid_characters' })] });
    }
  });
});

describe('every operation, fuzzed from its schema', () => {
  it('the document lists the operations to fuzz', () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  for (const op of operations) {
    it(op.label, async () => {
      const failures = await fuzz(op);
      expect({ operation: op.label, failures }).toEqual({ operation: op.label, failures: [] });
    });
  }

  it('every payload was sent somewhere', () => {
    expect(caseCount).toBeGreaterThan(operations.length * 5);
    const undealt = [...decks].flatMap(([kind, deck]) => deck.undealt.map((label) => `${kind}: ${label}`));
    expect(undealt).toEqual([]);
  });

  it('no request polluted Object.prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('stored text is data, never markup or a formula', () => {
  const scripts = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '</script><script>alert(document.cookie)</script>', 'javascript:alert(1)'];

  it('script payloads come back byte-identical, as escaped JSON strings', async () => {
    for (const text of scripts) {
      const created = await admin.client.post('/api/organizations', buildOrganization({ name: { original: 'en', values: { en: text } }, city: text, notes: text, tags: [text.slice(0, 50)] }));
      expect(created.status).toBe(201);
      const res = await admin.client.get(`/api/organizations/${created.body.id}`);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect([res.body.name.values.en, res.body.city, res.body.notes, res.body.tags[0]]).toEqual([text, text, text, text.slice(0, 50)]);
      expect(res.text).toContain(JSON.stringify(text).slice(1, -1));
      const person = await admin.client.post('/api/people', buildPerson({ name: text, notes: text }));
      expect(person.status).toBe(201);
      expect((await admin.client.get(`/api/people/${person.body.id}`)).body).toMatchObject({ name: text, notes: text });
    }
  });

  it('exports neutralise cells that a spreadsheet would run as a formula (= + - @)', async () => {
    const formulas = ['=HYPERLINK("http://example.org/x","click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1'];
    const marker = `Formula test ${randomUUID().slice(0, 8)}`;
    for (const f of formulas) {
      const res = await admin.client.post('/api/organizations', buildOrganization({ name: { original: 'en', values: { en: `${f}` } }, shortName: f.slice(0, 60), city: f, notes: f, tags: [marker] }));
      expect(res.status).toBe(201);
    }
    const csv = await admin.client.get(`/api/organizations/export?format=csv&tag=${encodeURIComponent(marker)}`);
    expect(csv.status).toBe(200);
    const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(formulas.length);
    const dangerous = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(dangerous).toEqual([]);
    expect(rows.flat()).toContain(`'${formulas[0]}`);

    const xlsx = await fetch(`${s.url}/api/organizations/export?format=xlsx&tag=${encodeURIComponent(marker)}`, { headers: { cookie: admin.client.cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || /^[=+\-@\t\r]/.test(String(c.value ?? '')))).toEqual([]);
  });
});
