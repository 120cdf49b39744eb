import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { anActivity } from './fixtures';
import { LOG_DRAFT_KEY, LogActivityPage } from './LogActivityPage';

const diplomat = fakeViewer(['Mutation.logActivity', 'Mutation.recordOutcome', 'Mutation.addFollowUp', 'Mutation.registerOrganization']);
const saved = { logActivity: { activity: anActivity({ id: 'new-1' }), result: { streamId: 'activity-new-1', version: 1, projected: true } } };
const route = { path: '/activities/new', route: '/activities/new', viewer: diplomat };
type Sent = { name: string; variables: Record<string, unknown> };
const logs = (sent: Sent[]) => sent.filter((operation) => operation.name === 'LogActivity').map((operation) => operation.variables.input as Record<string, unknown>);

type User = ReturnType<typeof userEvent.setup>;

/** Types into a field as a paste: the whole form re-renders on each key, slow on a shared machine. */
async function fill(user: User, label: string, text: string) {
  const input = screen.getByRole('textbox', { name: label });
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

async function typeDate(user: User, label: string, text: string) {
  await fill(user, label, text);
  await user.tab();
}

/** The least a save needs: a kind, a title and a start. */
async function fillMinimal(user: User) {
  await user.click(screen.getByRole('radio', { name: 'Meeting' }));
  await fill(user, 'Title in English', 'Meeting with Lazada');
  await typeDate(user, 'Starts on', '16/12/2562');
}

beforeEach(() => localStorage.clear());

// Long: a whole form typed into, on a machine shared with other work.
describe('logging an activity', { timeout: 30_000 }, () => {
  it('refuses, in Thai, a form without a kind, a title or a start, and sends nothing', async () => {
    const user = userEvent.setup();
    const { api } = renderScreen(<LogActivityPage />, { ...route, language: 'th' });
    await user.click(screen.getByRole('button', { name: 'บันทึกกิจกรรม' }));
    expect(await screen.findByText('เลือกประเภทกิจกรรม')).toBeInTheDocument();
    expect(screen.getByText('ใส่ชื่อเป็นภาษาไทย อังกฤษ หรือจีน')).toBeInTheDocument();
    expect(screen.getByText('ใส่วันที่เริ่ม')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('โปรดแก้ไขช่องที่ทำเครื่องหมายไว้ด้านล่าง');
    expect(logs(api.sent)).toEqual([]);
  });

  it('refuses an end before the start', async () => {
    const user = userEvent.setup();
    const { api } = renderScreen(<LogActivityPage />, { ...route, language: 'en' });
    await fillMinimal(user);
    await typeDate(user, 'Ends on', '15/12/2562');
    await user.click(screen.getByRole('button', { name: 'Save the activity' }));
    expect(await screen.findByText('The end cannot be before the start.')).toBeInTheDocument();
    expect(logs(api.sent)).toEqual([]);
  });

  it('makes a date ahead of today planned and a past one held, in Thai, and lets the person change it', async () => {
    const user = userEvent.setup();
    renderScreen(<LogActivityPage />, { ...route, language: 'th' });
    await typeDate(user, 'วันที่เริ่ม', '๑ มกราคม ๒๗๔๐');
    expect(screen.getByRole('radio', { name: 'ตามกำหนดการ' })).toBeChecked();
    await typeDate(user, 'วันที่เริ่ม', '๑๖ ธันวาคม ๒๕๖๒');
    expect(screen.getByRole('radio', { name: 'จัดแล้ว' })).toBeChecked();
    // The end follows a one-day start.
    expect(screen.getByRole('textbox', { name: 'วันที่สิ้นสุด' })).toHaveValue('16 ธ.ค. 2562');
    await user.click(screen.getByRole('radio', { name: 'ตามกำหนดการ' }));
    await typeDate(user, 'วันที่เริ่ม', '17/12/2562');
    expect(screen.getByRole('radio', { name: 'ตามกำหนดการ' })).toBeChecked();
  });

  it('sends one commandId for a double click and for a retry after a network error', async () => {
    const user = userEvent.setup();
    let networkDown = true;
    const api = fakeApi({ LogActivity: () => (networkDown ? new CombinedError({ networkError: new Error('network down') }) : saved) });
    renderScreen(<LogActivityPage />, { ...route, api });
    await fillMinimal(user);
    await user.dblClick(screen.getByRole('button', { name: 'Save the activity' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('network down');
    // The failed save kept everything typed.
    expect(screen.getByRole('textbox', { name: 'Title in English' })).toHaveValue('Meeting with Lazada');
    networkDown = false;
    await user.click(screen.getByRole('button', { name: 'Save the activity' }));
    await screen.findByText('The activity is recorded.');
    const sent = logs(api.sent);
    // Whether the second click of the double click reached the API or met a busy button, every try carried the same id.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((input) => input.commandId)).size).toBe(1);
    expect(sent[0]).toMatchObject({ kind: 'MEETING', status: 'HELD', title: { en: 'Meeting with Lazada' }, startsOn: '2019-12-16', endsOn: '2019-12-16' });
  });

  it('shows the API’s errors at the fields they name', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      LogActivity: new CombinedError({
        graphQLErrors: [
          { message: 'title is too long', extensions: { code: 'BAD_USER_INPUT', field: 'title' } },
          { message: 'startsOn is outside the program', extensions: { code: 'BAD_USER_INPUT', field: 'startsOn' } },
        ],
      }),
    });
    renderScreen(<LogActivityPage />, { ...route, api });
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Save the activity' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Title in Thai' })).toHaveAccessibleDescription('title is too long'));
    expect(screen.getByRole('textbox', { name: 'Starts on' })).toHaveAccessibleDescription('startsOn is outside the program');
  });

  it('places a participant’s error from the API (participants[0].name) at that participant’s name', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ LogActivity: new CombinedError({ graphQLErrors: [{ message: 'a participant twice', extensions: { code: 'BAD_USER_INPUT', field: 'participants[0].name' } }] }) });
    renderScreen(<LogActivityPage />, { ...route, api });
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Add a participant' }));
    await fill(user, 'Name in English', 'Somchai');
    await user.click(screen.getByRole('button', { name: 'Save the activity' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name in Thai' })).toHaveAccessibleDescription('a participant twice'));
  });

  it('restores the draft after a reload, and clears it once saved', async () => {
    const user = userEvent.setup();
    const first = renderScreen(<LogActivityPage />, { ...route, language: 'th' });
    await fill(user, 'ชื่อกิจกรรมภาษาไทย', 'หารือกับลาซาด้า');
    await user.click(screen.getByRole('radio', { name: 'การประชุมหารือ' }));
    first.unmount();

    const api = fakeApi({ LogActivity: saved });
    renderScreen(<LogActivityPage />, { ...route, api, language: 'th' });
    expect(screen.getByRole('textbox', { name: 'ชื่อกิจกรรมภาษาไทย' })).toHaveValue('หารือกับลาซาด้า');
    expect(screen.getByRole('radio', { name: 'การประชุมหารือ' })).toBeChecked();
    expect(screen.getByText('กู้คืนร่างที่ยังไม่ได้บันทึกแล้ว')).toBeInTheDocument();
    await typeDate(user, 'วันที่เริ่ม', '๑๖ ธันวาคม ๒๕๖๒');
    await user.click(screen.getByRole('button', { name: 'บันทึกกิจกรรม' }));
    await screen.findByText('บันทึกกิจกรรมเรียบร้อยแล้ว');
    expect(localStorage.getItem(LOG_DRAFT_KEY)).toBeNull();
  });

  it('links to the saved activity by the id the API returned and offers its outcome and follow-up', async () => {
    const user = userEvent.setup();
    renderScreen(<LogActivityPage />, { ...route, api: fakeApi({ LogActivity: saved }) });
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Save the activity' }));
    expect(await screen.findByRole('link', { name: 'Open “Meeting with Lazada”' })).toHaveAttribute('href', '/activities/new-1');
    expect(screen.getByRole('button', { name: 'Save the outcome' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save the follow-up' })).toBeInTheDocument();
  });

  it('files the activity under the program it was opened from', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ LogActivity: saved });
    renderScreen(<LogActivityPage />, { ...route, path: '/activities/new?programId=p1', api });
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Save the activity' }));
    await screen.findByText('The activity is recorded.');
    expect(logs(api.sent)[0]).toMatchObject({ programId: 'p1' });
  });
});
