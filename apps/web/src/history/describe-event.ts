import { localized, type LocalizedText } from '../app/localized';
import { formatDate } from '../format/dates';
import { formatMoney, formatQuantity } from '../format/money';
import { en } from '../i18n/en';
import type { Language } from '../i18n/languages';
import { th } from '../i18n/th';
import { organizationsWords } from '../organizations/organizations.words';

/*
 * What each stored event means, in a sentence an auditor reads: "Revenue corrected: amount from
 * THB 10,000,000.00 to THB 10,250,000.00". Pure: no React, no i18next, so the wording is tested
 * as a table and the CSV export uses the same sentences.
 *
 * The data shapes mirror libs/domain/src/** /*.events.ts (the API sends `data` as stored JSON; the
 * web app does not import the domain). A correction carries the record's whole new state, not
 * what it was before: to say "from X" the timeline is folded in order and `Known` keeps what each
 * record last said.
 */

/** The part of a HistoryEvent the wording reads. */
export interface TimelineEvent {
  type: string;
  data: unknown;
}

export interface Description {
  text: string;
  /** The reason the event carries (corrections, cancellations, removals), if any. */
  reason: string | null;
}

/** An organisation's name, when the page knows it (the timeline names organisations by id). */
export type NameOf = (organizationId: string) => LocalizedText | null | undefined;

export type EventFamily = 'program' | 'activity' | 'outcome' | 'followUp' | 'agreement' | 'organization';
export const eventFamilies: readonly EventFamily[] = ['program', 'activity', 'outcome', 'followUp', 'agreement', 'organization'];

/** The filter family an event type belongs to, by the aggregate its name starts with. */
export function familyOf(type: string): EventFamily | null {
  if (type.startsWith('Program')) return 'program';
  if (type.startsWith('Activity')) return 'activity';
  if (type.startsWith('Outcome')) return 'outcome';
  if (type.startsWith('FollowUp')) return 'followUp';
  if (type.startsWith('Agreement')) return 'agreement';
  if (type.startsWith('Organization')) return 'organization';
  return null;
}

type Participant = { name: LocalizedText; position: LocalizedText | null; organizationId: string | null };
type Location = { venue: string | null; city: string | null; country: string | null };

interface ActivityKnown {
  programId: string | null;
  kind: string;
  status: string;
  title: LocalizedText;
  startsOn: string;
  endsOn: string;
  location: Location | null;
  organizerIds: string[];
  participants: Participant[];
  topics: string[];
  summary: string | null;
}
interface OutcomeKnown {
  kind: string;
  amount: string | null;
  currency: string | null;
  quantity: number | null;
  description: string | null;
}
interface FollowUpKnown {
  description: string;
  ownerId: string | null;
  dueOn: string | null;
  status: string;
}
interface AgreementKnown {
  title: LocalizedText;
  partyIds: string[];
  expiresOn: string | null;
  status: string;
}
interface ProgramKnown {
  title: LocalizedText;
  summary: string | null;
  startedOn: string | null;
  status: string;
}

/** What the timeline had said about each record by a point in it. */
export interface Known {
  programs: Map<string, ProgramKnown>;
  activities: Map<string, ActivityKnown>;
  outcomes: Map<string, OutcomeKnown>;
  followUps: Map<string, FollowUpKnown>;
  agreements: Map<string, AgreementKnown>;
  organizations: Map<string, LocalizedText>;
}

export function nothingKnown(): Known {
  return { programs: new Map(), activities: new Map(), outcomes: new Map(), followUps: new Map(), agreements: new Map(), organizations: new Map() };
}

// The stored JSON, read leniently: an old schema version or a field missing must not break the page.
type Data = Record<string, unknown>;
const str = (data: Data, key: string): string | null => (typeof data[key] === 'string' ? (data[key] as string) : null);
const num = (data: Data, key: string): number | null => (typeof data[key] === 'number' ? (data[key] as number) : null);
const text = (data: Data, key: string): LocalizedText => (data[key] && typeof data[key] === 'object' ? (data[key] as LocalizedText) : {});
const list = <T = string>(data: Data, key: string): T[] => (Array.isArray(data[key]) ? (data[key] as T[]) : []);
const asData = (value: unknown): Data => (value && typeof value === 'object' ? (value as Data) : {});

/** An activity as logged or corrected; schema version 1 had one `date` instead of startsOn/endsOn. */
function activityFrom(data: Data): ActivityKnown {
  const date = str(data, 'date');
  return {
    programId: str(data, 'programId'),
    kind: str(data, 'kind') ?? 'MEETING',
    status: str(data, 'status') ?? 'HELD',
    title: text(data, 'title'),
    startsOn: str(data, 'startsOn') ?? date ?? '',
    endsOn: str(data, 'endsOn') ?? str(data, 'startsOn') ?? date ?? '',
    location: (data.location as Location | null) ?? null,
    organizerIds: list(data, 'organizerIds'),
    participants: list<Participant>(data, 'participants'),
    topics: list(data, 'topics'),
    summary: str(data, 'summary'),
  };
}

const measureFrom = (data: Data) => ({ amount: str(data, 'amount'), currency: str(data, 'currency'), quantity: num(data, 'quantity') });
const followUpFrom = (data: Data, status: string): FollowUpKnown => ({
  description: str(data, 'description') ?? '',
  ownerId: str(data, 'ownerId'),
  dueOn: str(data, 'dueOn'),
  status,
});

/** Keeps what the event says about its record, for the events after it. */
export function remember(known: Known, event: TimelineEvent): void {
  const data = asData(event.data);
  const id = (key: string) => str(data, key) ?? '';
  switch (event.type) {
    case 'ProgramLaunched':
      known.programs.set(id('programId'), { title: text(data, 'title'), summary: str(data, 'summary'), startedOn: str(data, 'startedOn'), status: str(data, 'status') ?? '' });
      return;
    case 'ProgramCorrected': {
      const before = known.programs.get(id('programId'));
      known.programs.set(id('programId'), { status: before?.status ?? '', title: text(data, 'title'), summary: str(data, 'summary'), startedOn: str(data, 'startedOn') });
      return;
    }
    case 'ProgramStatusChanged': {
      const before = known.programs.get(id('programId'));
      if (before) before.status = str(data, 'to') ?? before.status;
      return;
    }
    case 'ActivityLogged':
    case 'ActivityCorrected':
      known.activities.set(id('activityId'), activityFrom(data));
      return;
    case 'ActivityCancelled': {
      const before = known.activities.get(id('activityId'));
      if (before) before.status = 'CANCELLED';
      return;
    }
    case 'OutcomeRecorded':
      known.outcomes.set(id('outcomeId'), { kind: str(data, 'kind') ?? 'OTHER', ...measureFrom(data), description: str(data, 'description') });
      return;
    case 'OutcomeCorrected': {
      const before = known.outcomes.get(id('outcomeId'));
      known.outcomes.set(id('outcomeId'), { kind: before?.kind ?? 'OTHER', ...measureFrom(data), description: str(data, 'description') });
      return;
    }
    case 'FollowUpAdded':
    case 'FollowUpUpdated':
    case 'FollowUpReopened':
      known.followUps.set(id('followUpId'), followUpFrom(data, 'OPEN'));
      return;
    case 'FollowUpClosed': {
      const before = known.followUps.get(id('followUpId'));
      if (before) before.status = str(data, 'status') ?? before.status;
      return;
    }
    case 'AgreementRecorded':
      known.agreements.set(id('agreementId'), { title: text(data, 'title'), partyIds: list(data, 'partyIds'), expiresOn: str(data, 'expiresOn'), status: str(data, 'status') ?? 'DRAFT' });
      return;
    case 'AgreementSigned':
    case 'AgreementAmended':
    case 'AgreementTerminated': {
      const before = known.agreements.get(id('agreementId'));
      if (!before) return;
      if (event.type === 'AgreementSigned') Object.assign(before, { status: 'SIGNED', expiresOn: str(data, 'expiresOn') });
      if (event.type === 'AgreementAmended') Object.assign(before, { title: text(data, 'title'), partyIds: list(data, 'partyIds'), expiresOn: str(data, 'expiresOn') });
      if (event.type === 'AgreementTerminated') before.status = 'TERMINATED';
      return;
    }
    case 'OrganizationRegistered':
    case 'OrganizationRenamed':
    case 'OrganizationMerged':
      known.organizations.set(id('organizationId'), text(data, 'name'));
      return;
    default:
      return;
  }
}

/** Every event of a timeline described, in order, each with what the events before it said. */
export function describeTimeline(events: readonly TimelineEvent[], language: Language, nameOf: NameOf = () => undefined): Description[] {
  const known = nothingKnown();
  return events.map((event) => {
    const description = describeEvent(event, known, language, nameOf);
    remember(known, event);
    return description;
  });
}

/** One event in words, given what was known before it (`known` is read, not changed). */
export function describeEvent(event: TimelineEvent, known: Known, language: Language, nameOf: NameOf = () => undefined): Description {
  const data = asData(event.data);
  const w = new Wording(language, known, nameOf);
  return { text: w.sentence(event.type, data), reason: str(data, 'reason') };
}

/** The organisation ids an event names, so the page can look their names up once. */
export function organizationIdsIn(event: TimelineEvent): string[] {
  const data = asData(event.data);
  const ids = [
    str(data, 'organizationId'),
    str(data, 'survivorId'),
    str(data, 'ownerId'),
    str(data, 'parentId'),
    ...list(data, 'partyIds'),
    ...list(data, 'organizerIds'),
    ...list<Participant>(data, 'participants').map((participant) => participant?.organizationId ?? null),
  ];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

/** Labels for the fields a change names, in both languages. */
const fieldNames = {
  en: {
    title: 'title', summary: 'summary', startedOn: 'start date', kind: 'kind', status: 'status', startsOn: 'start date', endsOn: 'end date',
    location: 'place', organizerIds: 'organisers', participants: 'participants', topics: 'topics', programId: 'program',
    amount: 'amount', quantity: 'quantity', description: 'description', ownerId: 'owner', dueOn: 'due date', partyIds: 'parties',
    expiresOn: 'expiry', country: 'country', parentId: 'parent organisation',
  },
  th: {
    title: 'ชื่อ', summary: 'สรุป', startedOn: 'วันเริ่ม', kind: 'ประเภท', status: 'สถานะ', startsOn: 'วันเริ่ม', endsOn: 'วันสิ้นสุด',
    location: 'สถานที่', organizerIds: 'ผู้จัด', participants: 'ผู้เข้าร่วม', topics: 'หัวข้อ', programId: 'โครงการ',
    amount: 'จำนวนเงิน', quantity: 'จำนวน', description: 'รายละเอียด', ownerId: 'ผู้รับผิดชอบ', dueOn: 'วันครบกำหนด', partyIds: 'คู่ภาคี',
    expiresOn: 'วันหมดอายุ', country: 'ประเทศ', parentId: 'หน่วยงานต้นสังกัด',
  },
} satisfies Record<Language, Record<string, string>>;
type Field = keyof (typeof fieldNames)['en'];

/** The sentences themselves, per language; the compiler checks Thai has each English one. */
interface Phrases {
  none: string;
  organisation(id: string): string;
  people(count: number): string;
  change(field: string, from: string, to: string): string;
  changeTo(field: string, to: string): string;
  changes(subject: string, changes: string[]): string;
  programLaunched(title: string, status: string, startedOn: string | null): string;
  programCorrected: string;
  partnerAdded(org: string, role: string, joinedOn: string | null): string;
  partnerRemoved(org: string, role: string, leftOn: string): string;
  statusChanged(from: string, to: string): string;
  activity(kind: string | null, title: string | null): string;
  activityLogged(activity: string, status: string, dates: string, place: string | null): string;
  activityCorrected(activity: string): string;
  activityMoved: string;
  activityCancelled(activity: string, previous: string): string;
  agreement(title: string | null): string;
  agreementRecorded(agreement: string, status: string, parties: string, signedOn: string | null): string;
  agreementSigned(agreement: string, signedOn: string, expiresOn: string | null): string;
  agreementAmended(agreement: string): string;
  agreementTerminated(agreement: string, on: string): string;
  outcome(kind: string | null): string;
  outcomeRecorded(outcome: string, measure: string, description: string | null): string;
  outcomeCorrected(outcome: string): string;
  outcomeVoided(outcome: string, measure: string | null): string;
  followUp(description: string | null): string;
  followUpAdded(followUp: string, owner: string | null, dueOn: string | null): string;
  followUpClosed(followUp: string, status: string, on: string, note: string | null): string;
  followUpUpdated(followUp: string): string;
  followUpReopened(followUp: string, previous: string): string;
  organizationRegistered(name: string, kind: string): string;
  organizationRenamed(from: string | null, to: string): string;
  organizationUpdated(name: string, details: string): string;
  organizationMerged(duplicate: string, survivor: string): string;
  unknown(type: string): string;
}

const phrases: Record<Language, Phrases> = {
  en: {
    none: 'none',
    organisation: (id) => `organisation ${id.slice(0, 8)}`,
    people: (count) => `${count} ${count === 1 ? 'person' : 'people'}`,
    change: (field, from, to) => `${field} from ${from} to ${to}`,
    changeTo: (field, to) => `${field} now ${to}`,
    changes: (subject, changes) => (changes.length ? `${subject}: ${changes.join('; ')}` : subject),
    programLaunched: (title, status, startedOn) => `Program “${title}” launched (${status})${startedOn ? `, starting ${startedOn}` : ''}`,
    programCorrected: 'Program record corrected',
    partnerAdded: (org, role, joinedOn) => `${org} joined as ${role}${joinedOn ? ` from ${joinedOn}` : ''}`,
    partnerRemoved: (org, role, leftOn) => `${org} (${role}) left the program on ${leftOn}`,
    statusChanged: (from, to) => `Program status changed from ${from} to ${to}`,
    activity: (kind, title) => (title ? `${kind ?? 'Activity'} “${title}”` : (kind ?? 'Activity')),
    activityLogged: (activity, status, dates, place) => `${activity} logged (${status}), ${dates}${place ? `, ${place}` : ''}`,
    activityCorrected: (activity) => `${activity} corrected`,
    activityMoved: 'moved to another program',
    activityCancelled: (activity, previous) => `${activity} cancelled (was ${previous})`,
    agreement: (title) => (title ? `Agreement “${title}”` : 'Agreement'),
    agreementRecorded: (agreement, status, parties, signedOn) => `${agreement} recorded (${status}) between ${parties}${signedOn ? `, signed ${signedOn}` : ''}`,
    agreementSigned: (agreement, signedOn, expiresOn) => `${agreement} signed on ${signedOn}${expiresOn ? `, expiring ${expiresOn}` : ''}`,
    agreementAmended: (agreement) => `${agreement} amended`,
    agreementTerminated: (agreement, on) => `${agreement} terminated on ${on}`,
    outcome: (kind) => kind ?? 'Outcome',
    outcomeRecorded: (outcome, measure, description) => `${outcome} recorded: ${measure}${description ? ` (${description})` : ''}`,
    outcomeCorrected: (outcome) => `${outcome} corrected`,
    outcomeVoided: (outcome, measure) => (measure ? `${outcome} of ${measure} voided` : `${outcome} voided`),
    followUp: (description) => (description ? `Follow-up “${description}”` : 'Follow-up'),
    followUpAdded: (followUp, owner, dueOn) => `${followUp} added${owner ? `, owner ${owner}` : ''}${dueOn ? `, due ${dueOn}` : ''}`,
    followUpClosed: (followUp, status, on, note) => `${followUp} closed as ${status} on ${on}${note ? `: ${note}` : ''}`,
    followUpUpdated: (followUp) => `${followUp} updated`,
    followUpReopened: (followUp, previous) => `${followUp} reopened (was ${previous})`,
    organizationRegistered: (name, kind) => `Organisation “${name}” registered (${kind})`,
    organizationRenamed: (from, to) => (from ? `Organisation renamed from “${from}” to “${to}”` : `Organisation renamed to “${to}”`),
    organizationUpdated: (name, details) => `Organisation “${name}” updated: ${details}`,
    organizationMerged: (duplicate, survivor) => `“${duplicate}” merged into “${survivor}” as a duplicate`,
    unknown: (type) => `${type} recorded`,
  },
  th: {
    none: 'ไม่มี',
    organisation: (id) => `หน่วยงาน ${id.slice(0, 8)}`,
    people: (count) => `${count} คน`,
    change: (field, from, to) => `${field}จาก ${from} เป็น ${to}`,
    changeTo: (field, to) => `${field}เป็น ${to}`,
    changes: (subject, changes) => (changes.length ? `${subject}: ${changes.join('; ')}` : subject),
    programLaunched: (title, status, startedOn) => `เปิดโครงการ “${title}” (${status})${startedOn ? ` เริ่ม ${startedOn}` : ''}`,
    programCorrected: 'แก้ไขข้อมูลโครงการ',
    partnerAdded: (org, role, joinedOn) => `${org} เข้าร่วมเป็น${role}${joinedOn ? ` ตั้งแต่ ${joinedOn}` : ''}`,
    partnerRemoved: (org, role, leftOn) => `${org} (${role}) ออกจากโครงการเมื่อ ${leftOn}`,
    statusChanged: (from, to) => `เปลี่ยนสถานะโครงการจาก ${from} เป็น ${to}`,
    activity: (kind, title) => (title ? `${kind ?? 'กิจกรรม'} “${title}”` : (kind ?? 'กิจกรรม')),
    activityLogged: (activity, status, dates, place) => `บันทึก${activity} (${status}) ${dates}${place ? ` ที่ ${place}` : ''}`,
    activityCorrected: (activity) => `แก้ไข${activity}`,
    activityMoved: 'ย้ายไปโครงการอื่น',
    activityCancelled: (activity, previous) => `ยกเลิก${activity} (เดิม ${previous})`,
    agreement: (title) => (title ? `ความตกลง “${title}”` : 'ความตกลง'),
    agreementRecorded: (agreement, status, parties, signedOn) => `บันทึก${agreement} (${status}) ระหว่าง ${parties}${signedOn ? ` ลงนาม ${signedOn}` : ''}`,
    agreementSigned: (agreement, signedOn, expiresOn) => `ลงนาม${agreement} เมื่อ ${signedOn}${expiresOn ? ` หมดอายุ ${expiresOn}` : ''}`,
    agreementAmended: (agreement) => `แก้ไข${agreement}`,
    agreementTerminated: (agreement, on) => `${agreement} สิ้นสุดเมื่อ ${on}`,
    outcome: (kind) => (kind ? `ผลลัพธ์ ${kind}` : 'ผลลัพธ์'),
    outcomeRecorded: (outcome, measure, description) => `บันทึก${outcome}: ${measure}${description ? ` (${description})` : ''}`,
    outcomeCorrected: (outcome) => `แก้ไข${outcome}`,
    outcomeVoided: (outcome, measure) => `เพิกถอนรายการ${outcome}${measure ? ` ${measure}` : ''}`,
    followUp: (description) => (description ? `เรื่องที่ต้องติดตาม “${description}”` : 'เรื่องที่ต้องติดตาม'),
    followUpAdded: (followUp, owner, dueOn) => `เพิ่ม${followUp}${owner ? ` ผู้รับผิดชอบ ${owner}` : ''}${dueOn ? ` ครบกำหนด ${dueOn}` : ''}`,
    followUpClosed: (followUp, status, on, note) => `ปิด${followUp} (${status}) เมื่อ ${on}${note ? `: ${note}` : ''}`,
    followUpUpdated: (followUp) => `ปรับปรุง${followUp}`,
    followUpReopened: (followUp, previous) => `เปิด${followUp} อีกครั้ง (เดิม ${previous})`,
    organizationRegistered: (name, kind) => `ลงทะเบียนหน่วยงาน “${name}” (${kind})`,
    organizationRenamed: (from, to) => (from ? `เปลี่ยนชื่อหน่วยงานจาก “${from}” เป็น “${to}”` : `เปลี่ยนชื่อหน่วยงานเป็น “${to}”`),
    organizationUpdated: (name, details) => `ปรับปรุงข้อมูลหน่วยงาน “${name}”: ${details}`,
    organizationMerged: (duplicate, survivor) => `รวม “${duplicate}” เข้ากับ “${survivor}” (รายการซ้ำ)`,
    unknown: (type) => `บันทึกเหตุการณ์ ${type}`,
  },
};

const labels = { en, th } as const;
const organizationKinds = { en: organizationsWords.en.kind, th: organizationsWords.th.kind } as const;

function label(table: Record<string, string>, key: string | null): string {
  return key === null ? '' : (table[key] ?? key);
}

/** One event's sentence, in one language, with what was known before it. */
class Wording {
  private readonly p: Phrases;
  private readonly words: typeof en;
  private readonly fields: Record<Field, string>;

  constructor(
    private readonly language: Language,
    private readonly known: Known,
    private readonly nameOf: NameOf,
  ) {
    this.p = phrases[language];
    this.words = labels[language];
    this.fields = fieldNames[language];
  }

  private date = (iso: string | null): string => (iso ? formatDate(iso, this.language) : this.p.none);
  private name = (value: LocalizedText | null | undefined): string => localized(value, this.language);
  private quoted = (value: string | null): string => (value ? `“${value}”` : this.p.none);

  private org = (id: string | null): string => {
    if (!id) return this.p.none;
    const name = this.nameOf(id) ?? this.known.organizations.get(id);
    return localized(name, this.language) || this.p.organisation(id);
  };
  private orgs = (ids: string[]): string => (ids.length ? ids.map(this.org).join(', ') : this.p.none);

  private measure = (m: { amount: string | null; currency: string | null; quantity: number | null }): string => {
    const parts = [m.amount !== null ? formatMoney(m.amount, m.currency, this.language) : null, m.quantity !== null ? formatQuantity(m.quantity, this.language) : null];
    return parts.filter(Boolean).join(' · ') || this.p.none;
  };

  /** "field from A to B" where the earlier value is known and differs; "field now B" where it is not known. */
  private diff = (changes: string[], field: Field, before: string | undefined, after: string): void => {
    if (before === undefined) changes.push(this.p.changeTo(this.fields[field], after));
    else if (before !== after) changes.push(this.p.change(this.fields[field], before, after));
  };

  sentence(type: string, data: Data): string {
    const p = this.p;
    const words = this.words;
    switch (type) {
      case 'ProgramLaunched':
        return p.programLaunched(this.name(text(data, 'title')), label(words.programStatus, str(data, 'status')), str(data, 'startedOn') && this.date(str(data, 'startedOn')));
      case 'ProgramCorrected': {
        const before = this.known.programs.get(str(data, 'programId') ?? '');
        const changes: string[] = [];
        this.diff(changes, 'title', before && this.quoted(this.name(before.title)), this.quoted(this.name(text(data, 'title'))));
        this.diff(changes, 'summary', before && this.quoted(before.summary), this.quoted(str(data, 'summary')));
        this.diff(changes, 'startedOn', before && this.date(before.startedOn), this.date(str(data, 'startedOn')));
        return p.changes(p.programCorrected, changes);
      }
      case 'ProgramPartnerAdded':
        return p.partnerAdded(this.org(str(data, 'organizationId')), label(words.partnerRole, str(data, 'role')), str(data, 'joinedOn') && this.date(str(data, 'joinedOn')));
      case 'ProgramPartnerRemoved':
        return p.partnerRemoved(this.org(str(data, 'organizationId')), label(words.partnerRole, str(data, 'role')), this.date(str(data, 'leftOn')));
      case 'ProgramStatusChanged':
        return p.statusChanged(label(words.programStatus, str(data, 'from')), label(words.programStatus, str(data, 'to')));

      case 'ActivityLogged': {
        const activity = activityFrom(data);
        const dates = activity.endsOn && activity.endsOn !== activity.startsOn ? `${this.date(activity.startsOn)} – ${this.date(activity.endsOn)}` : this.date(activity.startsOn);
        return p.activityLogged(this.activity(activity), label(words.activityStatus, activity.status), dates, this.place(activity.location));
      }
      case 'ActivityCorrected':
        return this.activityCorrected(data);
      case 'ActivityCancelled': {
        const before = this.known.activities.get(str(data, 'activityId') ?? '');
        return p.activityCancelled(before ? this.activity(before) : p.activity(null, null), label(words.activityStatus, str(data, 'previousStatus')));
      }

      case 'AgreementRecorded':
        return p.agreementRecorded(
          p.agreement(this.name(text(data, 'title'))),
          label(words.agreementStatus, str(data, 'status')),
          this.orgs(list(data, 'partyIds')),
          str(data, 'signedOn') && this.date(str(data, 'signedOn')),
        );
      case 'AgreementSigned':
        return p.agreementSigned(this.agreement(data), this.date(str(data, 'signedOn')), str(data, 'expiresOn') && this.date(str(data, 'expiresOn')));
      case 'AgreementAmended': {
        const before = this.known.agreements.get(str(data, 'agreementId') ?? '');
        const changes: string[] = [];
        this.diff(changes, 'title', before && this.quoted(this.name(before.title)), this.quoted(this.name(text(data, 'title'))));
        this.diff(changes, 'partyIds', before && this.orgs(before.partyIds), this.orgs(list(data, 'partyIds')));
        this.diff(changes, 'expiresOn', before && this.date(before.expiresOn), this.date(str(data, 'expiresOn')));
        return p.changes(p.agreementAmended(this.agreement(data)), changes);
      }
      case 'AgreementTerminated':
        return p.agreementTerminated(this.agreement(data), this.date(str(data, 'terminatedOn')));

      case 'OutcomeRecorded':
        return p.outcomeRecorded(p.outcome(label(words.outcomeKind, str(data, 'kind'))), this.measure(measureFrom(data)), str(data, 'description'));
      case 'OutcomeCorrected': {
        const before = this.known.outcomes.get(str(data, 'outcomeId') ?? '');
        const after = measureFrom(data);
        const money = (m: { amount: string | null; currency: string | null }) => (m.amount === null ? p.none : formatMoney(m.amount, m.currency, this.language));
        const count = (q: number | null) => (q === null ? p.none : formatQuantity(q, this.language));
        const changes: string[] = [];
        if (before) {
          this.diff(changes, 'amount', money(before), money(after));
          this.diff(changes, 'quantity', count(before.quantity), count(after.quantity));
          this.diff(changes, 'description', this.quoted(before.description), this.quoted(str(data, 'description')));
        } else {
          // The earlier record is not in the pages read so far: say what the correction set.
          const description = str(data, 'description');
          if (after.amount !== null) changes.push(p.changeTo(this.fields.amount, money(after)));
          if (after.quantity !== null) changes.push(p.changeTo(this.fields.quantity, count(after.quantity)));
          if (description) changes.push(p.changeTo(this.fields.description, this.quoted(description)));
        }
        return p.changes(p.outcomeCorrected(p.outcome(before ? label(words.outcomeKind, before.kind) : null)), changes);
      }
      case 'OutcomeVoided': {
        const before = this.known.outcomes.get(str(data, 'outcomeId') ?? '');
        return p.outcomeVoided(p.outcome(before ? label(words.outcomeKind, before.kind) : null), before ? this.measure(before) : null);
      }

      case 'FollowUpAdded':
        return p.followUpAdded(p.followUp(str(data, 'description')), str(data, 'ownerId') && this.org(str(data, 'ownerId')), str(data, 'dueOn') && this.date(str(data, 'dueOn')));
      case 'FollowUpClosed': {
        const before = this.known.followUps.get(str(data, 'followUpId') ?? '');
        return p.followUpClosed(p.followUp(before?.description ?? null), label(words.followUpStatus, str(data, 'status')), this.date(str(data, 'closedOn')), str(data, 'note'));
      }
      case 'FollowUpUpdated': {
        const before = this.known.followUps.get(str(data, 'followUpId') ?? '');
        const after = followUpFrom(data, 'OPEN');
        const changes: string[] = [];
        this.diff(changes, 'description', before && this.quoted(before.description), this.quoted(after.description));
        this.diff(changes, 'ownerId', before && this.org(before.ownerId), this.org(after.ownerId));
        this.diff(changes, 'dueOn', before && this.date(before.dueOn), this.date(after.dueOn));
        return p.changes(p.followUpUpdated(p.followUp(before?.description ?? after.description)), changes);
      }
      case 'FollowUpReopened':
        return p.followUpReopened(p.followUp(str(data, 'description')), label(words.followUpStatus, str(data, 'previousStatus')));

      case 'OrganizationRegistered':
        return p.organizationRegistered(this.name(text(data, 'name')), label(organizationKinds[this.language], str(data, 'kind')));
      case 'OrganizationRenamed': {
        const before = this.known.organizations.get(str(data, 'organizationId') ?? '') ?? this.nameOf(str(data, 'organizationId') ?? '');
        return p.organizationRenamed(before ? this.name(before) : null, this.name(text(data, 'name')));
      }
      case 'OrganizationUpdated': {
        const details = [
          `${this.fields.kind} ${label(organizationKinds[this.language], str(data, 'kind'))}`,
          `${this.fields.country} ${str(data, 'country') ?? p.none}`,
          `${this.fields.parentId} ${this.org(str(data, 'parentId'))}`,
        ];
        return p.organizationUpdated(this.org(str(data, 'organizationId')), details.join(', '));
      }
      case 'OrganizationMerged':
        return p.organizationMerged(this.name(text(data, 'name')) || this.org(str(data, 'organizationId')), this.org(str(data, 'survivorId')));
      default:
        return p.unknown(type);
    }
  }

  private activity(activity: { kind: string; title: LocalizedText }): string {
    return this.p.activity(label(this.words.activityKind, activity.kind), this.name(activity.title));
  }

  private agreement(data: Data): string {
    const before = this.known.agreements.get(str(data, 'agreementId') ?? '');
    return this.p.agreement(before ? this.name(before.title) : null);
  }

  private place(location: Location | null): string | null {
    if (!location) return null;
    return [location.venue, location.city, location.country].filter(Boolean).join(', ') || null;
  }

  private activityCorrected(data: Data): string {
    const before = this.known.activities.get(str(data, 'activityId') ?? '');
    const after = activityFrom(data);
    const changed = list(data, 'changed');
    const changes: string[] = [];
    for (const field of changed) {
      if (field === 'programId') {
        changes.push(this.p.activityMoved);
        continue;
      }
      if (!(field in this.fields)) continue;
      const show = (activity: ActivityKnown): string => {
        switch (field) {
          case 'kind':
            return label(this.words.activityKind, activity.kind);
          case 'status':
            return label(this.words.activityStatus, activity.status);
          case 'title':
            return this.quoted(this.name(activity.title));
          case 'startsOn':
            return this.date(activity.startsOn);
          case 'endsOn':
            return this.date(activity.endsOn);
          case 'location':
            return this.place(activity.location) ?? this.p.none;
          case 'organizerIds':
            return this.orgs(activity.organizerIds);
          case 'participants':
            return activity.participants.length ? activity.participants.map((person) => this.name(person?.name)).join(', ') : this.p.none;
          case 'topics':
            return activity.topics.join(', ') || this.p.none;
          case 'summary':
            return this.quoted(activity.summary);
          default:
            return '';
        }
      };
      this.diff(changes, field as Field, before && show(before), show(after));
    }
    // Named by the activity as it was known (its title before a retitling).
    return this.p.changes(this.p.activityCorrected(this.activity(before ?? after)), changes);
  }
}
