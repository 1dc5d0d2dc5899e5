import { expect } from 'vitest';
import type { Client } from '../../test/harness.js';

/** Test builders for visits (Outline's factories): minimal valid bodies, with overrides. */
export const ml = (original: string, values: Record<string, string>) => ({ original, values });

export function buildVisit(over: Record<string, unknown> = {}) {
  return {
    direction: 'incoming',
    title: ml('bg', { bg: 'Делегация от Зугдиди', ka: 'ზუგდიდის დელეგაცია', en: 'Delegation from Zugdidi' }),
    startDate: '2027-05-10',
    endDate: '2027-05-12',
    country: 'GE',
    city: 'Zugdidi',
    guestLanguages: ['ka'],
    ...over,
  };
}

export function buildTrip(over: Record<string, unknown> = {}) {
  return buildVisit({
    direction: 'outgoing',
    title: ml('bg', { bg: 'Посещение на кмета в Тбилиси', en: 'Mayor’s visit to Tbilisi' }),
    startDate: '2027-03-08',
    endDate: '2027-03-10',
    country: 'GE',
    city: 'Tbilisi',
    ...over,
  });
}

export async function createVisit(c: Client, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/visits', buildVisit(over));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** Posts a record inside a visit and expects it to be created. */
export async function add(c: Client, path: string, body: Record<string, unknown>) {
  const res = await c.post(`/api/${path}`, body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const item = (visitId: string, day: string, start: string, title: string, over: Record<string, unknown> = {}) => ({
  visitId,
  day,
  start,
  title: ml('bg', { bg: title }),
  ...over,
});

export const fieldsOf = (body: { fields?: { path: string; reason: string }[] }) => (body.fields ?? []).map((f) => ({ path: f.path, reason: f.reason }));

/** A file download as raw bytes. */
export async function download(base: string, c: Client, url: string) {
  const res = await fetch(base + url, { headers: { cookie: c.cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
