import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../../contracts/visits.js';
import { DEMO_PASSWORD } from '../../demo/demo-data.js';
import { startServer, type Client, type TestServer } from '../../test/harness.js';

let s: TestServer;
let protocol: Client;

beforeAll(async () => {
  s = await startServer({ LEGATO_DEMO: '1' });
  protocol = s.client();
  await protocol.login('protocol@demo.legato.local', DEMO_PASSWORD);
});
afterAll(() => s.close());

describe('demo visits', () => {
  it('a three-day delegation from Zugdidi with guests, interpreter, hosts, hotel, a trilingual programme, tasks and gifts', async () => {
    const list = (await protocol.get('/api/visits?direction=incoming')).body;
    expect(list.total).toBe(1);
    const visit: Visit = (await protocol.get(`/api/visits/${list.items[0].id}`)).body;
    const roles = visit.participants.map((p) => p.role);
    expect(roles.filter((r) => r === 'guest')).toHaveLength(5);
    expect(roles).toContain('interpreter');
    expect(roles.filter((r) => r === 'host').length).toBeGreaterThanOrEqual(2);
    expect(visit.participants.every((p) => p.name)).toBe(true);
    expect(new Set(visit.programme.map((i) => i.day)).size).toBe(3);
    expect(visit.programme.length).toBeGreaterThanOrEqual(12);
    expect(visit.programme.every((i) => i.title.values.bg && i.title.values.ka && i.title.values.en)).toBe(true);
    expect(visit.accommodations.every((a) => a.hotel?.name.values.bg === 'Хотел „Дунавска перла“')).toBe(true);
    expect(visit.tasks.filter((t) => t.overdue)).toHaveLength(1);
    expect(visit.gifts.map((g) => g.direction).sort()).toEqual(['given', 'received']);
    expect(visit.organization?.name.values.en).toBe('Zugdidi Municipality');
  });

  it('the mayor’s trip to Tbilisi with tickets, a budget, and a passport that expires too soon', async () => {
    const list = (await protocol.get('/api/visits?direction=outgoing')).body;
    expect(list.total).toBe(1);
    const trip: Visit = (await protocol.get(`/api/visits/${list.items[0].id}`)).body;
    expect(trip).toMatchObject({ timeZone: 'Asia/Tbilisi', city: 'Tbilisi', country: 'GE' });
    expect(trip.tickets).toHaveLength(6);
    expect(trip.budgetTotals.map((b) => b.currency)).toEqual(['EUR', 'GEL']);
    expect(trip.passportWarnings).toHaveLength(1);
    expect(trip.passportWarnings![0].reason).toBe('expires_within_6_months');
    expect(list.items[0].passportWarnings).toEqual(trip.passportWarnings);
    const flagged = trip.participants.find((p) => p.id === trip.passportWarnings![0].participantId);
    expect(flagged?.name).toBe('Пламен Веселинов Кирилов');
  });
});
