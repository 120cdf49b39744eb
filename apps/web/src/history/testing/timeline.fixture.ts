import type { LocalizedText } from '../../app/localized';

/**
 * One of every event type the domain stores (libs/domain/src/** /*.events.ts), in an order a
 * real program could record them, so each correction has an earlier record to say "from".
 */
export const organizationNames: Record<string, LocalizedText> = {
  'o-diea': { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'DIEA' },
  'o-lazada': { th: 'ลาซาด้า', en: 'Lazada' },
};

const program = 'p1';
const activity = {
  activityId: 'a1',
  programId: program,
  kind: 'MEETING',
  status: 'HELD',
  title: { th: 'ประชุมกับลาซาด้า', en: 'Meeting with Lazada' },
  startsOn: '2019-12-16',
  endsOn: '2019-12-16',
  location: { venue: null, city: 'Bangkok', country: 'TH' },
  organizerIds: ['o-diea'],
  participants: [],
  topics: [],
  summary: null,
};
const followUp = { followUpId: 'f1', activityId: 'a1', programId: program, description: 'Send the price list', ownerId: 'o-lazada', dueOn: '2020-01-15' };
const agreementTitle = { th: 'บันทึกความเข้าใจ OTOP', en: 'OTOP MoU' };

export const everyEventType: { type: string; data: Record<string, unknown> }[] = [
  { type: 'ProgramLaunched', data: { programId: program, title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world' }, summary: null, status: 'ACTIVE', startedOn: '2019-05-29' } },
  { type: 'ProgramPartnerAdded', data: { programId: program, organizationId: 'o-diea', role: 'LEAD', joinedOn: '2019-05-29' } },
  { type: 'ProgramStatusChanged', data: { programId: program, from: 'ACTIVE', to: 'ON_HOLD', reason: 'Budget review' } },
  { type: 'ProgramCorrected', data: { programId: program, title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world' }, summary: null, startedOn: '2019-06-01', reason: 'Wrong start date' } },
  { type: 'ProgramPartnerRemoved', data: { programId: program, organizationId: 'o-lazada', role: 'PLATFORM', leftOn: '2020-01-31', reason: 'Contract ended' } },
  { type: 'ActivityLogged', data: activity },
  { type: 'ActivityCorrected', data: { ...activity, startsOn: '2019-12-17', endsOn: '2019-12-17', changed: ['startsOn', 'endsOn'], previousProgramId: program, reason: 'Wrong day' } },
  { type: 'ActivityCancelled', data: { activityId: 'a1', programId: program, previousStatus: 'HELD', reason: 'Logged twice' } },
  { type: 'AgreementRecorded', data: { agreementId: 'g1', title: agreementTitle, partyIds: ['o-diea', 'o-lazada'], programId: program, status: 'DRAFT', signedOn: null, expiresOn: null } },
  { type: 'AgreementSigned', data: { agreementId: 'g1', signedOn: '2019-12-20', expiresOn: '2022-12-19' } },
  { type: 'AgreementAmended', data: { agreementId: 'g1', title: agreementTitle, partyIds: ['o-diea', 'o-lazada'], expiresOn: '2023-12-19', reason: 'Extended a year' } },
  { type: 'AgreementTerminated', data: { agreementId: 'g1', terminatedOn: '2023-01-31', reason: 'Superseded' } },
  { type: 'OutcomeRecorded', data: { outcomeId: 'x1', programId: program, activityId: 'a1', kind: 'REVENUE', amount: '10000000.00', currency: 'THB', quantity: null, description: null } },
  { type: 'OutcomeCorrected', data: { outcomeId: 'x1', programId: program, amount: '10250000.00', currency: 'THB', quantity: null, description: null, reason: 'Late invoices counted' } },
  { type: 'OutcomeVoided', data: { outcomeId: 'x1', programId: program, reason: 'Entered twice' } },
  { type: 'FollowUpAdded', data: followUp },
  { type: 'FollowUpUpdated', data: { ...followUp, dueOn: '2020-02-15', changed: ['dueOn'], reason: 'Lazada asked for time' } },
  { type: 'FollowUpClosed', data: { followUpId: 'f1', status: 'DONE', note: 'Sent by email', closedOn: '2020-02-10' } },
  { type: 'FollowUpReopened', data: { ...followUp, dueOn: '2020-02-15', previousStatus: 'DONE', reason: 'The wrong list was sent' } },
  { type: 'OrganizationRegistered', data: { organizationId: 'o-x', name: { th: 'บริษัท เอ็กซ์', en: 'X Co' }, kind: 'COMPANY', country: 'TH', parentId: null } },
  { type: 'OrganizationRenamed', data: { organizationId: 'o-x', name: { th: 'บริษัท เอ็กซ์ จำกัด', en: 'X Company' } } },
  { type: 'OrganizationUpdated', data: { organizationId: 'o-x', kind: 'ASSOCIATION', country: 'TH', parentId: null, reason: 'It is an association' } },
  { type: 'OrganizationMerged', data: { organizationId: 'o-x', survivorId: 'o-lazada', name: { th: 'บริษัท เอ็กซ์ จำกัด', en: 'X Company' }, reason: 'A duplicate of Lazada' } },
];
