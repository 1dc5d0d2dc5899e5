import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/common/permissions.js';
import { startServer, type Client, type TestServer } from '../../test/harness.js';

let s: TestServer;
let admin: Client;

beforeAll(async () => {
  s = await startServer();
  admin = await s.as('administrator', { email: 'admin@users.test.legato.local' });
});
afterAll(() => s.close());

describe('colleagues', () => {
  it('every role lists the active accounts, name and role only (no e-mail addresses)', async () => {
    const made = await admin.post('/api/users', { name: 'Ася Димова', email: 'asya.dimova@users.test.legato.local', role: 'specialist', password: 'a-long-password' });
    const gone = await admin.post('/api/users', { name: 'Бойко Стефанов', email: 'boyko.stefanov@users.test.legato.local', role: 'translator', password: 'a-long-password' });
    expect((await admin.patch(`/api/users/${gone.body.id}`, { version: gone.body.version, active: false })).status).toBe(200);

    for (const role of ROLES) {
      const c = await s.as(role);
      const res = await c.get('/api/users/colleagues');
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
      const items = res.body.items as { id: string; name: string; role: string }[];
      expect(items).toContainEqual({ id: made.body.id, name: 'Ася Димова', role: 'specialist' });
      expect(items.map((u) => u.id)).not.toContain(gone.body.id);
      expect(Object.keys(items[0]).sort()).toEqual(['id', 'name', 'role']);
      expect(res.text).not.toContain('@');
    }
    expect((await s.client().get('/api/users/colleagues')).status).toBe(401);
    // The accounts themselves stay the administrators'.
    expect((await (await s.as('specialist')).get('/api/users')).status).toBe(403);
  });
});
