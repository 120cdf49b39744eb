/** The roles a token's `roles` claim may carry (DESIGN.md, Auth). */
export const ROLES = ['diplomat', 'planner', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling: the token's subject (the actor stamped on events) and its known roles. */
export interface AuthUser {
  subject: string;
  roles: Role[];
}
