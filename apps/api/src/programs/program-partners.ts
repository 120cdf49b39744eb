import type { OrganizationLookup } from '../organizations/organization.types';
import type { ProgramPartner } from './program.types';

/**
 * The program's partners as they read now, each organisation once. A duplicate merged into an
 * organisation reads as that survivor; where the survivor was a partner itself, its own entry
 * (role, joining day) is the one shown, otherwise the first duplicate's. The program's record
 * keeps every entry as it was added: as-of views before the merge list both.
 */
export async function partnersOnce(partners: readonly ProgramPartner[], lookup: OrganizationLookup): Promise<ProgramPartner[]> {
  const resolved = await Promise.all(partners.map(async (partner) => ({ partner, organization: await lookup(partner.organizationId) })));
  const byOrganization = new Map<string, ProgramPartner>();
  for (const { partner, organization } of resolved) {
    // Not (yet) in the view: left to the partner's field resolver, which loads it or says why not.
    if (!organization) {
      byOrganization.set(partner.organizationId, partner);
      continue;
    }
    const shown = byOrganization.get(organization.id);
    // Replacing a Map entry keeps its place: the survivor stays where it first appeared.
    if (!shown || (partner.organizationId === organization.id && shown.organizationId !== organization.id)) {
      byOrganization.set(organization.id, { ...partner, organization });
    }
  }
  return [...byOrganization.values()];
}
