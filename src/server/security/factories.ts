import type { Role } from '../../contracts/common/permissions.js';
import type { OrganizationCreate } from '../../contracts/organizations.js';
import type { Actor } from '../platform/audit/audit.service.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { SESSION_COOKIE, createSession } from '../platform/auth/sessions.js';
import { users } from '../modules/users/users.table.js';
import { createInteraction } from '../modules/interactions/interactions.service.js';
import { uploadImport } from '../modules/imports/imports.service.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import { createPerson } from '../modules/people/people.service.js';
import { createPassport } from '../modules/passports/passports.service.js';
import { createChild } from '../modules/visits/visits.children.js';
import { giftSpec, putGiftPhoto } from '../modules/visits/visits.gifts.js';
import { accommodationSpec, budgetLineSpec, participantSpec, taskSpec, ticketSpec, transportSpec } from '../modules/visits/visits.logistics.js';
import { programmeSpec } from '../modules/visits/visits.programme.js';
import { createShareLink } from '../modules/visits/visits.sharing.js';
import { createVisit } from '../modules/visits/visits.service.js';
import { createFeed } from '../modules/calendar/calendar.feeds.js';
import { PASSWORD, type Client, type TestServer } from '../test/harness.js';

/** A signed-in user of a test server, with their one client (or the anonymous caller). */
export type Account = { id: string; name: string; email: string; role: Role | null; client: Client };

/**
 * Accounts are written straight to the database, all with one password hash, and given a session
 * directly: the sign-in route has tests of its own, and argon2 twice per account costs seconds.
 * The password still works (PASSWORD), for tests that sign in through the API.
 */
const hashes = new WeakMap<TestServer, Promise<string>>();

export async function signIn(s: TestServer, role: Role, label: string = role): Promise<Account> {
  let hash = hashes.get(s);
  if (!hash) hashes.set(s, (hash = hashPassword(PASSWORD)));
  const email = `${label}.${role}@security.test.legato.local`;
  const [row] = await s.app.ctx.db
    .insert(users)
    .values({ name: `Security ${label} (${role})`, email, role, locale: 'en', passwordHash: await hash })
    .returning({ id: users.id, name: users.name });
  const account: Account = { id: row.id, name: row.name, email, role, client: s.client() };
  await startSession(s, account);
  return account;
}

async function startSession(s: TestServer, account: Account) {
  const session = await createSession(s.app.ctx.db, account.id, s.app.ctx.config.sessionHours, {});
  account.client.cookie = `${SESSION_COOKIE}=${session.cookie}`;
  account.client.csrf = session.csrfToken;
}

export const anonymous = (s: TestServer): Account => ({ id: '', name: 'anonymous', email: '', role: null, client: s.client() });

/** Gives the account a new session when a request ended its own (logout, password change). */
export async function keepSignedIn(s: TestServer, account: Account): Promise<void> {
  if (account.role && (await account.client.get('/api/auth/session')).status === 401) await startSession(s, account);
}

/**
 * A record made for a test: who owns (created) it, whether it is confidential, and a text only it
 * carries (its name or subject), to look for in lists, search results and exports.
 */
export type Made = { id: string; ownerId: string; confidential: boolean; label: string; marker: string };

/** Every confidential record's name carries this word, so one search finds them all. */
export const CONFIDENTIAL_WORD = 'Sealedrecord';

/**
 * How to make a record of one business module, and who may see it. Every module with record
 * routes (/api/<module>/{id}) needs one: the authorisation matrix and the fuzzer refuse to run
 * a route whose module has none.
 */
export type Factory = {
  /** Whether a record can be hidden from others (its own `confidential` flag or its links'). */
  confidential: boolean;
  make(owner: Account, confidential: boolean): Promise<Made>;
  visibleTo(viewer: Account, record: Made): boolean;
};

/**
 * The confidentiality rule as the office set it (docs/ARCHITECTURE.md), written out here rather
 * than read from the code under test: the owner, heads of department and administrators see a
 * confidential record; everyone else is told it does not exist.
 */
const SEES_ALL_CONFIDENTIAL: ReadonlySet<Role | null> = new Set<Role | null>(['administrator', 'head_of_department']);
export const confidentialityRule = (viewer: Account, record: Made) =>
  !record.confidential || record.ownerId === viewer.id || SEES_ALL_CONFIDENTIAL.has(viewer.role);

/** The day of every probe visit (inside the fuzzer's sample date, so its records can be made too). */
const VISIT_DAY = '2026-01-15';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
/** The smallest PNG: a 1×1 transparent pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

export function recordFactories(s: TestServer): Record<string, Factory> {
  const { db, files, config } = s.app.ctx;
  const actor = (a: Account): Actor => ({ id: a.id, name: a.name, role: a.role ?? 'viewer' });
  const made = (id: string, owner: Account, confidential: boolean, what: string, marker: string): Made => ({
    id,
    ownerId: owner.id,
    confidential,
    label: `${confidential ? 'confidential ' : ''}${what} of ${owner.role ?? 'nobody'}`,
    marker,
  });
  const text = (what: string, confidential: boolean) => `Probe ${what} ${unique()}${confidential ? ` ${CONFIDENTIAL_WORD}` : ''}`;

  const organizations: Factory = {
    confidential: true,
    async make(owner, confidential) {
      const name = text('organisation', confidential);
      const input: OrganizationCreate = { kind: 'partner_city', name: { original: 'en', values: { en: name } }, confidential };
      const org = await createOrganization(db, actor(owner), input);
      return made(org.id, owner, confidential, 'organisation', name);
    },
    visibleTo: confidentialityRule,
  };
  const visits: Factory = {
    confidential: true,
    async make(owner, confidential) {
      const title = text('visit', confidential);
      const visit = await createVisit(db, config, actor(owner), {
        direction: 'incoming',
        title: { original: 'en', values: { en: title } },
        startDate: VISIT_DAY,
        endDate: VISIT_DAY,
        confidential,
      });
      return made(visit.id, owner, confidential, 'visit', title);
    },
    visibleTo: confidentialityRule,
  };
  /** A record inside a visit of its own (which carries the marker). */
  function inVisit(what: string, spec: unknown, body: (marker: string) => Record<string, unknown>, after?: (owner: Account, id: string) => Promise<void>): Factory {
    return {
      confidential: true,
      async make(owner, confidential) {
        const visit = await visits.make(owner, confidential);
        const record = await createChild(db, config, actor(owner), spec as never, { visitId: visit.id, ...body(visit.marker) });
        await after?.(owner, (record as { id: string }).id);
        return made((record as { id: string }).id, owner, confidential, what, visit.marker);
      },
      visibleTo: confidentialityRule,
    };
  }

  return {
    organizations,
    people: {
      confidential: true,
      async make(owner, confidential) {
        const name = text('person', confidential);
        const person = await createPerson(db, actor(owner), { name, confidential });
        return made(person.id, owner, confidential, 'person', name);
      },
      visibleTo: confidentialityRule,
    },
    // An interaction has no flag of its own: it is hidden when the organisation it belongs to is.
    interactions: {
      confidential: true,
      async make(owner, confidential) {
        const org = await organizations.make(owner, confidential);
        const subject = text('meeting', confidential);
        const input = { kind: 'meeting' as const, occurredAt: '2026-01-15T10:00:00.000Z', subject, organizationId: org.id };
        const interaction = await createInteraction(db, actor(owner), input, 'en');
        return made(interaction.id, owner, confidential, 'interaction', subject);
      },
      visibleTo: confidentialityRule,
    },
    visits,
    // The records inside a visit are as hidden as their visit; each is made in a visit of its own
    // whose title carries the marker, so the visits list shows who may see them.
    'visit-participants': inVisit('participant', participantSpec, () => ({ role: 'guest', name: 'Probe guest' })),
    'programme-items': inVisit('programme item', programmeSpec, (marker) => ({ day: VISIT_DAY, start: '10:00', title: { original: 'en', values: { en: marker } } })),
    'visit-accommodations': inVisit('accommodation', accommodationSpec, () => ({ hotelName: 'Probe hotel', checkIn: VISIT_DAY, checkOut: VISIT_DAY })),
    'visit-transports': inVisit('transport', transportSpec, () => ({ vehicle: 'Probe minibus' })),
    'visit-tasks': inVisit('task', taskSpec, (marker) => ({ title: marker })),
    // With a photo, so that reading it is allowed (a gift without one answers 404 to everybody).
    gifts: inVisit('gift', giftSpec, (marker) => ({ direction: 'given', counterpart: 'Probe guest', description: marker }), async (owner, id) => {
      await putGiftPhoto(db, files, config, actor(owner), id, async () => ({ version: 1, data: PNG }));
    }),
    'visit-tickets': inVisit('ticket', ticketSpec, () => ({
      carrier: 'Probe Air',
      from: 'Sofia',
      to: 'Tbilisi',
      departureAt: `${VISIT_DAY}T08:00`,
      departureTimeZone: 'Europe/Sofia',
      arrivalAt: `${VISIT_DAY}T13:00`,
      arrivalTimeZone: 'Asia/Tbilisi',
    })),
    'visit-budget-lines': inVisit('budget line', budgetLineSpec, () => ({ category: 'travel', estimate: 100, currency: 'EUR' })),
    'visit-share-links': {
      confidential: true,
      async make(owner, confidential) {
        const visit = await visits.make(owner, confidential);
        const link = await createShareLink(db, config, actor(owner), visit.id, { language: 'en', expiresAt: inDays(30) }, 'http://localhost');
        return made(link.id, owner, confidential, 'share link', visit.marker);
      },
      visibleTo: confidentialityRule,
    },
    // A passport is as hidden as its person; the person's name is what the passports list shows.
    passports: {
      confidential: true,
      async make(owner, confidential) {
        const name = text('passport holder', confidential);
        const person = await createPerson(db, actor(owner), { name, confidential });
        const passport = await createPassport(db, config, actor(owner), { personId: person.id, number: `P${unique()}`.slice(0, 30), kind: 'service', issuingCountry: 'BG', expiresOn: '2031-01-31' });
        return made(passport.id, owner, confidential, 'passport', name);
      },
      visibleTo: confidentialityRule,
    },
    // /api/public/programme/{token}: the "record" is a live share link, known by its token.
    'public/programme': {
      confidential: false,
      async make(owner) {
        const visit = await visits.make(owner, false);
        const link = await createShareLink(db, config, actor(owner), visit.id, { language: 'en', expiresAt: inDays(30) }, 'http://localhost');
        return made(link.token, owner, false, 'shared programme', visit.marker);
      },
      visibleTo: () => true,
    },
    // /api/public/calendar/{token}.ics: a live calendar feed, known by its token.
    'public/calendar': {
      confidential: false,
      async make(owner) {
        const feed = await createFeed(db, actor(owner), { scope: 'me' }, 'http://localhost');
        return made(feed.token, owner, false, 'calendar feed', feed.id);
      },
      visibleTo: () => true,
    },
    // A calendar feed (/api/calendar/feeds/{id}) is its owner's; administrators may revoke any
    // (and read its creation in the audit log).
    calendar: {
      confidential: false,
      async make(owner) {
        const feed = await createFeed(db, actor(owner), { scope: 'me' }, 'http://localhost');
        return made(feed.id, owner, false, 'calendar feed', feed.id);
      },
      visibleTo: (viewer, record) => viewer.id === record.ownerId || viewer.role === 'administrator',
    },
    // A user's own record is their account; only `users.manage` decides who sees accounts.
    users: {
      confidential: false,
      make: async (owner) => made(owner.id, owner, false, 'account', owner.email),
      visibleTo: () => true,
    },
    // An uploaded file is its uploader's alone, whatever their role.
    imports: {
      confidential: false,
      async make(owner) {
        const row = text('import row', false);
        const upload = await uploadImport(db, files, actor(owner), 'organizations', 'probe.csv', Buffer.from(`name\n${row}\n`));
        return made(upload.id, owner, false, 'import', row);
      },
      visibleTo: (viewer, record) => viewer.id === record.ownerId,
    },
  };
}
