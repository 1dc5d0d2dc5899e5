import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An uploaded spreadsheet waiting for its column mapping; the file itself is in the file store. */
export const imports = pgTable('imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  target: text('target').notNull(),
  fileName: text('file_name').notNull(),
  fileKey: text('file_key').notNull(),
  columns: jsonb('columns').$type<string[]>().notNull(),
  rowCount: integer('row_count').notNull(),
  status: text('status').notNull().default('uploaded'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
