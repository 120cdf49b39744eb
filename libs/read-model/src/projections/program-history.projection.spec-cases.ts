import { referenceIds, streamIdFor } from '@tracker/domain';
import { projectionSpec, recordedAt, stored, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents as sample } from '../testing/sample-events';
import { programHistoryProjection } from './program-history.projection';

const programId = referenceIds.program;
const otherProgramId = '20000000-0000-4000-8000-000000000002';
const activityId = referenceIds.activities.cddMeeting;
const agreementId = '60000000-0000-4000-8000-000000000003';
const outcomeId = referenceIds.outcomes.shanghaiFairRevenue;
const followUpId = referenceIds.followUps.lazadaOnlineTraining;

/** A program_streams row: the stream belongs to the program, up to position `last`. */
const link = (streamId: string, program: string, last: number) => ({ stream_id: streamId, program_id: program, last_position: String(last) });
/** program_events rows: the program was touched by the events of `streamId` at these positions. */
const touched = (program: string, streamId: string, ...positions: number[]) =>
  positions.map((position) => ({ program_id: program, position: String(position), recorded_at: recordedAt(position), stream_id: streamId }));

/** An organization_programs row: the organisation took part in these programs, as of position `last`. */
const tookPart = (organizationId: string, programs: string[], last: number, mergedAt: number | null = null) => ({
  organization_id: organizationId,
  program_ids: programs,
  merge_position: mergedAt === null ? null : String(mergedAt),
  merge_recorded_at: mergedAt === null ? null : recordedAt(mergedAt),
  last_position: String(last),
});
const { lazada, cdd, alibaba } = referenceIds.organizations;
// The reference case's made-up mistake: Lazada registered twice; the second one is merged.
const duplicate = '10000000-0000-4000-8000-0000000000d7';

const programStream = streamIdFor.program(programId);
const activityStream = streamIdFor.activity(activityId);
const launch = stored(sample.programLaunched({ programId }), { position: 1 });
const partnerAdded = stored(sample.programPartnerAdded({ programId }), { position: 2, version: 2 });
const putOnHold = stored(sample.programStatusChanged({ programId }), { position: 3, version: 3 });

/** The activity moved from the reference program to the other one. */
const moving = stored(sample.activityCorrected({ activityId, programId: otherProgramId, previousProgramId: programId, changed: ['programId'] }), { position: 2, version: 2 });

const spec = projectionSpec(programHistoryProjection);

export const programHistoryProjectionSpecs: ProjectionSpecCase[] = [
  spec('links the program stream to its program when the program is launched')
    .given()
    .when(launch)
    .then({ program_streams: [link(programStream, programId, 1)], program_events: touched(programId, programStream, 1) }),

  spec("records each of the program's own events").given(launch, partnerAdded).when(putOnHold).then({ organization_programs: [tookPart(lazada, [programId], 2)],
    program_streams: [link(programStream, programId, 3)],
    program_events: touched(programId, programStream, 1, 2, 3),
  }),

  spec('links an activity logged for the program').given(launch).when(stored(sample.activityLogged({ activityId, programId }), { position: 2 })).then({ organization_programs: [tookPart(cdd, [programId], 2)],
    program_streams: [link(programStream, programId, 1), link(activityStream, programId, 2)],
    program_events: [...touched(programId, programStream, 1), ...touched(programId, activityStream, 2)],
  }),

  spec('finds the closing of a follow-up, which names no program, through the link its adding made')
    .given(stored(sample.followUpAdded({ followUpId, programId }), { position: 1 }))
    .when(stored(sample.followUpClosed({ followUpId }), { position: 2, version: 2 }))
    .then({ organization_programs: [tookPart(lazada, [programId], 1)], program_streams: [link(streamIdFor.followUp(followUpId), programId, 2)], program_events: touched(programId, streamIdFor.followUp(followUpId), 1, 2) }),

  spec("records the program's correction and a partner's removal")
    .given(launch, partnerAdded)
    .when(
      stored(sample.programCorrected({ programId }), { position: 3, version: 3 }),
      stored(sample.programPartnerRemoved({ programId }), { position: 4, version: 4 }),
    )
    .then({ organization_programs: [tookPart(lazada, [programId], 2)], program_streams: [link(programStream, programId, 4)], program_events: touched(programId, programStream, 1, 2, 3, 4) }),

  spec('finds the amendment of an agreement, which names no program, through the link its recording made')
    .given(stored(sample.agreementRecorded({ agreementId, programId }), { position: 1 }))
    .when(stored(sample.agreementSigned({ agreementId }), { position: 2, version: 2 }), stored(sample.agreementAmended({ agreementId }), { position: 3, version: 3 }))
    .then({ organization_programs: [tookPart(cdd, [programId], 1), tookPart(lazada, [programId], 1)], program_streams: [link(streamIdFor.agreement(agreementId), programId, 3)], program_events: touched(programId, streamIdFor.agreement(agreementId), 1, 2, 3) }),
  spec('records the update and the reopening of a follow-up of the program')
    .given(stored(sample.followUpAdded({ followUpId, programId }), { position: 1 }), stored(sample.followUpClosed({ followUpId }), { position: 2, version: 2 }))
    .when(
      stored(sample.followUpReopened({ followUpId, programId }), { position: 3, version: 3 }),
      stored(sample.followUpUpdated({ followUpId, programId }), { position: 4, version: 4 }),
    )
    .then({ organization_programs: [tookPart(lazada, [programId], 1), tookPart(cdd, [programId], 4)], program_streams: [link(streamIdFor.followUp(followUpId), programId, 4)], program_events: touched(programId, streamIdFor.followUp(followUpId), 1, 2, 3, 4) }),

  spec('links a follow-up stream by an update that comes first, since it names its program')
    .given()
    .when(stored(sample.followUpUpdated({ followUpId, programId }), { position: 2, version: 2 }))
    .then({ organization_programs: [tookPart(cdd, [programId], 2)], program_streams: [link(streamIdFor.followUp(followUpId), programId, 2)], program_events: touched(programId, streamIdFor.followUp(followUpId), 2) }),

  spec("records an agreement of the program, its signing and its termination")
    .given(stored(sample.agreementRecorded({ agreementId, programId }), { position: 1 }))
    .when(stored(sample.agreementSigned({ agreementId }), { position: 2, version: 2 }), stored(sample.agreementTerminated({ agreementId }), { position: 3, version: 3 }))
    .then({ organization_programs: [tookPart(cdd, [programId], 1), tookPart(lazada, [programId], 1)], program_streams: [link(streamIdFor.agreement(agreementId), programId, 3)], program_events: touched(programId, streamIdFor.agreement(agreementId), 1, 2, 3) }),

  spec('records an outcome of the program, its correction and its void')
    .given(stored(sample.outcomeRecorded({ outcomeId, programId }), { position: 1 }))
    .when(stored(sample.outcomeCorrected({ outcomeId, programId }), { position: 2, version: 2 }), stored(sample.outcomeVoided({ outcomeId, programId }), { position: 3, version: 3 }))
    .then({ program_streams: [link(streamIdFor.outcome(outcomeId), programId, 3)], program_events: touched(programId, streamIdFor.outcome(outcomeId), 1, 2, 3) }),

  spec('keeps each program to its own events').given(launch).when(
    stored(sample.programLaunched({ programId: otherProgramId }), { position: 2 }),
    stored(sample.activityLogged({ activityId, programId: otherProgramId }), { position: 3 }),
  ).then({ organization_programs: [tookPart(cdd, [otherProgramId], 3)],
    program_streams: [
      link(programStream, programId, 1),
      link(streamIdFor.program(otherProgramId), otherProgramId, 2),
      link(activityStream, otherProgramId, 3),
    ],
    program_events: [...touched(programId, programStream, 1), ...touched(otherProgramId, streamIdFor.program(otherProgramId), 2), ...touched(otherProgramId, activityStream, 3)],
  }),

  spec('records an event once when it is delivered again after a later one').given(launch, partnerAdded).when(launch).then({ organization_programs: [tookPart(lazada, [programId], 2)],
    program_streams: [link(programStream, programId, 2)],
    program_events: touched(programId, programStream, 1, 2),
  }),

  spec('records an event once when it is delivered twice in a row').given(launch, partnerAdded).when(partnerAdded).then({ organization_programs: [tookPart(lazada, [programId], 2)],
    program_streams: [link(programStream, programId, 2)],
    program_events: touched(programId, programStream, 1, 2),
  }),

  spec('records nothing for an agreement outside any program, even once signed')
    .given(stored(sample.agreementRecorded({ agreementId, programId: null }), { position: 1 }))
    .when(stored(sample.agreementSigned({ agreementId }), { position: 2, version: 2 }))
    .then({ program_streams: [], program_events: [] }),

  spec('records nothing for an activity outside any program, or a follow-up of it')
    .given(stored(sample.activityLogged({ activityId, programId: null }), { position: 1 }))
    .when(stored(sample.followUpAdded({ followUpId, activityId, programId: null }), { position: 2 }))
    .then({ program_streams: [], program_events: [] }),

  spec("records nothing for an organisation's events, even a partner's").given(launch, partnerAdded).when(
    stored(sample.organizationRegistered(), { position: 3 }),
    stored(sample.organizationRenamed(), { position: 4, version: 2 }),
  ).then({ organization_programs: [tookPart(lazada, [programId], 2)],
    program_streams: [link(programStream, programId, 2)],
    program_events: touched(programId, programStream, 1, 2),
  }),

  spec('indexes a correction and a cancellation of an activity of the program')
    .given(stored(sample.activityLogged({ activityId, programId }), { position: 1 }))
    .when(
      stored(sample.activityCorrected({ activityId, programId }), { position: 2, version: 2 }),
      stored(sample.activityCancelled({ activityId, programId }), { position: 3, version: 3 }),
    )
    .then({ organization_programs: [tookPart(cdd, [programId], 1)], program_streams: [link(activityStream, programId, 3)], program_events: touched(programId, activityStream, 1, 2, 3) }),

  spec('indexes an activity moved to another program under both programs at the move, and under the new one after it')
    .given(stored(sample.activityLogged({ activityId, programId }), { position: 1 }))
    .when(moving, stored(sample.activityCancelled({ activityId, programId: otherProgramId }), { position: 3, version: 3 }))
    .then({ organization_programs: [tookPart(cdd, [programId, otherProgramId], 2)],
      program_streams: [link(activityStream, otherProgramId, 3)],
      program_events: [...touched(programId, activityStream, 1, 2), ...touched(otherProgramId, activityStream, 2, 3)],
    }),

  spec('indexes the move once when it is delivered again')
    .given(stored(sample.activityLogged({ activityId, programId }), { position: 1 }), moving)
    .when(moving)
    .then({ organization_programs: [tookPart(cdd, [programId, otherProgramId], 2)],
      program_streams: [link(activityStream, otherProgramId, 2)],
      program_events: [...touched(programId, activityStream, 1, 2), ...touched(otherProgramId, activityStream, 2)],
    }),

  spec('links an activity logged outside any program from the correction that puts it in one')
    .given(stored(sample.activityLogged({ activityId, programId: null }), { position: 1 }))
    .when(stored(sample.activityCorrected({ activityId, programId, previousProgramId: null, changed: ['programId'] }), { position: 2, version: 2 }))
    .then({ organization_programs: [tookPart(cdd, [programId], 2)], program_streams: [link(activityStream, programId, 2)], program_events: touched(programId, activityStream, 2) }),
  ...mergeSpecs(),
];

/** An organisation's merge, in the history of every program it took part in. */
function mergeSpecs(): ProjectionSpecCase[] {
  const duplicateStream = streamIdFor.organization(duplicate);
  const duplicateJoins = stored(sample.programPartnerAdded({ programId, organizationId: duplicate }), { position: 2, version: 2 });
  const merge = (position: number, version = 2) => stored(sample.organizationMerged({ organizationId: duplicate, survivorId: lazada }), { position, version });
  const otherLaunch = stored(sample.programLaunched({ programId: otherProgramId }), { position: 3 });
  const otherMeeting = stored(
    sample.activityLogged({
      activityId,
      programId: otherProgramId,
      organizerIds: [],
      participants: [{ name: { en: 'Jirawan Chaipongphat' }, position: null, organizationId: duplicate }],
    }),
    { position: 4 },
  );
  const merged = merge(5);
  return [
    spec('indexes a merge under every program the duplicate took part in, and hands those programs to the survivor')
      .given(launch, duplicateJoins, otherLaunch, otherMeeting)
      .when(merged)
      .then({
        program_streams: [link(programStream, programId, 2), link(streamIdFor.program(otherProgramId), otherProgramId, 3), link(streamIdFor.activity(activityId), otherProgramId, 4)],
        program_events: [...touched(programId, programStream, 1, 2), ...touched(programId, duplicateStream, 5), ...touched(otherProgramId, streamIdFor.program(otherProgramId), 3), ...touched(otherProgramId, streamIdFor.activity(activityId), 4), ...touched(otherProgramId, duplicateStream, 5)],
        organization_programs: [tookPart(duplicate, [programId, otherProgramId], 5, 5), tookPart(lazada, [programId, otherProgramId], 5)],
      }),

    spec('indexes a merge once when it is delivered again').given(launch, duplicateJoins, merge(3)).when(merge(3)).then({
      program_streams: [link(programStream, programId, 2)],
      program_events: [...touched(programId, programStream, 1, 2), ...touched(programId, duplicateStream, 3)],
      organization_programs: [tookPart(duplicate, [programId], 3, 3), tookPart(lazada, [programId], 3)],
    }),

    spec("reaches the duplicate's programs when the survivor is merged in turn")
      .given(launch, duplicateJoins, merge(3))
      .when(stored(sample.organizationMerged({ organizationId: lazada, survivorId: alibaba, name: { en: 'Lazada' } }), { position: 4, version: 2 }))
      .then({
        program_streams: [link(programStream, programId, 2)],
        program_events: [...touched(programId, programStream, 1, 2), ...touched(programId, duplicateStream, 3), ...touched(programId, streamIdFor.organization(lazada), 4)],
        organization_programs: [tookPart(duplicate, [programId], 3, 3), tookPart(lazada, [programId], 4, 4), tookPart(alibaba, [programId], 4)],
      }),

    // A command that read the duplicate before the merge, stored after it.
    spec('indexes the merge under a program that named the duplicate only after it was merged')
      .given(launch, merge(2))
      .when(stored(sample.programPartnerAdded({ programId, organizationId: duplicate }), { position: 3, version: 2 }))
      .then({
        program_streams: [link(programStream, programId, 3)],
        program_events: [...touched(programId, programStream, 1, 3), ...touched(programId, duplicateStream, 2)],
        organization_programs: [tookPart(duplicate, [programId], 3, 2)],
      }),

    spec('indexes the merge of a duplicate that took part in nothing under no program')
      .given(launch, partnerAdded)
      .when(merge(3))
      .then({
        program_streams: [link(programStream, programId, 2)],
        program_events: touched(programId, programStream, 1, 2),
        organization_programs: [tookPart(lazada, [programId], 2), tookPart(duplicate, [], 3, 3)],
      }),
  ];
}
