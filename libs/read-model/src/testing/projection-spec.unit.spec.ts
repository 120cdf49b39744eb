import { referenceIds } from '@tracker/domain';
import { organizationsProjection } from '../projections/organizations.projection';
import { programHistoryProjection } from '../projections/program-history.projection';
import { bookkeeping, memoryRowStoreBackend, projectionSpec, recordedAt, stored, verifyProjectionSpec } from './projection-spec';
import { sampleEvents } from './sample-events';

// The harness's own promises: a spec whose rows differ in any way must fail.
describe('a projection spec', () => {
  const { lazada, alibaba } = referenceIds.organizations;
  const registrations = [
    stored(sampleEvents.organizationRegistered({ organizationId: lazada }), { position: 1 }),
    stored(sampleEvents.organizationRegistered({ organizationId: alibaba, name: { en: 'Alibaba' } }), { position: 2 }),
  ];
  const row = (id: string, en: string, position: number) => ({
    id,
    name: { en },
    kind: 'COMPANY',
    country: 'TH',
    parent_id: null,
    merged_into: null,
    merged_at: null,
    merge_reason: null,
    search_text: en.toLowerCase(),
    ...bookkeeping({ version: 1, created: position, last: position }),
  });
  const spec = projectionSpec(organizationsProjection);

  it('passes whatever order the rows come back in', async () => {
    const rows = [row(alibaba, 'Alibaba', 2), row(lazada, 'Lazada', 1)];
    await verifyProjectionSpec(memoryRowStoreBackend, spec('in order').given(...registrations).then({ organizations: rows }));
    await verifyProjectionSpec(memoryRowStoreBackend, spec('reversed').given(...registrations).then({ organizations: rows.reverse() }));
  });

  it('fails when one column of one row differs', async () => {
    const rows = [row(lazada, 'Lazada', 1), { ...row(alibaba, 'Alibaba', 2), country: null }];
    await expect(verifyProjectionSpec(memoryRowStoreBackend, spec('wrong').given(...registrations).then({ organizations: rows }))).rejects.toThrow(
      /toEqual/,
    );
  });

  it('fails when a row is missing', async () => {
    const rows = [row(lazada, 'Lazada', 1)];
    await expect(verifyProjectionSpec(memoryRowStoreBackend, spec('short').given(...registrations).then({ organizations: rows }))).rejects.toThrow(
      /toEqual/,
    );
  });

  it('fails when a table it leaves out has rows', async () => {
    const history = projectionSpec(programHistoryProjection);
    const launch = stored(sampleEvents.programLaunched(), { position: 1 });
    const rows = [{ stream_id: `program-${referenceIds.program}`, program_id: referenceIds.program, last_position: '1' }];
    await expect(verifyProjectionSpec(memoryRowStoreBackend, history('half').given(launch).then({ program_streams: rows }))).rejects.toThrow(
      /toEqual/,
    );
    const events = [{ program_id: referenceIds.program, position: '1', recorded_at: recordedAt(1), stream_id: `program-${referenceIds.program}` }];
    await verifyProjectionSpec(memoryRowStoreBackend, history('whole').given(launch).then({ program_streams: rows, program_events: events }));
  });

  it('refuses a table the projection does not own', async () => {
    await expect(verifyProjectionSpec(memoryRowStoreBackend, spec('typo').given().then({ organisations: [] }))).rejects.toThrow(
      'then() names organisations: organizations owns organizations',
    );
  });
});
