import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can, type Permission, type Role } from '../../contracts/common/permissions.js';
import { startServer, type Res, type TestServer } from '../test/harness.js';
import { CONFIDENTIAL_WORD, anonymous, keepSignedIn, recordFactories, signIn, type Account, type Factory, type Made } from './factories.js';
import { KNOWN_ACCESS, STATE_CHANGING, deref, operationsOf, recordPath, requestUrl, sample, servedApiRoutes, type Document, type Operation } from './openapi.js';

/**
 * The authorisation matrix, generated from the OpenAPI document: every operation is called by
 * every role (and by an anonymous caller), on records the caller owns and on records of someone
 * else, confidential or not, and each answer is compared with the permission table and the
 * confidentiality rule. Record routes send a probe that changes nothing (a version nobody has),
 * so the record-level check runs without altering the records the next call uses.
 */
let s: TestServer;
let doc: Document;
let operations: Operation[];
let factories: Record<string, Factory>;
const accounts = new Map<Role, Account>();
let anon: Account;
/** Records by module: each role's own (plain, confidential), and a stranger's. */
const records = new Map<string, { own: Map<string, Made[]>; others: Made[]; partner: Made }>();
const called = new Set<string>();

beforeAll(async () => {
  s = await startServer();
  doc = (await s.client().get('/api/openapi.json')).body;
  operations = operationsOf(doc);
  factories = recordFactories(s);
  for (const role of ROLES) accounts.set(role, await signIn(s, role));
  anon = anonymous(s);
  const stranger = await signIn(s, 'specialist', 'stranger');
  const resources = new Set(operations.map((o) => o.resource).filter((r): r is string => !!r && !!factories[r]));
  for (const resource of resources) {
    const f = factories[resource];
    const variants = f.confidential ? [false, true] : [false];
    const own = new Map<string, Made[]>();
    for (const account of accounts.values()) {
      own.set(account.id, await Promise.all(variants.map((c) => f.make(account, c))));
    }
    const others = await Promise.all(variants.map((c) => f.make(stranger, c)));
    // The second record a merge names: one everybody sees.
    const partner = resource === 'users' ? others[0] : await f.make(stranger, false);
    records.set(resource, { own, others, partner });
  }
});
afterAll(() => s?.close());

type Expected = 'allowed' | 'forbidden' | 'hidden' | 'unauthenticated';

function expectation(op: Operation, account: Account, target: Made | null): Expected {
  if (op.permission === 'public') return 'allowed';
  if (!account.role) return 'unauthenticated';
  if (op.permission !== 'authenticated' && !can(account.role, op.permission as Permission)) return 'forbidden';
  if (target && op.resource && !factories[op.resource].visibleTo(account, target)) return 'hidden';
  return 'allowed';
}

function agrees(expected: Expected, res: Res): boolean {
  if (res.status >= 500) return false;
  switch (expected) {
    case 'allowed':
      return ![401, 403, 404].includes(res.status);
    case 'forbidden':
      return res.status === 403 && res.body?.code === 'forbidden';
    case 'hidden':
      return res.status === 404 && res.body?.code === 'not_found';
    case 'unauthenticated':
      return res.status === 401 && res.body?.code === 'unauthenticated';
  }
}

/**
 * The request: on a record route, the required fields only, with a version nobody has and the
 * partner record for any other id (a merge); elsewhere, no parameters and an empty body.
 */
function probe(op: Operation, target: Made | null): { url: string; body: unknown } {
  if (!target || !op.resource) return { url: op.path, body: STATE_CHANGING.has(op.method) ? {} : undefined };
  const partner = records.get(op.resource)!.partner;
  const choose = {
    requiredOnly: true,
    uuid: () => partner.id,
    number: (_: string, schema: { maximum?: number }) => Math.min(999_999, schema.maximum ?? 999_999),
  };
  const query: Record<string, string> = {};
  for (const p of op.parameters.filter((p) => p.in === 'query' && p.required)) query[p.name] = String(sample(doc, p.schema, choose, p.name));
  const url = requestUrl(op, recordPath(op, target.id), query);
  return { url, body: op.body ? sample(doc, op.body, choose) : STATE_CHANGING.has(op.method) ? {} : undefined };
}

/**
 * The caller's own records and a stranger's, plain and confidential. When the permission table
 * already refuses the route, the record cannot matter: one own and one other record are enough.
 */
function targets(op: Operation, account: Account): (Made | null)[] {
  if (!op.resource) return [null];
  const r = records.get(op.resource);
  if (!r) return [];
  const own = r.own.get(account.id) ?? [];
  const refused = !account.role || (op.permission !== 'authenticated' && op.permission !== 'public' && !can(account.role, op.permission as Permission));
  return refused ? [own[0], r.others[r.others.length - 1]].filter((m): m is Made => !!m) : [...own, ...r.others];
}

async function runMatrix(account: Account) {
  const mismatches: { call: string; record: string; expected: Expected; got: string }[] = [];
  for (const op of operations) {
    for (const target of targets(op, account)) {
      const { url, body } = probe(op, target);
      const res = await account.client.request(op.method, url, body);
      called.add(`${account.role ?? 'anonymous'} ${op.label}`);
      const expected = expectation(op, account, target);
      if (!agrees(expected, res)) {
        mismatches.push({ call: `${op.method} ${url}`, record: target?.label ?? '-', expected, got: `${res.status} ${res.body?.code ?? ''}`.trim() });
      }
      if (STATE_CHANGING.has(op.method) && res.status < 300) await keepSignedIn(s, account);
    }
  }
  return mismatches;
}

describe('the permission table covers the API', () => {
  it('every operation in the document names a permission from the table, or public/authenticated', () => {
    const unknown = operations.filter((o) => !KNOWN_ACCESS.has(o.permission)).map((o) => `${o.label}: x-permission ${o.permission}`);
    expect(unknown).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  it('every route the server answers under /api/ is in the document (nothing hidden from these tests)', () => {
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    // The document itself is the one hidden route; it must stay public and harmless.
    const served = servedApiRoutes(s.app).filter((r) => !r.path.startsWith('/api/docs') && r.path !== '/api/openapi.json');
    expect(served.length).toBeGreaterThanOrEqual(operations.length);
    expect(served.map((r) => `${r.method} ${r.path}`).filter((r) => !documented.has(r))).toEqual([]);
  });

  it('every module with record routes has a record factory (add one to src/server/security/factories.ts)', () => {
    const missing = [...new Set(operations.filter((o) => o.resource && !factories[o.resource]).map((o) => o.resource))];
    expect(missing, `no record factory for: ${missing.join(', ')} — add one to src/server/security/factories.ts`).toEqual([]);
    // A record route names one record: /api/<resource>/{id}… (or a public link's {token}), whose factory makes it.
    const nested = operations.filter((o) => o.resource && o.parameters.filter((p) => p.in === 'path').length > 1);
    expect(nested.map((o) => `${o.label}: more than one path parameter needs a factory that knows them`)).toEqual([]);
  });

  it('a module whose records carry `confidential` has a factory that makes confidential records', () => {
    const lacking = [...records.keys()].filter((resource) => {
      const get = operations.find((o) => o.method === 'GET' && o.path === `/api/${resource}/{id}`);
      const schema = get && (doc.paths[get.path].get.responses as Record<string, { content?: Record<string, { schema: object }> }>)?.['200']?.content?.['application/json']?.schema;
      return schema && deref(doc, schema).properties?.confidential && !factories[resource].confidential;
    });
    expect(lacking).toEqual([]);
  });
});

describe('every route × every role × own and other records', () => {
  // The roles run side by side (each on its own session, with probes that change nothing).
  const results = new Map<string, Awaited<ReturnType<typeof runMatrix>>>();
  beforeAll(async () => {
    const all = [...accounts.values(), anon];
    await Promise.all(all.map(async (a) => results.set(a.role ?? 'anonymous', await runMatrix(a))));
  });

  for (const role of ROLES) {
    it(`${role}: answers as the permission table and the confidentiality rule say`, () => {
      expect(results.get(role)).toEqual([]);
    });
  }

  it('anonymous: only public routes answer, everything else is 401', () => {
    expect(results.get('anonymous')).toEqual([]);
  });

  it('called every operation as every role and as nobody', () => {
    const missing = [...ROLES, 'anonymous'].flatMap((who) => operations.map((o) => `${who} ${o.label}`)).filter((c) => !called.has(c));
    expect(missing).toEqual([]);
  });
});

/**
 * Lists, search, duplicates and exports filter rows rather than answering 404: every collection
 * a role may read is asked for the confidential records by name, and must not return one the
 * role may not see.
 */
describe('collections never reveal a record the caller may not see', () => {
  const allRecords = () => [...records.entries()].flatMap(([resource, r]) => [...[...r.own.values()].flat(), ...r.others].map((m) => ({ resource, m })));
  const collections = () => operations.filter((o) => o.method === 'GET' && !o.resource && o.permission !== 'public');

  /** No filter, then each text filter on its own set to the word every confidential name carries. */
  function queries(op: Operation): string[] {
    const size = op.parameters.find((p) => p.in === 'query' && p.name === 'pageSize')?.schema;
    const base: Record<string, string> = size?.maximum ? { pageSize: String(size.maximum) } : {};
    const texts = op.parameters.filter((p) => p.in === 'query' && deref(doc, p.schema).type === 'string' && !deref(doc, p.schema).enum && !deref(doc, p.schema).format);
    return [requestUrl(op, {}, base), ...texts.map((p) => requestUrl(op, {}, { ...base, [p.name]: CONFIDENTIAL_WORD }))];
  }

  async function seenBy(account: Account) {
    let seen = '';
    for (const op of collections()) {
      if (op.permission !== 'authenticated' && !can(account.role, op.permission as Permission)) continue;
      for (const url of queries(op)) {
        const res = await account.client.get(url);
        expect({ url, status: res.status < 500 }).toEqual({ url, status: true });
        if (res.status === 200) seen += `\n${url}\n${res.text}`;
      }
    }
    return seen;
  }

  it('the probes find every confidential record for those who may see them all', () => {
    // A head of department sees every confidential record but not the audit log, which names them all.
    const text = seen.get('head_of_department')!;
    const confidential = allRecords().filter(({ m }) => m.confidential);
    expect(confidential.length).toBeGreaterThan(20);
    expect(confidential.filter(({ m }) => !text.includes(m.marker)).map(({ m }) => m.label)).toEqual([]);
  });

  const seen = new Map<Role, string>();
  beforeAll(async () => {
    await Promise.all(ROLES.map(async (role) => seen.set(role, await seenBy(accounts.get(role)!))));
  });

  for (const role of ROLES) {
    it(`${role}: no hidden record in any list, search result or export`, () => {
      const account = accounts.get(role)!;
      const hidden = allRecords().filter(({ resource, m }) => !factories[resource].visibleTo(account, m));
      const text = seen.get(role)!;
      const leaks = hidden.filter(({ m }) => text.includes(m.id) || text.includes(m.marker)).map(({ m }) => m.label);
      expect(leaks).toEqual([]);
    });
  }
});
