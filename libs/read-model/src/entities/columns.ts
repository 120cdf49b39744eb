/** Shapes of the jsonb columns, as the projections write them. */
export type LocalizedTextColumn = { th?: string; en?: string; zh?: string };

export type PartnerColumn = { organizationId: string; role: string; joinedOn: string | null };

export type LocationColumn = { venue: string | null; city: string | null; country: string | null };

export type ParticipantColumn = {
  name: LocalizedTextColumn;
  position: LocalizedTextColumn | null;
  organizationId: string | null;
};
