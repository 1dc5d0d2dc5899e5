import { createContext, useContext, type ReactNode } from 'react';
import type { Me, Office } from '../../contracts/auth.js';
import { can as canRole, type Permission } from '../../contracts/common/permissions.js';

export type SessionValue = {
  me: Me;
  /** The installation's settings: the office's time zone (new visits, the calendar, "today"). */
  office: Office;
  /** Whether the signed-in user's role has a permission (the UI hides the rest; the server enforces). */
  can: (permission: Permission) => boolean;
  /** Re-reads the session from the server (after a language or password change). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
};

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in page');
  return value;
}

export function sessionValue(me: Me, office: Office, refresh: () => Promise<void>, signOut: () => Promise<void>): SessionValue {
  return { me, office, can: (p) => canRole(me.role, p), refresh, signOut };
}

export function SessionProvider({ value, children }: { value: SessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
