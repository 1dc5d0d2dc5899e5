import { count } from 'drizzle-orm';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../platform/audit/audit.service.js';
import { organizations } from '../modules/organizations/organizations.table.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import { createPerson } from '../modules/people/people.service.js';
import { createInteraction } from '../modules/interactions/interactions.service.js';
import { findUserByEmail, insertUser } from '../modules/users/users.service.js';
import { settings } from '../platform/auth/auth.table.js';
import { seedDemoVisits } from './demo-visits.js';
import { DEMO_INTERACTIONS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_USERS } from './demo-data.js';

/** Fills an empty directory with the fictional demo data (and demo accounts). Does nothing otherwise. */
export async function seedDemo(ctx: AppContext): Promise<boolean> {
  const { db } = ctx;
  const [{ n }] = await db.select({ n: count() }).from(organizations);
  if (Number(n) > 0) return false;

  const accounts = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const existing = await findUserByEmail(db, u.email);
    const user = existing ?? (await db.transaction((tx) => insertUser(tx, null, { ...u, password: DEMO_PASSWORD })));
    // The first account of each role acts for it (protocol@, not international@, is "the specialist").
    if (!accounts.has(u.role)) accounts.set(u.role, { id: user.id, name: user.name, role: user.role });
  }
  await db.insert(settings).values({ key: 'setup_done', value: new Date().toISOString() }).onConflictDoNothing();
  const specialists = [accounts.get('specialist')!, accounts.get('head_of_department')!];

  const orgIds = new Map<string, string>();
  for (const [i, { key, ...input }] of DEMO_ORGANIZATIONS.entries()) {
    const actor = input.confidential ? accounts.get('specialist')! : specialists[i % 2];
    const org = await createOrganization(db, actor, input);
    orgIds.set(key, org.id);
  }
  const personIds = new Map<string, string>();
  for (const { org, ...input } of DEMO_PEOPLE) {
    const actor = input.confidential ? accounts.get('specialist')! : specialists[0];
    const person = await createPerson(db, actor, { ...input, organizationId: org ? orgIds.get(org) : null });
    personIds.set(input.name, person.id);
  }
  const now = Date.now();
  for (const item of DEMO_INTERACTIONS) {
    await createInteraction(
      db,
      accounts.get('specialist')!,
      {
        kind: item.kind,
        occurredAt: new Date(now - item.daysAgo * 86_400_000).toISOString(),
        subject: item.subject,
        notes: item.notes ?? '',
        organizationId: item.org ? orgIds.get(item.org) : null,
        personId: item.person ? personIds.get(item.person) : null,
      },
      'en',
    );
  }
  await seedDemoVisits(ctx, accounts, orgIds, personIds);
  return true;
}
