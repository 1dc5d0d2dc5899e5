import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MultilingualText } from '../../../contracts/common/multilingual.js';
import { organizations } from '../organizations/organizations.table.js';

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameLatin: text('name_latin').notNull().default(''),
    formOfAddress: jsonb('form_of_address').$type<Record<string, string>>().notNull().default({}),
    title: jsonb('title').$type<MultilingualText | null>(),
    position: jsonb('position').$type<MultilingualText | null>(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    email: text('email'),
    phones: jsonb('phones').$type<{ label: string; number: string }[]>().notNull().default([]),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    precedenceCategory: text('precedence_category'),
    accompanyingPersons: jsonb('accompanying_persons').$type<{ name: string; relation: string; notes: string }[]>().notNull().default([]),
    lawfulBasis: text('lawful_basis').notNull().default('public_task'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    confidential: boolean('confidential').notNull().default(false),
    ownerId: uuid('owner_id'),
    sortName: text('sort_name').notNull(),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('people_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('people_sort_idx').on(t.sortName, t.id),
    index('people_org_idx').on(t.organizationId),
    index('people_updated_idx').on(t.updatedAt),
  ],
);
