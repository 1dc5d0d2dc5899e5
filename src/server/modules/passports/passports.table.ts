import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/people.table.js';

/** Passports of directory people: sensitive, behind `passports.read` / `passports.write`. */
export const passports = pgTable(
  'passports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A person's passports go with the person (erasure of their data).
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    issuingCountry: text('issuing_country').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('passports_person_idx').on(t.personId, t.expiresOn),
    index('passports_expiry_idx').on(t.expiresOn),
    uniqueIndex('passports_number_idx').on(t.issuingCountry, t.number),
  ],
);
