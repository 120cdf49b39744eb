import type { ActivityKind, ActivityStatus, Location, Participant } from '../activity';
import type { FollowUpStatus } from '../follow-up';
import type { OrganizationKind } from '../organization';
import type { OutcomeKind } from '../outcome';
import type { PartnerRole, ProgramStatus } from '../program';
import type { LocalizedText } from '../shared/localized-text';

/**
 * The reference case (shared/domain/README.md) as plain data: the OTOP e-commerce
 * cooperation of the MFA and the Ministry of Interior with Alibaba and Lazada, 2019.
 * The API's demo loader and the e2e tests reuse it, so the ids are fixed UUIDs and never
 * change. Facts come from the source; every sentence here is written afresh.
 */
export const referenceIds = {
  organizations: {
    mfa: '10000000-0000-4000-8000-000000000001',
    diea: '10000000-0000-4000-8000-000000000002',
    consulateShanghai: '10000000-0000-4000-8000-000000000003',
    moi: '10000000-0000-4000-8000-000000000004',
    cdd: '10000000-0000-4000-8000-000000000005',
    alibaba: '10000000-0000-4000-8000-000000000006',
    lazada: '10000000-0000-4000-8000-000000000007',
    mall: '10000000-0000-4000-8000-000000000008',
  },
  program: '20000000-0000-4000-8000-000000000001',
  activities: {
    shanghaiFair: '30000000-0000-4000-8000-000000000001',
    cddMeeting: '30000000-0000-4000-8000-000000000002',
    otopCityVisit: '30000000-0000-4000-8000-000000000003',
  },
  outcomes: { shanghaiFairRevenue: '40000000-0000-4000-8000-000000000001' },
  followUps: { lazadaOnlineTraining: '50000000-0000-4000-8000-000000000001' },
} as const;

const org = referenceIds.organizations;
const activity = referenceIds.activities;

export type ReferenceOrganization = {
  id: string;
  name: LocalizedText;
  kind: OrganizationKind;
  /** The state the organisation belongs to: the consulate in Shanghai is Thai. */
  country: string | null;
  parentId: string | null;
};

/** Parents before their children, so they can be registered in this order. */
export const referenceOrganizations: readonly ReferenceOrganization[] = [
  {
    id: org.mfa,
    name: { th: 'กระทรวงการต่างประเทศ', en: 'Ministry of Foreign Affairs', zh: '泰国外交部' },
    kind: 'MINISTRY',
    country: 'TH',
    parentId: null,
  },
  {
    id: org.diea,
    name: { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'Department of International Economic Affairs', zh: '泰国外交部国际经济司' },
    kind: 'DEPARTMENT',
    country: 'TH',
    parentId: org.mfa,
  },
  {
    id: org.consulateShanghai,
    name: { th: 'สถานกงสุลใหญ่ ณ นครเซี่ยงไฮ้', en: 'Royal Thai Consulate-General in Shanghai', zh: '泰王国驻上海总领事馆' },
    kind: 'CONSULATE',
    country: 'TH',
    parentId: org.mfa,
  },
  {
    id: org.moi,
    name: { th: 'กระทรวงมหาดไทย', en: 'Ministry of Interior', zh: '泰国内政部' },
    kind: 'MINISTRY',
    country: 'TH',
    parentId: null,
  },
  {
    id: org.cdd,
    name: { th: 'กรมการพัฒนาชุมชน', en: 'Community Development Department', zh: '泰国内政部社区发展厅' },
    kind: 'DEPARTMENT',
    country: 'TH',
    parentId: org.moi,
  },
  {
    id: org.alibaba,
    name: { th: 'กลุ่มอาลีบาบา', en: 'Alibaba Group', zh: '阿里巴巴集团' },
    kind: 'COMPANY',
    country: 'CN',
    parentId: null,
  },
  {
    id: org.lazada,
    name: { th: 'บริษัท ลาซาด้า (ประเทศไทย) จำกัด', en: 'Lazada (Thailand) Co., Ltd.', zh: '来赞达（泰国）有限公司' },
    kind: 'COMPANY',
    country: 'TH',
    parentId: org.alibaba,
  },
  {
    id: org.mall,
    name: { th: 'บริษัท มอลล์ (ไทยแลนด์) จำกัด', en: 'Mall (Thailand) Co., Ltd.' },
    kind: 'COMPANY',
    country: 'TH',
    parentId: null,
  },
];

export type ReferenceProgram = {
  id: string;
  title: LocalizedText;
  summary: string;
  status: ProgramStatus;
  startedOn: string;
  partners: ReadonlyArray<{ organizationId: string; role: PartnerRole; joinedOn: string | null }>;
};

export const referenceProgram: ReferenceProgram = {
  id: referenceIds.program,
  title: {
    th: 'OTOP สู่ตลาดโลกผ่านอีคอมเมิร์ซของอาลีบาบาและลาซาด้า',
    en: 'OTOP e-commerce: community products to China and the world',
    zh: 'OTOP 电商合作计划',
  },
  summary:
    'Community (OTOP) products and OTOP SMEs reach buyers in Thailand, China and further afield ' +
    'through the Alibaba and Lazada online platforms. Led by the MFA and the Ministry of Interior.',
  status: 'ACTIVE',
  startedOn: '2019-05-29',
  partners: [
    { organizationId: org.diea, role: 'LEAD', joinedOn: '2019-05-29' },
    { organizationId: org.cdd, role: 'LEAD', joinedOn: '2019-05-29' },
    // The talks at Alibaba's Hangzhou headquarters happened around the fair; the source gives no date.
    { organizationId: org.alibaba, role: 'PLATFORM', joinedOn: null },
    { organizationId: org.lazada, role: 'PLATFORM', joinedOn: '2019-12-16' },
    { organizationId: org.mall, role: 'MARKETING', joinedOn: '2019-12-16' },
  ],
};

export type ReferenceActivity = {
  id: string;
  programId: string;
  kind: ActivityKind;
  /** Every activity of the case took place. */
  status: ActivityStatus;
  title: LocalizedText;
  startsOn: string;
  endsOn: string;
  location: Location;
  organizerIds: readonly string[];
  participants: readonly Participant[];
  topics: readonly string[];
  summary: string;
};

const piyapak: Participant = {
  name: { th: 'ปิยภักดิ์ ศรีเจริญ', en: 'Piyapak Sricharoen' },
  position: { th: 'รองอธิบดีกรมเศรษฐกิจระหว่างประเทศ', en: 'Deputy Director-General, Department of International Economic Affairs' },
  organizationId: org.diea,
};
const zhangZhuoyan: Participant = {
  name: { en: 'Zhang Zhuoyan' },
  position: { en: 'Executive, international business' },
  organizationId: org.lazada,
};
const jirawan: Participant = {
  name: { th: 'จิระวรรณ ไชยพงศ์ผาติ', en: 'Jirawan Chaipongphat' },
  position: { en: 'Executive, government relations' },
  organizationId: org.lazada,
};
const paiboon: Participant = {
  name: { th: 'ไพบูลย์ บูรณสันติ', en: 'Paiboon Buranasanti' },
  position: { th: 'ผู้ตรวจราชการกรมการพัฒนาชุมชน', en: 'Inspector-General, Community Development Department' },
  organizationId: org.cdd,
};
const mallExecutives: Participant = {
  name: { en: 'Executives of Mall (Thailand)' },
  position: null,
  organizationId: org.mall,
};

/** In the order they happened. */
export const referenceActivities: readonly ReferenceActivity[] = [
  {
    id: activity.shanghaiFair,
    programId: referenceIds.program,
    kind: 'FAIR',
    status: 'HELD',
    title: {
      th: 'เทศกาลไทย "สินค้าดีทั่วไทย ก้าวไกลทั่วโลก" ณ นครเซี่ยงไฮ้',
      en: 'Thai Festival: Local Best, Global Taste (Shanghai)',
      zh: '上海泰国节',
    },
    startsOn: '2019-05-29',
    endsOn: '2019-06-01',
    location: { venue: null, city: 'Shanghai', country: 'CN' },
    organizerIds: [org.mfa, org.consulateShanghai, org.cdd],
    participants: [],
    topics: ['OTOP products', 'OTOP SMEs', 'Sales to Chinese buyers'],
    summary: 'Four days in Shanghai where OTOP producers and SMEs sold their goods and negotiated with buyers.',
  },
  {
    id: activity.cddMeeting,
    programId: referenceIds.program,
    kind: 'MEETING',
    status: 'HELD',
    title: {
      th: 'หารือการขายสินค้า OTOP ผ่านอาลีบาบาและลาซาด้า',
      en: 'Meeting on selling OTOP products through Alibaba and Lazada',
    },
    startsOn: '2019-12-16',
    endsOn: '2019-12-16',
    location: { venue: 'Community Development Department', city: 'Bangkok', country: 'TH' },
    organizerIds: [org.diea, org.cdd],
    participants: [piyapak, zhangZhuoyan, jirawan, paiboon, mallExecutives],
    topics: [
      'Economic diplomacy for the grassroots economy',
      'OTOP products for Chinese consumers on Alibaba platforms',
      'Lazada support for marketing OTOP products in Thailand and abroad',
      "Alibaba's smart logistics hub in the EEC as a link from Thai sellers to China and Southeast Asia",
    ],
    summary:
      'DIEA brought two Lazada executives to the CDD, with Mall (Thailand), to plan how OTOP goods ' +
      'can be sold online to Chinese and Southeast Asian buyers.',
  },
  {
    id: activity.otopCityVisit,
    programId: referenceIds.program,
    kind: 'SITE_VISIT',
    status: 'HELD',
    title: { th: 'ผู้บริหารลาซาด้าเยี่ยมชมงาน OTOP City 2019', en: 'Lazada executives visit OTOP City 2019' },
    startsOn: '2019-12-16',
    endsOn: '2019-12-16',
    location: { venue: 'IMPACT Exhibition and Convention Center, Muang Thong Thani', city: 'Nonthaburi', country: 'TH' },
    organizerIds: [org.diea],
    participants: [piyapak, zhangZhuoyan, jirawan],
    topics: ['OTOP product range'],
    summary: 'After the meeting the Lazada executives toured the OTOP City 2019 fair to see what OTOP makers offer.',
  },
];

export type ReferenceOutcome = {
  id: string;
  programId: string;
  activityId: string | null;
  kind: OutcomeKind;
  amount: string | null;
  currency: string | null;
  quantity: number | null;
  description: string;
};

export const referenceOutcomes: readonly ReferenceOutcome[] = [
  {
    id: referenceIds.outcomes.shanghaiFairRevenue,
    programId: referenceIds.program,
    activityId: activity.shanghaiFair,
    kind: 'REVENUE',
    // The source says "more than 10 million baht"; the lower bound is what can be recorded.
    amount: '10000000.00',
    currency: 'THB',
    quantity: null,
    description: 'Sales and business deals at the Shanghai fair, over 10 million baht in all.',
  },
];

export type ReferenceFollowUp = {
  id: string;
  activityId: string;
  description: string;
  ownerId: string | null;
  dueOn: string | null;
  status: FollowUpStatus;
};

export const referenceFollowUps: readonly ReferenceFollowUp[] = [
  {
    id: referenceIds.followUps.lazadaOnlineTraining,
    activityId: activity.cddMeeting,
    description: 'Lazada to train OTOP SMEs to move from offline to online selling',
    ownerId: org.lazada,
    dueOn: null,
    status: 'OPEN',
  },
];

export const referenceCase = {
  ids: referenceIds,
  organizations: referenceOrganizations,
  program: referenceProgram,
  activities: referenceActivities,
  outcomes: referenceOutcomes,
  followUps: referenceFollowUps,
} as const;
