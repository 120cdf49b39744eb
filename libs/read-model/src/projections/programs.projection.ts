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
        return [{ table: 'programs', id: event.data.programId }];
      default:
        return [];
    }
  },
  apply(event, rows) {
    if (event.type !== 'ProgramLaunched' && event.type !== 'ProgramPartnerAdded' && event.type !== 'ProgramStatusChanged') {
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
    if (event.type === 'ProgramPartnerAdded') {
      const { organizationId, role, joinedOn } = event.data;
      rows.put('programs', { ...row, partners: [...row.partners, { organizationId, role, joinedOn }], ...stamp(event, row.created_at) });
    } else {
      rows.put('programs', { ...row, status: event.data.to, ...stamp(event, row.created_at) });
    }
  },
};
