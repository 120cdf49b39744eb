/** The kinds of organisation the API knows, in the order people pick them. */
export const ORGANIZATION_KINDS = ['MINISTRY', 'DEPARTMENT', 'EMBASSY', 'CONSULATE', 'COMPANY', 'ASSOCIATION', 'INTERNATIONAL_ORGANIZATION', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export function asOrganizationKind(value: string | null): OrganizationKind | null {
  return ORGANIZATION_KINDS.find((kind) => kind === value) ?? null;
}
