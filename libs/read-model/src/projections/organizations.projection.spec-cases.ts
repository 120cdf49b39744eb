import {
  referenceIds,
  type OrganizationMerged,
  type OrganizationRegistered,
  type OrganizationRenamed,
  type OrganizationUpdated,
} from '@tracker/domain';
import { bookkeeping, projectionSpec, recordedAt, stored, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents } from '../testing/sample-events';
import { organizationsProjection } from './organizations.projection';

const { lazada, alibaba } = referenceIds.organizations;

const registered: OrganizationRegistered = {
  type: 'OrganizationRegistered',
  data: { organizationId: lazada, name: { th: 'ลาซาด้า', en: 'Lazada' }, kind: 'COMPANY', country: 'TH', parentId: alibaba },
};
const renamed: OrganizationRenamed = {
  type: 'OrganizationRenamed',
  data: { organizationId: lazada, name: { th: 'ลาซาด้า (ประเทศไทย)', en: 'Lazada (Thailand)', zh: '来赞达' } },
};

const registration = stored(registered, { position: 1 });
const rename = stored(renamed, { position: 2, version: 2 });

const asRegistered = {
  id: lazada,
  name: { th: 'ลาซาด้า', en: 'Lazada' },
  kind: 'COMPANY',
  country: 'TH',
  parent_id: alibaba,
  merged_into: null,
  merged_at: null,
  merge_reason: null,
  search_text: 'ลาซาดา lazada',
  ...bookkeeping({ version: 1, created: 1, last: 1 }),
};
const asRenamed = {
  ...asRegistered,
  name: { th: 'ลาซาด้า (ประเทศไทย)', en: 'Lazada (Thailand)', zh: '来赞达' },
  search_text: 'ลาซาดา (ประเทศไทย) lazada (thailand) 来赞达',
  ...bookkeeping({ version: 2, created: 1, last: 2 }),
};

// The reference case's made-up mistake: Lazada registered a second time, then merged into the first.
const duplicateId = '10000000-0000-4000-8000-0000000000d7';
const updated: OrganizationUpdated = {
  type: 'OrganizationUpdated',
  data: { organizationId: lazada, kind: 'COMPANY', country: null, parentId: null, reason: 'Neither the country nor the group was certain' },
};
const duplicateRegistered: OrganizationRegistered = {
  type: 'OrganizationRegistered',
  data: { organizationId: duplicateId, name: { en: 'Lazada Thailand' }, kind: 'COMPANY', country: 'TH', parentId: null },
};
const merged: OrganizationMerged = {
  type: 'OrganizationMerged',
  data: { organizationId: duplicateId, survivorId: lazada, name: { en: 'Lazada Thailand' }, reason: 'Registered twice' },
};
const update = stored(updated, { position: 3, version: 3 });
const duplicateRegistration = stored(duplicateRegistered, { position: 3 });
const merge = stored(merged, { position: 4, version: 2 });
const asDuplicate = {
  id: duplicateId,
  name: { en: 'Lazada Thailand' },
  kind: 'COMPANY',
  country: 'TH',
  parent_id: null,
  merged_into: null,
  merged_at: null,
  merge_reason: null,
  search_text: 'lazada thailand',
  ...bookkeeping({ version: 1, created: 3, last: 3 }),
};
const asMerged = {
  ...asDuplicate,
  merged_into: lazada,
  merged_at: recordedAt(4),
  merge_reason: 'Registered twice',
  ...bookkeeping({ version: 2, created: 3, last: 4 }),
};

const spec = projectionSpec(organizationsProjection);

export const organizationsProjectionSpecs: ProjectionSpecCase[] = [
  spec('adds a row when an organisation is registered').given().when(registration).then({ organizations: [asRegistered] }),

  spec('keeps an organisation with no country and no parent').given(
    stored({ ...registered, data: { ...registered.data, country: null, parentId: null } }, { position: 1 }),
  ).then({ organizations: [{ ...asRegistered, country: null, parent_id: null }] }),

  spec('takes the new name, and searches by it, when the organisation is renamed')
    .given(registration)
    .when(rename)
    .then({ organizations: [asRenamed] }),

  spec('changes nothing when the registration is delivered again after the rename')
    .given(registration, rename)
    .when(registration)
    .then({ organizations: [asRenamed] }),

  spec('changes nothing when the rename is delivered again').given(registration, rename).when(rename).then({ organizations: [asRenamed] }),

  spec('adds no row for the rename of an organisation it never saw registered').given().when(rename).then({ organizations: [] }),

  spec('leaves the organisation alone when a program takes it as a partner')
    .given(registration)
    .when(stored(sampleEvents.programPartnerAdded({ organizationId: lazada }), { position: 2 }))
    .then({ organizations: [asRegistered] }),

  spec('adds no row for the events of other aggregates')
    .given(
      stored(sampleEvents.programLaunched(), { position: 1 }),
      stored(sampleEvents.activityLogged({ organizerIds: [lazada] }), { position: 2 }),
      stored(sampleEvents.agreementRecorded({ partyIds: [alibaba, lazada] }), { position: 3 }),
    )
    .then({ organizations: [] }),

  spec('takes kind, country and parent as the update states them')
    .given(registration, rename)
    .when(update)
    .then({ organizations: [{ ...asRenamed, country: null, parent_id: null, ...bookkeeping({ version: 3, created: 1, last: 3 }) }] }),

  spec('changes nothing when the update is delivered again')
    .given(registration, rename, update)
    .when(update)
    .then({ organizations: [{ ...asRenamed, country: null, parent_id: null, ...bookkeeping({ version: 3, created: 1, last: 3 }) }] }),

  spec("marks the duplicate's row with its survivor, when and why, keeping its name; the survivor's row stays as it was")
    .given(registration, rename, duplicateRegistration)
    .when(merge)
    .then({ organizations: [asRenamed, asMerged] }),

  spec('changes nothing when the merge is delivered again').given(registration, duplicateRegistration, merge).when(merge).then({
    organizations: [asRegistered, asMerged],
  }),

  // The as-of replay applies a merge among the program's events, before the organisations'
  // own streams bring the registration and the merge again.
  spec('passes over a merge that comes before the row, and applies it when it comes again after the registration')
    .given(merge)
    .when(duplicateRegistration, merge)
    .then({ organizations: [asMerged] }),
];
