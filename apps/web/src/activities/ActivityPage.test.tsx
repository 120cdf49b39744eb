import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import type { OperationKey } from '../app/viewer';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { ActivityPage } from './ActivityPage';
import { anActivity } from './fixtures';

const DIPLOMAT_OPERATIONS: OperationKey[] = [
  'Mutation.correctActivity',
  'Mutation.cancelActivity',
  'Mutation.recordOutcome',
  'Mutation.correctOutcome',
  'Mutation.voidOutcome',
  'Mutation.addFollowUp',
  'Mutation.closeFollowUp',
  'Mutation.updateFollowUp',
  'Mutation.reopenFollowUp',
];
const diplomat = fakeViewer(DIPLOMAT_OPERATIONS);
const auditor = fakeViewer([], ['AUDITOR']);
const at = { path: '/activities/a1', route: '/activities/:id' };
const inputsOf = (sent: { name: string; variables: Record<string, unknown> }[], name: string) => sent.filter((o) => o.name === name).map((o) => o.variables.input);

type User = ReturnType<typeof userEvent.setup>;
async function fill(user: User, label: string, text: string) {
  const input = screen.getByRole('textbox', { name: label });
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

describe('the activity page', { timeout: 30_000 }, () => {
  it('shows everything of the activity in Thai: Buddhist-Era dates, money in baht, voided outcomes struck out of the total, overdue follow-ups', async () => {
    renderScreen(<ActivityPage />, { ...at, api: fakeApi({ Activity: { activity: anActivity() } }), viewer: diplomat, language: 'th' });
    expect(await screen.findByRole('heading', { level: 1, name: 'หารือกับลาซาด้า' })).toBeInTheDocument();
    expect(screen.getByText('Meeting with Lazada')).toBeInTheDocument();
    expect(screen.getByText('16 ธ.ค. 2562 – 17 ธ.ค. 2562')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'OTOP สู่ตลาดโลก' })).toHaveAttribute('href', '/programs/p1');
    expect(screen.getByText('สมชาย ใจดี')).toBeInTheDocument();
    expect(screen.getByText('10,000,000.00 บาท')).toBeInTheDocument();
    expect(screen.getByText('เพิกถอนรายการแล้ว')).toBeInTheDocument();
    // The voided 999.00 is left out of the total.
    expect(screen.getByText(/ยอดรวม \(ไม่รวมรายการที่เพิกถอน\): คำสั่งซื้อ 10,000,000.00 บาท$/)).toBeInTheDocument();
    expect(screen.getByText('เกินกำหนด')).toBeInTheDocument();
  });

  it('shows the same activity in English', async () => {
    renderScreen(<ActivityPage />, { ...at, api: fakeApi({ Activity: { activity: anActivity() } }), viewer: diplomat, language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Meeting with Lazada' })).toBeInTheDocument();
    expect(screen.getByText('16 Dec 2019 – 17 Dec 2019')).toBeInTheDocument();
    expect(screen.getByText('THB 10,000,000.00')).toBeInTheDocument();
    expect(screen.getByText('Overdue')).toBeInTheDocument();
  });

  it('offers no action to a viewer whose role has none of the operations', async () => {
    renderScreen(<ActivityPage />, { ...at, api: fakeApi({ Activity: { activity: anActivity() } }), viewer: auditor, language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Meeting with Lazada' });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers each action to the diplomat', async () => {
    renderScreen(<ActivityPage />, { ...at, api: fakeApi({ Activity: { activity: anActivity() } }), viewer: diplomat, language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Meeting with Lazada' });
    for (const name of ['Correct the activity', 'Cancel the activity', 'Record an outcome', 'Add a follow-up', 'Correct: Orders THB 10,000,000.00', 'Void: Orders THB 10,000,000.00', 'Close: Send the product list', 'Update: Send the product list', 'Reopen: Book the hall']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('refuses an amount that is not a decimal before sending, and sends a good one as an exact decimal string in baht', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ Activity: { activity: anActivity() }, RecordOutcome: { recordOutcome: { outcome: { id: 'x3', version: 1, kind: 'REVENUE', amount: '10000000.50', currency: 'THB', quantity: null, description: null, voided: false }, result: { version: 1 } } } });
    renderScreen(<ActivityPage />, { ...at, api, viewer: diplomat, language: 'th' });
    await user.click(await screen.findByRole('button', { name: 'บันทึกผลลัพธ์' }));
    const form = within(screen.getByRole('form', { name: 'บันทึกผลลัพธ์' }));
    await user.click(form.getByRole('combobox', { name: 'ประเภท' }));
    await user.click(await screen.findByRole('option', { name: 'รายได้', hidden: true }));
    await fill(user, 'จำนวนเงิน', '1O,000');
    await user.click(form.getByRole('button', { name: 'บันทึกผลลัพธ์' }));
    expect(form.getByRole('textbox', { name: 'จำนวนเงิน' })).toHaveAccessibleDescription('ใส่จำนวนเงินเป็นตัวเลข ใช้จุดสำหรับทศนิยม เช่น 10000000.00');
    expect(inputsOf(api.sent, 'RecordOutcome')).toEqual([]);

    await fill(user, 'จำนวนเงิน', '10,000,000.50');
    await user.click(form.getByRole('button', { name: 'บันทึกผลลัพธ์' }));
    expect(await screen.findByText('บันทึกผลลัพธ์แล้ว')).toBeInTheDocument();
    expect(inputsOf(api.sent, 'RecordOutcome')).toEqual([expect.objectContaining({ programId: 'p1', activityId: 'a1', kind: 'REVENUE', amount: '10000000.50', currency: 'THB', quantity: null })]);
  });

  it('corrects the activity with a reason, sending only what changed and the version it showed', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ Activity: { activity: anActivity() }, CorrectActivity: { correctActivity: { activity: anActivity({ version: 4 }), result: { version: 4 } } } });
    renderScreen(<ActivityPage />, { ...at, api, viewer: diplomat, language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Correct the activity' }));
    await fill(user, 'Title in English', 'Meeting with Lazada Thailand');
    await user.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect(screen.getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription('Say why.');
    expect(inputsOf(api.sent, 'CorrectActivity')).toEqual([]);

    await fill(user, 'Reason', 'Lazada asked for its Thai company name');
    await user.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect(await screen.findByText('The activity is corrected.')).toBeInTheDocument();
    expect(inputsOf(api.sent, 'CorrectActivity')).toEqual([
      expect.objectContaining({ id: 'a1', expectedVersion: 3, reason: 'Lazada asked for its Thai company name', title: { th: 'หารือกับลาซาด้า', en: 'Meeting with Lazada Thailand', zh: undefined } }),
    ]);
    expect(Object.keys(inputsOf(api.sent, 'CorrectActivity')[0] as object).sort()).toEqual(['commandId', 'expectedVersion', 'id', 'reason', 'title']);
  });

  it('says plainly, in Thai, when someone else changed the record since the form opened', async () => {
    const user = userEvent.setup();
    const stale = new CombinedError({ graphQLErrors: [{ message: 'the record was changed by someone else', extensions: { code: 'CONFLICT', reason: 'WRONG_EXPECTED_VERSION' } }] });
    const api = fakeApi({ Activity: { activity: anActivity() }, CancelActivity: stale });
    renderScreen(<ActivityPage />, { ...at, api, viewer: diplomat, language: 'th' });
    await user.click(await screen.findByRole('button', { name: 'ยกเลิกกิจกรรม' }));
    await fill(user, 'เหตุผล', 'ลาซาด้าเลื่อนการประชุม');
    await user.click(screen.getByRole('button', { name: 'ยืนยันการยกเลิก' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('มีผู้อื่นแก้ไขรายการนี้หลังจากที่คุณเปิด');
    expect(screen.getByRole('button', { name: 'โหลดใหม่' })).toBeInTheDocument();
    expect(inputsOf(api.sent, 'CancelActivity')).toEqual([expect.objectContaining({ id: 'a1', expectedVersion: 3 })]);
  });
});
