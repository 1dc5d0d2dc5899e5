import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, can, type Permission } from '../../contracts/common/permissions.js';
import { buildOrganization, startServer, tableCounts, type TestServer } from '../test/harness.js';

let s: TestServer;
let operations: { path: string; method: string; permission: string }[];
let orgId: string;

beforeAll(async () => {
  s = await startServer();
  const doc = (await s.client().get('/api/openapi.json')).body;
  operations = Object.entries(doc.paths as Record<string, Record<string, { 'x-permission': string }>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), permission: op['x-permission'] })),
  );
  const admin = await s.as('administrator');
  orgId = (await admin.post('/api/organizations', buildOrganization())).body.id;
});
afterAll(() => s.close());

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, () => orgId);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('permission table', () => {
  it('covers every API operation with a known permission', () => {
    const known = new Set<string>([...Object.keys(PERMISSIONS), 'public', 'authenticated']);
    expect(operations.filter((o) => !known.has(o.permission))).toEqual([]);
  });

  it('refuses a viewer every state-changing route it has no permission for, and nothing changes in the database', async () => {
    const viewer = await s.as('viewer');
    // A viewer may still manage what is only theirs under a read permission (a calendar feed).
    const guarded = operations.filter(
      (o) => STATE_CHANGING.has(o.method) && o.permission !== 'public' && o.permission !== 'authenticated' && !can('viewer', o.permission as Permission),
    );
    expect(guarded.length).toBeGreaterThanOrEqual(15);
    const before = await tableCounts(s.database);
    for (const op of guarded) {
      const res = await viewer.request(op.method, concrete(op.path), {});
      expect({ op: `${op.method} ${op.path}`, status: res.status, code: res.body?.code }).toEqual({
        op: `${op.method} ${op.path}`,
        status: 403,
        code: 'forbidden',
      });
    }
    expect(await tableCounts(s.database)).toEqual(before);
  });

  it('gives each role exactly the reads the table allows', async () => {
    const reads: [string, Permission][] = [
      ['/api/organizations', 'directory.read'],
      ['/api/users', 'users.manage'],
      ['/api/audit', 'audit.read'],
      ['/api/search?q=ruse', 'search.use'],
    ];
    for (const role of ROLES) {
      const c = await s.as(role);
      for (const [url, permission] of reads) {
        const res = await c.get(url);
        expect({ role, url, status: res.status }).toEqual({ role, url, status: can(role, permission) ? 200 : 403 });
      }
    }
  });

  it('refuses an anonymous caller every non-public route', async () => {
    const anon = s.client();
    for (const op of operations.filter((o) => o.permission !== 'public')) {
      const res = await anon.request(op.method, concrete(op.path), op.method === 'GET' ? undefined : {});
      expect({ op: `${op.method} ${op.path}`, status: res.status }).toEqual({ op: `${op.method} ${op.path}`, status: 401 });
    }
  });
});
