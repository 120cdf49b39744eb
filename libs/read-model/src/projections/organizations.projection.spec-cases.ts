import { referenceIds, type OrganizationRegistered, type OrganizationRenamed } from '@tracker/domain';
import { bookkeeping, projectionSpec, stored, type ProjectionSpecCase } from '../testing/projection-spec';
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
  search_text: 'ลาซาดา lazada',
  ...bookkeeping({ version: 1, created: 1, last: 1 }),
};
const asRenamed = {
  ...asRegistered,
  name: { th: 'ลาซาด้า (ประเทศไทย)', en: 'Lazada (Thailand)', zh: '来赞达' },
  search_text: 'ลาซาดา (ประเทศไทย) lazada (thailand) 来赞达',
  ...bookkeeping({ version: 2, created: 1, last: 2 }),
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
];
