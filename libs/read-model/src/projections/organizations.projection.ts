import type { Projection } from '../projection';
import { alreadyApplied, searchText, stamp } from '../projection';

export type OrganizationRow = {
  id: string;
  name: Record<string, string>;
  kind: string;
  country: string | null;
  parent_id: string | null;
  /**
   * Set once the organisation was merged into another. Rows keep what their events said: the
   * readers follow merged_into when they turn an id into an organisation, so a view as of
   * before the merge (the same projection, stopped earlier) still shows both.
   */
  merged_into: string | null;
  merged_at: string | null;
  merge_reason: string | null;
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
    switch (event.type) {
      case 'OrganizationRegistered':
      case 'OrganizationRenamed':
      case 'OrganizationUpdated':
      case 'OrganizationMerged':
        return [{ table: 'organizations', id: event.data.organizationId }];
      default:
        return [];
    }
  },
  apply(event, rows) {
    switch (event.type) {
      case 'OrganizationRegistered':
      case 'OrganizationRenamed':
      case 'OrganizationUpdated':
      case 'OrganizationMerged':
        break;
      default:
        return;
    }
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
        merged_into: null,
        merged_at: null,
        merge_reason: null,
        search_text: searchText(name),
        ...stamp(event),
      });
      return;
    }
    // A change to a row not (yet) here is passed over: the as-of replay applies a merge among
    // the program's events before the organisations' own streams, and again with them.
    if (!row) return;
    const changed = stamp(event, row.created_at);
    if (event.type === 'OrganizationRenamed') {
      rows.put('organizations', { ...row, name: event.data.name, search_text: searchText(event.data.name), ...changed });
    } else if (event.type === 'OrganizationUpdated') {
      const { kind, country, parentId } = event.data;
      rows.put('organizations', { ...row, kind, country, parent_id: parentId, ...changed });
    } else {
      const { survivorId, reason } = event.data;
      rows.put('organizations', { ...row, merged_into: survivorId, merged_at: event.recordedAt.toISOString(), merge_reason: reason, ...changed });
    }
  },
};
