// Every table of every module, for Drizzle's query builder and drizzle-kit.
export * from '../modules/users/users.table.js';
export * from '../platform/auth/auth.table.js';
export * from '../platform/audit/audit.table.js';
export * from '../modules/organizations/organizations.table.js';
export * from '../modules/people/people.table.js';
export * from '../modules/interactions/interactions.table.js';
export * from '../modules/imports/imports.table.js';
export * from '../modules/visits/visits.table.js';
export * from '../modules/passports/passports.table.js';
export * from '../modules/calendar/calendar.table.js';
