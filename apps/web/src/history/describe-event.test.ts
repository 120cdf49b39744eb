import { describe, expect, it } from 'vitest';
import { describeEvent, describeTimeline, familyOf, nothingKnown, organizationIdsIn } from './describe-event';
import { everyEventType, organizationNames } from './testing/timeline.fixture';

const nameOf = (id: string) => organizationNames[id];

// Each row: the event type (in the fixture's order, which gives each correction its earlier
// record), its English sentence, its Thai sentence.
const expected: [type: string, en: string, th: string][] = [
  ['ProgramLaunched', 'Program “OTOP to the world” launched (Active), starting 29 May 2019', 'เปิดโครงการ “OTOP สู่ตลาดโลก” (ดำเนินการ) เริ่ม 29 พ.ค. 2562'],
  ['ProgramPartnerAdded', 'DIEA joined as Lead agency from 29 May 2019', 'กรมเศรษฐกิจระหว่างประเทศ เข้าร่วมเป็นหน่วยงานหลัก ตั้งแต่ 29 พ.ค. 2562'],
  ['ProgramStatusChanged', 'Program status changed from Active to On hold', 'เปลี่ยนสถานะโครงการจาก ดำเนินการ เป็น พักไว้'],
  ['ProgramCorrected', 'Program record corrected: start date from 29 May 2019 to 1 Jun 2019', 'แก้ไขข้อมูลโครงการ: วันเริ่มจาก 29 พ.ค. 2562 เป็น 1 มิ.ย. 2562'],
  ['ProgramPartnerRemoved', 'Lazada (Platform) left the program on 31 Jan 2020', 'ลาซาด้า (แพลตฟอร์ม) ออกจากโครงการเมื่อ 31 ม.ค. 2563'],
  ['ActivityLogged', 'Meeting “Meeting with Lazada” logged (Held), 16 Dec 2019, Bangkok, TH', 'บันทึกการประชุมหารือ “ประชุมกับลาซาด้า” (จัดแล้ว) 16 ธ.ค. 2562 ที่ Bangkok, TH'],
  [
    'ActivityCorrected',
    'Meeting “Meeting with Lazada” corrected: start date from 16 Dec 2019 to 17 Dec 2019; end date from 16 Dec 2019 to 17 Dec 2019',
    'แก้ไขการประชุมหารือ “ประชุมกับลาซาด้า”: วันเริ่มจาก 16 ธ.ค. 2562 เป็น 17 ธ.ค. 2562; วันสิ้นสุดจาก 16 ธ.ค. 2562 เป็น 17 ธ.ค. 2562',
  ],
  ['ActivityCancelled', 'Meeting “Meeting with Lazada” cancelled (was Held)', 'ยกเลิกการประชุมหารือ “ประชุมกับลาซาด้า” (เดิม จัดแล้ว)'],
  ['AgreementRecorded', 'Agreement “OTOP MoU” recorded (Draft) between DIEA, Lazada', 'บันทึกความตกลง “บันทึกความเข้าใจ OTOP” (ร่าง) ระหว่าง กรมเศรษฐกิจระหว่างประเทศ, ลาซาด้า'],
  ['AgreementSigned', 'Agreement “OTOP MoU” signed on 20 Dec 2019, expiring 19 Dec 2022', 'ลงนามความตกลง “บันทึกความเข้าใจ OTOP” เมื่อ 20 ธ.ค. 2562 หมดอายุ 19 ธ.ค. 2565'],
  ['AgreementAmended', 'Agreement “OTOP MoU” amended: expiry from 19 Dec 2022 to 19 Dec 2023', 'แก้ไขความตกลง “บันทึกความเข้าใจ OTOP”: วันหมดอายุจาก 19 ธ.ค. 2565 เป็น 19 ธ.ค. 2566'],
  ['AgreementTerminated', 'Agreement “OTOP MoU” terminated on 31 Jan 2023', 'ความตกลง “บันทึกความเข้าใจ OTOP” สิ้นสุดเมื่อ 31 ม.ค. 2566'],
  ['OutcomeRecorded', 'Revenue recorded: THB 10,000,000.00', 'บันทึกผลลัพธ์ รายได้: 10,000,000.00 บาท'],
  ['OutcomeCorrected', 'Revenue corrected: amount from THB 10,000,000.00 to THB 10,250,000.00', 'แก้ไขผลลัพธ์ รายได้: จำนวนเงินจาก 10,000,000.00 บาท เป็น 10,250,000.00 บาท'],
  ['OutcomeVoided', 'Revenue of THB 10,250,000.00 voided', 'เพิกถอนรายการผลลัพธ์ รายได้ 10,250,000.00 บาท'],
  ['FollowUpAdded', 'Follow-up “Send the price list” added, owner Lazada, due 15 Jan 2020', 'เพิ่มเรื่องที่ต้องติดตาม “Send the price list” ผู้รับผิดชอบ ลาซาด้า ครบกำหนด 15 ม.ค. 2563'],
  ['FollowUpUpdated', 'Follow-up “Send the price list” updated: due date from 15 Jan 2020 to 15 Feb 2020', 'ปรับปรุงเรื่องที่ต้องติดตาม “Send the price list”: วันครบกำหนดจาก 15 ม.ค. 2563 เป็น 15 ก.พ. 2563'],
  ['FollowUpClosed', 'Follow-up “Send the price list” closed as Done on 10 Feb 2020: Sent by email', 'ปิดเรื่องที่ต้องติดตาม “Send the price list” (เสร็จแล้ว) เมื่อ 10 ก.พ. 2563: Sent by email'],
  ['FollowUpReopened', 'Follow-up “Send the price list” reopened (was Done)', 'เปิดเรื่องที่ต้องติดตาม “Send the price list” อีกครั้ง (เดิม เสร็จแล้ว)'],
  ['OrganizationRegistered', 'Organisation “X Co” registered (Company)', 'ลงทะเบียนหน่วยงาน “บริษัท เอ็กซ์” (บริษัท)'],
  ['OrganizationRenamed', 'Organisation renamed from “X Co” to “X Company”', 'เปลี่ยนชื่อหน่วยงานจาก “บริษัท เอ็กซ์” เป็น “บริษัท เอ็กซ์ จำกัด”'],
  ['OrganizationUpdated', 'Organisation “X Company” updated: kind Association, country TH, parent organisation none', 'ปรับปรุงข้อมูลหน่วยงาน “บริษัท เอ็กซ์ จำกัด”: ประเภท สมาคม, ประเทศ TH, หน่วยงานต้นสังกัด ไม่มี'],
  ['OrganizationMerged', '“X Company” merged into “Lazada” as a duplicate', 'รวม “บริษัท เอ็กซ์ จำกัด” เข้ากับ “ลาซาด้า” (รายการซ้ำ)'],
];

describe('describe-event: every event type in words', () => {
  const english = describeTimeline(everyEventType, 'en', nameOf);
  const thai = describeTimeline(everyEventType, 'th', nameOf);

  it('covers every event type of the domain, once each', () => {
    expect(everyEventType.map((event) => event.type)).toEqual(expected.map(([type]) => type));
    expect(new Set(expected.map(([type]) => type)).size).toBe(23);
  });

  it.each(expected.map((row, index) => [...row, index] as const))('%s reads in English: %s', (type, en, _th, index) => {
    expect(everyEventType[index].type).toBe(type);
    expect(english[index].text).toBe(en);
  });

  it.each(expected.map((row, index) => [row[0], row[2], index] as const))('%s reads in Thai: %s', (_type, th, index) => {
    expect(thai[index].text).toBe(th);
  });

  it('keeps the reason apart, where the event has one', () => {
    expect(english[13].reason).toBe('Late invoices counted');
    expect(english[12].reason).toBeNull();
  });
});

describe('describe-event: corrections say what they changed from', () => {
  const recorded = { type: 'OutcomeRecorded', data: { outcomeId: 'x1', programId: 'p1', activityId: null, kind: 'REVENUE', amount: '10000000.00', currency: 'THB', quantity: null, description: null } };
  const corrected = { type: 'OutcomeCorrected', data: { outcomeId: 'x1', programId: 'p1', amount: '10250000.00', currency: 'THB', quantity: null, description: null, reason: 'Two invoices were late' } };

  it('names the earlier figure exactly, from the record folded before it', () => {
    const [, correction] = describeTimeline([recorded, corrected], 'en');
    expect(correction).toEqual({ text: 'Revenue corrected: amount from THB 10,000,000.00 to THB 10,250,000.00', reason: 'Two invoices were late' });
  });

  it('says only the new figure when the earlier record is not known (not read yet)', () => {
    expect(describeEvent(corrected, nothingKnown(), 'en').text).toBe('Outcome corrected: amount now THB 10,250,000.00');
    expect(describeEvent(corrected, nothingKnown(), 'th').text).toBe('แก้ไขผลลัพธ์: จำนวนเงินเป็น 10,250,000.00 บาท');
  });

  it('keeps amounts exact beyond a float: 9007199254740993.01', () => {
    const big = { ...corrected, data: { ...corrected.data, amount: '9007199254740993.01' } };
    expect(describeTimeline([recorded, big], 'en')[1].text).toBe('Revenue corrected: amount from THB 10,000,000.00 to THB 9,007,199,254,740,993.01');
  });

  it('reads a schema-version-1 activity (one date) as stored', () => {
    const v1 = { type: 'ActivityLogged', data: { activityId: 'a9', programId: 'p1', kind: 'FAIR', title: { en: 'Canton Fair' }, date: '2019-10-15', location: null, organizerIds: [], participants: [], topics: [], summary: null } };
    expect(describeTimeline([v1], 'en')[0].text).toBe('Fair “Canton Fair” logged (Held), 15 Oct 2019');
  });

  it('names an event type it does not know instead of failing', () => {
    expect(describeTimeline([{ type: 'SomethingNew', data: {} }], 'en')[0].text).toBe('SomethingNew recorded');
  });
});

describe('describe-event: filters and names', () => {
  it('puts each type in its family', () => {
    expect(everyEventType.map((event) => familyOf(event.type))).toEqual([
      ...Array(5).fill('program'),
      ...Array(3).fill('activity'),
      ...Array(4).fill('agreement'),
      ...Array(3).fill('outcome'),
      ...Array(4).fill('followUp'),
      ...Array(4).fill('organization'),
    ]);
  });

  it('lists the organisations an event names, for looking their names up', () => {
    expect(organizationIdsIn(everyEventType[8])).toEqual(['o-diea', 'o-lazada']);
    expect(organizationIdsIn(everyEventType[22])).toEqual(['o-x', 'o-lazada']);
  });

  it('falls back to a short id for an organisation whose name is unknown', () => {
    expect(describeTimeline([everyEventType[1]], 'en')[0].text).toBe('organisation o-diea joined as Lead agency from 29 May 2019');
  });
});
