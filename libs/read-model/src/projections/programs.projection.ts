import type { Projection } from '../projection';
import { alreadyApplied, searchText, stamp } from '../projection';

export type ProgramPartnerRow = { organizationId: string; role: string; joinedOn: string | null };

export type ProgramRow = {
  id: string;
  title: Record<string, string>;
  summary: string | null;
  status: string;
  started_on: string | null;
  partners: ProgramPartnerRow[];
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
  last_position: string;
};

export const programsProjection: Projection = {
  name: 'programs',
  tables: [{ name: 'programs', key: 'id' }],
  keysOf(event) {
    switch (event.type) {
      case 'ProgramLaunched':
      case 'ProgramPartnerAdded':
      case 'ProgramStatusChanged':
      case 'ProgramCorrected':
      case 'ProgramPartnerRemoved':
        return [{ table: 'programs', id: event.data.programId }];
      default:
        return [];
    }
  },
  apply(event, rows) {
    if (
      event.type !== 'ProgramLaunched' &&
      event.type !== 'ProgramPartnerAdded' &&
      event.type !== 'ProgramStatusChanged' &&
      event.type !== 'ProgramCorrected' &&
      event.type !== 'ProgramPartnerRemoved'
    ) {
      return;
    }
    const row = rows.get<ProgramRow>('programs', event.data.programId);
    if (alreadyApplied(row, event)) return;
    if (event.type === 'ProgramLaunched') {
      const { programId, title, summary, status, startedOn } = event.data;
      rows.put('programs', {
        id: programId,
        title,
        summary,
        status,
        started_on: startedOn,
        partners: [],
        search_text: searchText(title, summary),
        ...stamp(event),
      });
      return;
    }
    if (!row) return;
    switch (event.type) {
      case 'ProgramPartnerAdded': {
        const { organizationId, role, joinedOn } = event.data;
        rows.put('programs', { ...row, partners: [...row.partners, { organizationId, role, joinedOn }], ...stamp(event, row.created_at) });
        return;
      }
      case 'ProgramStatusChanged':
        rows.put('programs', { ...row, status: event.data.to, ...stamp(event, row.created_at) });
        return;
      case 'ProgramCorrected': {
        const { title, summary, startedOn } = event.data;
        rows.put('programs', { ...row, title, summary, started_on: startedOn, search_text: searchText(title, summary), ...stamp(event, row.created_at) });
        return;
      }
      case 'ProgramPartnerRemoved': {
        // `partners` lists current partners only; a former one is in the history and the as-of views.
        const partners = row.partners.filter((partner) => partner.organizationId !== event.data.organizationId);
        rows.put('programs', { ...row, partners, ...stamp(event, row.created_at) });
        return;
      }
    }
  },
};
