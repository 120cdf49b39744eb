/** The roles a token's roles claim (AUTH_ROLES_CLAIM, default `roles`) may carry (DESIGN.md, Auth). */
export const ROLES = ['diplomat', 'planner', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who is calling: the token's subject (the actor stamped on events), its known roles (none is
 * possible: signed in, but not given a role yet) and, when the token says, a display name.
 */
export interface AuthUser {
  subject: string;
  roles: Role[];
  name?: string;
}
