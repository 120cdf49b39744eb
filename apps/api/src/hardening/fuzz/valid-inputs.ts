import { CommandBus } from '@nestjs/cqrs';
import { AddFollowUp, AddProgramPartner, CloseFollowUp, LaunchProgram, LogActivity, RecordAgreement, RecordOutcome, RegisterOrganization } from '@tracker/application';
import type { SeededRandom } from './seeded-random';

/**
 * Records the fuzzer's inputs point at, made straight through the command side. `fresh*`
 * make a new one for a request that must succeed (a partner can be added once, a program
 * leaves PROPOSED once, a follow-up is closed once); the malformed requests share `spare*`.
 */
export interface FuzzFixtures {
  ministry: string;
  company: string;
  program: string;
  activity: string;
  outcome: string;
  spareOrganization: string;
  /** The merge's duplicate for malformed requests: never merged, as none of them goes through. */
  spareDuplicate: string;
  proposedProgram: string;
  openFollowUp: string;
  /** A signed agreement of the program: amendments change its title and nothing else. */
  agreement: string;
  /** A partner of the program that malformed removals name (and never remove). */
  sparePartner: string;
  draftAgreement: string;
  signedAgreement: string;
  freshOrganization(): Promise<string>;
  freshProposedProgram(): Promise<string>;
  freshOpenFollowUp(): Promise<string>;
  freshPartner(): Promise<string>;
  freshDraftAgreement(): Promise<string>;
  freshSignedAgreement(): Promise<string>;
  freshDoneFollowUp(): Promise<string>;
  /** Kept open for updateFollowUp (closeFollowUp's spare may be closed by a retry case). */
  followUpToUpdate: string;
  doneFollowUp: string;
  /** Held, for cancelActivity (an activity is cancelled once). */
  spareActivity: string;
  /** For voidOutcome (an outcome is voided once); never the corrected `outcome`. */
  spareOutcome: string;
  freshActivity(): Promise<string>;
  freshOutcome(): Promise<string>;
}

export async function createFuzzFixtures(commands: CommandBus): Promise<FuzzFixtures> {
  const ctx = { actor: 'fuzz-fixtures', now: '2019-12-16T09:00:00+07:00' };
  const ministry = (await commands.execute(new RegisterOrganization({ name: { th: 'กระทรวงการต่างประเทศ', en: 'Ministry of Foreign Affairs' }, kind: 'MINISTRY', country: 'TH' }, ctx))).id;
  const company = (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY', country: 'TH' }, ctx))).id;
  const program = (await commands.execute(new LaunchProgram({ title: { th: 'โอทอปออนไลน์', en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx))).id;
  const activity = (await commands.execute(new LogActivity({ programId: program, kind: 'MEETING', title: { en: 'Kick-off' }, startsOn: '2019-12-16' }, ctx))).id;
  const outcome = (await commands.execute(new RecordOutcome({ programId: program, activityId: activity, kind: 'REVENUE', amount: '100.00', currency: 'THB' }, ctx))).id;
  const freshOrganization = async () => (await commands.execute(new RegisterOrganization({ name: { en: 'Candidate partner' }, kind: 'COMPANY' }, ctx))).id;
  const freshProposedProgram = async () => (await commands.execute(new LaunchProgram({ title: { en: 'Proposal' } }, ctx))).id;
  const freshOpenFollowUp = async () => (await commands.execute(new AddFollowUp({ activityId: activity, description: 'Send the slides' }, ctx))).id;
  const freshPartner = async () => {
    const organizationId = await freshOrganization();
    await commands.execute(new AddProgramPartner({ programId: program, organizationId, role: 'MARKETING', joinedOn: '2019-12-16' }, ctx));
    return organizationId;
  };
  const agreement = async (status: 'DRAFT' | 'SIGNED') =>
    (await commands.execute(new RecordAgreement({ title: { en: 'Memorandum' }, partyIds: [ministry, company], programId: program, status, signedOn: status === 'SIGNED' ? '2019-12-16' : null }, ctx))).id;
  const freshDraftAgreement = () => agreement('DRAFT');
  const freshSignedAgreement = () => agreement('SIGNED');
  const freshDoneFollowUp = async () => {
    const id = await freshOpenFollowUp();
    await commands.execute(new CloseFollowUp({ id, status: 'DONE' }, ctx));
    return id;
  };
  const freshActivity = async () =>
    (await commands.execute(new LogActivity({ programId: program, kind: 'MEETING', title: { en: 'Follow-up meeting' }, startsOn: '2019-12-20' }, ctx))).id;
  const freshOutcome = async () => (await commands.execute(new RecordOutcome({ programId: program, kind: 'ORDERS', quantity: 12 }, ctx))).id;
  return {
    ministry,
    company,
    program,
    activity,
    outcome,
    spareOrganization: await freshOrganization(),
    spareDuplicate: await freshOrganization(),
    proposedProgram: await freshProposedProgram(),
    openFollowUp: await freshOpenFollowUp(),
    agreement: await freshSignedAgreement(),
    sparePartner: await freshPartner(),
    draftAgreement: await freshDraftAgreement(),
    signedAgreement: await freshSignedAgreement(),
    freshOrganization,
    freshProposedProgram,
    freshOpenFollowUp,
    freshPartner,
    freshDraftAgreement,
    freshSignedAgreement,
    freshDoneFollowUp,
    followUpToUpdate: await freshOpenFollowUp(),
    doneFollowUp: await freshDoneFollowUp(),
    spareActivity: await freshActivity(),
    spareOutcome: await freshOutcome(),
    freshActivity,
    freshOutcome,
  };
}

export type Input = Record<string, unknown>;

/**
 * A well-formed input per mutation of the contract: the base every malformed request is cut
 * from, and what a duplicate-commandId case sends first (`fresh`: it must succeed). The fuzz
 * spec fails when a mutation of the served schema has no entry here.
 */
export const VALID_INPUTS: Record<string, (fixtures: FuzzFixtures, random: SeededRandom, fresh: boolean) => Promise<Input>> = {
  registerOrganization: async (f, r) => ({
    name: { th: 'บริษัท อาลีบาบา', en: `Alibaba ${r.int(1, 1e9)}`, zh: '阿里巴巴' },
    kind: 'COMPANY',
    country: 'CN',
    parentId: f.ministry,
  }),
  renameOrganization: async (f, r) => ({ id: f.company, name: { en: `Lazada ${r.int(1, 1e9)}` } }),
  // A candidate is registered without a country: setting one is a change.
  updateOrganization: async (f, _r, fresh) => ({
    id: fresh ? await f.freshOrganization() : f.spareOrganization,
    kind: 'COMPANY',
    country: 'SG',
    parentId: f.ministry,
    reason: 'Registered from Singapore',
  }),
  mergeOrganizations: async (f, _r, fresh) => ({
    survivorId: f.company,
    duplicateId: fresh ? await f.freshOrganization() : f.spareDuplicate,
    reason: 'Registered twice',
  }),
  launchProgram: async (_f, r) => ({
    title: { th: 'ข้าวหอมมะลิสู่ญี่ปุ่น', en: `Rice exports ${r.int(1, 1e9)}` },
    summary: 'Jasmine rice to Japanese retailers',
    startedOn: '๑๖ ธันวาคม ๒๕๖๒',
    status: 'PROPOSED',
  }),
  addProgramPartner: async (f, _r, fresh) => ({
    programId: f.program,
    organizationId: fresh ? await f.freshOrganization() : f.spareOrganization,
    role: 'PLATFORM',
    joinedOn: '16 ธ.ค. 2562',
  }),
  changeProgramStatus: async (f, _r, fresh) => ({
    programId: fresh ? await f.freshProposedProgram() : f.proposedProgram,
    status: 'ACTIVE',
    reason: 'Budget approved',
  }),
  recordAgreement: async (f, r) => ({
    title: { en: `Memorandum ${r.int(1, 1e9)}` },
    partyIds: [f.ministry, f.company],
    programId: f.program,
    status: 'SIGNED',
    signedOn: '16/12/2562',
    expiresOn: '2022-12-31',
  }),
  logActivity: async (f, r) => ({
    programId: f.program,
    kind: 'FAIR',
    title: { th: 'งานแสดงสินค้า', en: `Trade fair ${r.int(1, 1e9)}` },
    startsOn: '2019-05-29',
    endsOn: '1 มิถุนายน 2562',
    location: { venue: 'NECC', city: 'Shanghai', country: 'CN' },
    organizerIds: [f.ministry],
    participants: [{ name: { en: 'Khun Somchai' }, position: { en: 'Director' }, organizationId: f.company }],
    topics: ['OTOP', 'อีคอมเมิร์ซ'],
    summary: 'Thai pavilion',
  }),
  recordOutcome: async (f, r) => ({
    programId: f.program,
    activityId: f.activity,
    kind: 'REVENUE',
    amount: `${r.int(1, 1e9)}.50`,
    currency: 'THB',
    description: 'Sales at the fair',
  }),
  correctOutcome: async (f, r) => ({ id: f.outcome, amount: `${r.int(1, 1e9)}.25`, reason: 'Typo in the report' }),
  addFollowUp: async (f, r) => ({ activityId: f.activity, description: `Send the buyer list ${r.int(1, 1e9)}`, ownerId: f.company, dueOn: '2020-01-31' }),
  closeFollowUp: async (f, _r, fresh) => ({ id: fresh ? await f.freshOpenFollowUp() : f.openFollowUp, status: 'DONE', note: 'Sent' }),
  correctProgram: async (f, r) => ({
    programId: f.program,
    title: { th: 'โอทอปออนไลน์', en: `OTOP e-commerce ${r.int(1, 1e9)}` },
    summary: 'Community products online',
    startedOn: '๒๙ พฤษภาคม ๒๕๖๒',
    reason: 'The title was mistyped',
  }),
  removeProgramPartner: async (f, _r, fresh) => ({
    programId: f.program,
    organizationId: fresh ? await f.freshPartner() : f.sparePartner,
    leftOn: '31 ม.ค. 2563',
    reason: 'Its contract ended',
  }),
  signAgreement: async (f, _r, fresh) => ({ id: fresh ? await f.freshDraftAgreement() : f.draftAgreement, signedOn: '15/01/2563', expiresOn: '2022-12-31' }),
  amendAgreement: async (f, r) => ({
    id: f.agreement,
    title: { en: `Memorandum ${r.int(1, 1e9)}` },
    partyIds: [f.ministry, f.company],
    expiresOn: '2022-12-31',
    reason: 'The parties renamed it',
  }),
  terminateAgreement: async (f, _r, fresh) => ({
    id: fresh ? await f.freshSignedAgreement() : f.signedAgreement,
    terminatedOn: '30 มิ.ย. 2563',
    reason: 'Superseded by a new memorandum',
  }),
  // The description differs every time, so the update always changes something.
  updateFollowUp: async (f, r, fresh) => ({
    id: fresh ? await f.freshOpenFollowUp() : f.followUpToUpdate,
    description: `Send the slides and the price list ${r.int(1, 1e9)}`,
    ownerId: f.company,
    dueOn: '31/01/2563',
    reason: 'The buyer asked for the prices too',
  }),
  reopenFollowUp: async (f, _r, fresh) => ({ id: fresh ? await f.freshDoneFollowUp() : f.doneFollowUp, reason: 'The slides never arrived' }),
  // A correction must change something: a summary of its own each time.
  correctActivity: async (f, r) => ({
    id: f.activity,
    startsOn: '16 ธ.ค. 2562',
    participants: [{ name: { en: 'Khun Somchai' }, organizationId: f.company }],
    summary: `Minutes ${r.int(1, 1e9)}`,
    reason: 'Minutes received',
  }),
  cancelActivity: async (f, _r, fresh) => ({ id: fresh ? await f.freshActivity() : f.spareActivity, reason: 'Called off' }),
  voidOutcome: async (f, _r, fresh) => ({ id: fresh ? await f.freshOutcome() : f.spareOutcome, reason: 'Entered twice' }),
};
