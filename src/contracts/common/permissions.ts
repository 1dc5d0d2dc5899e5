/** Zod-free on purpose: the web app's first load needs this table, and not the validation library. */
export const ROLES = [
  'administrator',
  'head_of_department',
  'specialist',
  'press_officer',
  'project_officer',
  'translator',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission a route can require. One table, used by the server (every route declares
 * one) and by the web app (to hide what a role cannot do).
 */
export const PERMISSIONS = {
  'directory.read': ['administrator', 'head_of_department', 'specialist', 'press_officer', 'project_officer', 'translator', 'viewer'],
  'directory.write': ['administrator', 'head_of_department', 'specialist', 'press_officer', 'project_officer'],
  'directory.delete': ['administrator', 'head_of_department', 'specialist'],
  'directory.import': ['administrator', 'head_of_department', 'specialist'],
  'directory.merge': ['administrator', 'head_of_department', 'specialist'],
  // Visits and official trips: protocol work is the specialists' and their heads'.
  'visits.read': ['administrator', 'head_of_department', 'specialist', 'press_officer', 'project_officer', 'translator', 'viewer'],
  'visits.write': ['administrator', 'head_of_department', 'specialist'],
  'visits.delete': ['administrator', 'head_of_department', 'specialist'],
  // Service passports are sensitive personal data: only those who arrange trips see them.
  'passports.read': ['administrator', 'head_of_department', 'specialist'],
  'passports.write': ['administrator', 'head_of_department', 'specialist'],
  // The calendar shows what each role may already read (visits are filtered by confidentiality).
  'calendar.read': ['administrator', 'head_of_department', 'specialist', 'press_officer', 'project_officer', 'translator', 'viewer'],
  'search.use': ['administrator', 'head_of_department', 'specialist', 'press_officer', 'project_officer', 'translator', 'viewer'],
  // Colleagues' names and roles (no e-mail): for choosing who is responsible, a task's assignee.
  'colleagues.read': ['administrator', 'head_of_department', 'specialist', 'press_officer', 'project_officer', 'translator', 'viewer'],
  'users.manage': ['administrator'],
  'audit.read': ['administrator'],
  'system.backup': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles that see every confidential record (besides the record's owner). */
export const CONFIDENTIAL_READERS: readonly Role[] = ['administrator', 'head_of_department'];

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
