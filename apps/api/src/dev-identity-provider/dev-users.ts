import type { Role } from '../auth/roles';

/** A person who can sign in at the development provider. */
export interface DevUser {
  /** What they type in the form, and the token's subject (the actor on what they record). */
  username: string;
  password: string;
  name: string;
  roles: Role[];
}

/**
 * One demo user per role, and `visitor` with none (the web app's "signed in, but no role").
 * The passwords are printed by `npm start` and shown on the sign-in page: this provider is for a
 * laptop, never for people's real accounts. The e2e tests sign in as these.
 */
export const DEV_USERS: readonly DevUser[] = [
  { username: 'diplomat', password: 'diplomat-demo', name: 'Demo Diplomat', roles: ['diplomat'] },
  { username: 'planner', password: 'planner-demo', name: 'Demo Planner', roles: ['planner'] },
  { username: 'auditor', password: 'auditor-demo', name: 'Demo Auditor', roles: ['auditor'] },
  { username: 'admin', password: 'admin-demo', name: 'Demo Admin', roles: ['admin'] },
  { username: 'visitor', password: 'visitor-demo', name: 'Demo Visitor', roles: [] },
];

export function findDevUser(username: string): DevUser | undefined {
  return DEV_USERS.find((user) => user.username === username);
}
