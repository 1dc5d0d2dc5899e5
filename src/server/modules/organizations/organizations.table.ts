import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Address } from '../../../contracts/organizations.js';
import type { MultilingualText } from '../../../contracts/common/multilingual.js';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: jsonb('name').$type<MultilingualText>().notNull(),
    shortName: text('short_name'),
    country: text('country'),
    city: text('city'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    addresses: jsonb('addresses').$type<Address[]>().notNull().default([]),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    confidential: boolean('confidential').notNull().default(false),
    ownerId: uuid('owner_id'),
    /** Display name folded to plain Latin, for sorting across scripts. */
    sortName: text('sort_name').notNull(),
    /** Every name in every language, original and folded to Latin: what search matches. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('organizations_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('organizations_sort_idx').on(t.sortName, t.id),
    // A filtered list is sorted by name: (filter, sort_name, id) reads the first page straight
    // from the index instead of walking the name index past every other kind or country.
    index('organizations_kind_sort_idx').on(t.kind, t.sortName, t.id),
    index('organizations_country_sort_idx').on(t.country, t.sortName, t.id),
    index('organizations_updated_idx').on(t.updatedAt),
    index('organizations_tags_idx').using('gin', t.tags),
  ],
);
