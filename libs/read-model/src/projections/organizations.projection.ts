import type { Projection } from '../projection';
import { alreadyApplied, searchText, stamp } from '../projection';

export type OrganizationRow = {
  id: string;
  name: Record<string, string>;
  kind: string;
  country: string | null;
  parent_id: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
  last_position: string;
};

export const organizationsProjection: Projection = {
  name: 'organizations',
  tables: [{ name: 'organizations', key: 'id' }],
  keysOf(event) {
    return event.type === 'OrganizationRegistered' || event.type === 'OrganizationRenamed'
      ? [{ table: 'organizations', id: event.data.organizationId }]
      : [];
  },
  apply(event, rows) {
    if (event.type !== 'OrganizationRegistered' && event.type !== 'OrganizationRenamed') return;
    const row = rows.get<OrganizationRow>('organizations', event.data.organizationId);
    if (alreadyApplied(row, event)) return;
    if (event.type === 'OrganizationRegistered') {
      const { organizationId, name, kind, country, parentId } = event.data;
      rows.put('organizations', {
        id: organizationId,
        name,
        kind,
        country,
        parent_id: parentId,
        search_text: searchText(name),
        ...stamp(event),
      });
    } else if (row) {
      rows.put('organizations', { ...row, name: event.data.name, search_text: searchText(event.data.name), ...stamp(event, row.created_at) });
    }
  },
};
