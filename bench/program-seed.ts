import { CommandBus } from '@nestjs/cqrs';
/**
 * A program told through the CommandBus (the mutations' own code path, deciders and all),
 * so the read model holds what a real one would: partners, and per activity two organisers
 * (departments under a ministry), three participants with their organisations, a follow-up
 * owned by an organisation and one or two outcomes.
 */
import { AddFollowUp, AddProgramPartner, type CommandContext, LaunchProgram, LogActivity, RecordAgreement, RecordOutcome, RegisterOrganization } from '@tracker/application';

export interface SeededProgram {
  programId: string;
  /** Every organisation registered, ministries first. */
  organizationIds: string[];
  /** Position of the last event appended: wait for the projector to reach it. */
  lastPosition: bigint;
  /** Events that touch the program (what programHistory lists): organisations excluded. */
  programEvents: number;
}

const ORGANIZATIONS = 10;

export async function seedProgram(commands: CommandBus, options: { activities: number; tag?: string }): Promise<SeededProgram> {
  const tag = options.tag ?? 'bench';
  const ctx: CommandContext = { actor: 'bench-seeder', now: new Date() };
  let lastPosition = 0n;
  let programEvents = 0;
  const track = <T extends { position: bigint }>(result: T, touchesProgram = true): T => {
    if (result.position > lastPosition) lastPosition = result.position;
    if (touchesProgram) programEvents += 1;
    return result;
  };

  const ministries = [
    { th: 'กระทรวงการต่างประเทศ', en: 'Ministry of Foreign Affairs' },
    { th: 'กระทรวงมหาดไทย', en: 'Ministry of Interior' },
  ];
  const organizationIds: string[] = [];
  for (const name of ministries) {
    organizationIds.push(track(await commands.execute(new RegisterOrganization({ name, kind: 'MINISTRY', country: 'TH' }, ctx)), false).id);
  }
  for (let o = 0; o < ORGANIZATIONS - ministries.length; o += 1) {
    const company = o % 2 === 1;
    const input = company
      ? { name: { th: `บริษัท ${tag} ${o}`, en: `Company ${tag} ${o}`, zh: `公司 ${o}` }, kind: 'COMPANY' as const, country: 'CN' }
      : { name: { th: `กรม ${tag} ${o}`, en: `Department ${tag} ${o}` }, kind: 'DEPARTMENT' as const, country: 'TH', parentId: organizationIds[o % 2] };
    organizationIds.push(track(await commands.execute(new RegisterOrganization(input, ctx)), false).id);
  }
  const departments = organizationIds.filter((_, i) => i >= 2 && i % 2 === 0);
  const companies = organizationIds.filter((_, i) => i >= 2 && i % 2 === 1);

  const programId = track(
    await commands.execute(new LaunchProgram(
      { title: { th: `โครงการโอทอปออนไลน์ ${tag}`, en: `OTOP e-commerce ${tag}` }, summary: 'OTOP products online', startedOn: '2019-05-01', status: 'ACTIVE' },
      ctx,
    )),
  ).id;
  for (const [i, organizationId] of [organizationIds[0], organizationIds[1], companies[0], companies[1]].entries()) {
    track(await commands.execute(new AddProgramPartner({ programId, organizationId, role: i < 2 ? 'LEAD' : 'PLATFORM', joinedOn: '2019-05-01' }, ctx)));
  }
  track(await commands.execute(new RecordAgreement({ title: { en: `MoU ${tag}` }, partyIds: [organizationIds[0], companies[0]], programId, status: 'SIGNED', signedOn: '2019-05-02' }, ctx)));

  for (let a = 0; a < options.activities; a += 1) {
    const day = `2019-${String((a % 12) + 1).padStart(2, '0')}-${String((a % 27) + 1).padStart(2, '0')}`;
    const activityId = track(
      await commands.execute(new LogActivity(
        {
          programId,
          kind: (['MEETING', 'SITE_VISIT', 'FAIR', 'WORKSHOP'] as const)[a % 4],
          title: { th: `ประชุมหารือ ${tag} ${a}`, en: `Meeting ${tag} ${a}` },
          startsOn: day,
          endsOn: day,
          location: { venue: 'Community Development Department', city: 'Bangkok', country: 'TH' },
          organizerIds: [departments[a % departments.length], departments[(a + 1) % departments.length]],
          participants: [0, 1, 2].map((p) => ({
            name: { en: `Participant ${a}-${p}` },
            position: { en: 'Director' },
            organizationId: companies[(a + p) % companies.length],
          })),
          topics: ['OTOP', 'e-commerce'],
          summary: 'Taking OTOP community products online',
        },
        ctx,
      )),
    ).id;
    track(await commands.execute(new AddFollowUp({ activityId, description: `Train OTOP sellers ${a}`, ownerId: companies[a % companies.length], dueOn: '2020-03-31' }, ctx)));
    track(await commands.execute(new RecordOutcome({ programId, activityId, kind: 'REVENUE', amount: `${1000 + a}.50`, currency: 'THB' }, ctx)));
    if (a % 2 === 0) track(await commands.execute(new RecordOutcome({ programId, activityId, kind: 'TRAINED', quantity: 10 + a }, ctx)));
  }
  return { programId, organizationIds, lastPosition, programEvents };
}
