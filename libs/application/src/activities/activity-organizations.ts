import { boundedList, type ParticipantInput } from '@tracker/domain';
import type { FactReader } from '../fact-reader';
import { organizationIn, type FieldLocator } from '../input-fields';

/**
 * The organisations an activity's input names, organisers and participants' organisations,
 * for the two commands that take them (logActivity, correctActivity): which of them exist,
 * and where in the input an unknown one sits (`organizerIds[1]`, `participants[0].organizationId`).
 */
export function activityOrganizations(input: {
  organizerIds?: readonly string[] | null;
  participants?: readonly ParticipantInput[] | null;
}): { known: (facts: FactReader) => Promise<string[]>; field: FieldLocator } {
  const participantOrganizations = (input.participants ?? []).map((participant) => participant?.organizationId);
  return {
    // The lists' lengths are checked before a fact is read per item (the decider checks them too).
    known: (facts) =>
      facts.knownOrganizationIds([...boundedList(input.organizerIds, 'organizerIds'), ...boundedList(participantOrganizations, 'participants')]),
    field: organizationIn({
      organizerIds: { list: input.organizerIds, path: (i) => `organizerIds[${i}]` },
      participants: { list: participantOrganizations, path: (i) => `participants[${i}].organizationId` },
    }),
  };
}
