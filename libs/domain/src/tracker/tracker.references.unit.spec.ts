import { organizationsNamedBy } from './tracker.references';

describe('organizationsNamedBy', () => {
  it('names a partner, the parties, an owner', () => {
    expect(organizationsNamedBy({ type: 'ProgramPartnerAdded', data: { programId: 'p', organizationId: 'o', role: 'PLATFORM', joinedOn: null } })).toEqual(['o']);
    expect(
      organizationsNamedBy({
        type: 'AgreementRecorded',
        data: { agreementId: 'g', title: { en: 'MoU' }, partyIds: ['a', 'b'], programId: 'p', status: 'DRAFT', signedOn: null, expiresOn: null },
      }),
    ).toEqual(['a', 'b']);
    const followUp = { followUpId: 'f', activityId: 'a', programId: 'p', description: 'train sellers', dueOn: null };
    expect(organizationsNamedBy({ type: 'FollowUpAdded', data: { ...followUp, ownerId: 'o' } })).toEqual(['o']);
    expect(organizationsNamedBy({ type: 'FollowUpAdded', data: { ...followUp, ownerId: null } })).toEqual([]);
  });

  it("names an activity's organisers and its participants' organisations, each once", () => {
    expect(
      organizationsNamedBy({
        type: 'ActivityLogged',
        data: {
          activityId: 'a',
          programId: 'p',
          kind: 'MEETING',
          status: 'HELD',
          title: { en: 'Meeting' },
          startsOn: '2019-12-16',
          endsOn: '2019-12-16',
          location: null,
          organizerIds: ['diea', 'cdd'],
          participants: [
            { name: { en: 'Zhang Zhuoyan' }, position: null, organizationId: 'lazada' },
            { name: { en: 'Paiboon Buranasanti' }, position: null, organizationId: 'cdd' },
            { name: { en: 'A guest' }, position: null, organizationId: null },
          ],
          topics: [],
          summary: null,
        },
      }),
    ).toEqual(['diea', 'cdd', 'lazada']);
  });

  it("names none for an organisation's own events: its stream belongs to no program", () => {
    expect(organizationsNamedBy({ type: 'OrganizationMerged', data: { organizationId: 'd', survivorId: 's', name: { en: 'D' }, reason: 'twice' } })).toEqual([]);
  });
});
