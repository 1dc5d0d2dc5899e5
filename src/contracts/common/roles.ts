import { z } from 'zod';
import { ROLES } from './permissions.js';

/** The schema of a role (permissions.ts holds the roles and stays zod-free for the web app's first load). */
export const RoleSchema = z.enum(ROLES).describe('Role of a user account');
