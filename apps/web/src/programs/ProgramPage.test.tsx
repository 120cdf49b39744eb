import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import type { OperationKey } from '../app/viewer';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { ProgramPage } from './ProgramPage';

const PLANNER: OperationKey[] = [
  'Mutation.addProgramPartner',
  'Mutation.removeProgramPartner',
  'Mutation.changeProgramStatus',
  'Mutation.correctProgram',
  'Mutation.recordAgreement',
  'Mutation.signAgreement',
];
const dfa = { id: 'o1', name: { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'Department of International Economic Affairs' }, kind: 'DEPARTMENT' };

function program(overrides: Record<string, unknown> = {}) {
  return {
    program: {
      id: 'p1',
      title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null },
      summary: null,
      status: 'ACTIVE',
      startedOn: '2019-05-29',
      version: 7,
      updatedAt: '2020-01-01T00:00:00Z',
      partners: [{ role: 'LEAD', joinedOn: '2019-05-29', organization: dfa }],
      totals: [],
      agreements: [
        { id: 'a1', version: 1, title: { th: 'บันทึกความเข้าใจกับลาซาด้า', en: 'MoU with Lazada' }, status: 'DRAFT', signedOn: null, expiresOn: null, terminatedOn: null, parties: [] },
        { id: 'a2', version: 2, title: { th: 'ความตกลงกับ JD', en: 'Agreement with JD' }, status: 'SIGNED', signedOn: '2019-12-16', expiresOn: null, terminatedOn: null, parties: [] },
        { id: 'a3', version: 3, title: { th: 'ความตกลงเดิม', en: 'Old agreement' }, status: 'TERMINATED', signedOn: '2019-01-01', expiresOn: null, terminatedOn: '2019-06-01', parties: [] },
      ],
      activities: {
        totalCount: 2,
        edges: [
          { node: { id: 'act1', kind: 'MEETING', status: 'HELD', title: { th: 'ประชุมกับลาซาด้า', en: 'Meeting Lazada', zh: null }, startsOn: '2019-12-16', endsOn: '2019-12-16', summary: 'Agreed on a pilot', topics: ['e-commerce'], location: { venue: 'Lazada HQ', city: 'Bangkok', country: 'TH' }, organizers: [dfa] } },
          { node: { id: 'act2', kind: 'FAIR', status: 'PLANNED', title: { th: 'งาน THAIFEX', en: 'THAIFEX fair', zh: null }, startsOn: '2030-05-01', endsOn: '2030-05-03', summary: null, topics: [], location: null, organizers: [] } },
        ],
      },
      followUps: [
        { id: 'f1', description: 'Send the product list', dueOn: '2020-01-10', status: 'OPEN', owner: null, activity: null },
        { id: 'f2', description: 'Book the booth', dueOn: '2099-01-10', status: 'OPEN', owner: null, activity: null },
      ],
      ...overrides,
    },
  };
}

const render = (options: { operations?: OperationKey[]; roles?: ('DIPLOMAT' | 'PLANNER' | 'AUDITOR' | 'ADMIN')[]; language?: 'th' | 'en'; answers?: Record<string, unknown> } = {}) =>
  renderScreen(<ProgramPage />, {
    api: fakeApi({ Program: program(), ...options.answers }),
    viewer: fakeViewer(options.operations ?? PLANNER, options.roles ?? ['PLANNER']),
    language: options.language ?? 'en',
    path: '/programs/p1',
    route: '/programs/:id',
  });

const formOf = (button: HTMLElement) => {
  const form = button.closest('form');
  if (!form) throw new Error('no form around the button');
  return form;
};

/** The open dialog's form (its submit button may share the name of the button that opened it). */
async function dialogForm(): Promise<HTMLFormElement> {
  const dialog = await screen.findByRole('dialog');
  const form = dialog.querySelector('form');
  if (!form) throw new Error('no form in the dialog');
  return form;
}

// Each test renders the whole page with Mantine; on a busy shared machine that takes seconds.
describe('the program page', { timeout: 20000 }, () => {
  it('re-reads the program from the network when programChanged signals, and says so politely', async () => {
    let reads = 0;
    const { api } = render({
      answers: {
        Program: () => (++reads === 1 ? program() : program({ title: { th: 'OTOP สู่ตลาดโลก (ฉบับแก้)', en: 'OTOP to the world, corrected', zh: null } })),
        ProgramChanged: { programChanged: { programId: 'p1', position: '42' } },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'OTOP to the world, corrected' })).toBeInTheDocument();
    expect(api.sent.find((s) => s.name === 'ProgramChanged')?.variables).toEqual({ programId: 'p1' });
    expect(api.sent.filter((s) => s.name === 'Program')).toHaveLength(2);
    expect(screen.getByText('Updated just now: this page shows the latest records.')).toHaveAttribute('aria-live', 'polite');
  });

  it('without a signal reads the program once and announces nothing, in Thai', async () => {
    const { api } = render({ language: 'th' });
    expect(await screen.findByRole('heading', { level: 1, name: 'OTOP สู่ตลาดโลก' })).toBeInTheDocument();
    expect(api.sent.filter((s) => s.name === 'Program')).toHaveLength(1);
    expect(screen.queryByText('อัปเดตเมื่อสักครู่: หน้านี้แสดงข้อมูลล่าสุดแล้ว')).not.toBeInTheDocument();
  });

  it('lists the agreements with their status in Thai and a link to each', async () => {
    render({ language: 'th' });
    const section = within(await screen.findByRole('region', { name: 'ความตกลง' }));
    expect(section.getByRole('link', { name: 'บันทึกความเข้าใจกับลาซาด้า' })).toHaveAttribute('href', '/agreements/a1');
    expect(section.getByText('ร่าง')).toBeInTheDocument();
    expect(section.getByText('ลงนามแล้ว')).toBeInTheDocument();
    expect(section.getByText('สิ้นสุด')).toBeInTheDocument();
  });

  it('puts overdue follow-ups first and says how late they are, in English and Thai', async () => {
    const { unmount } = render();
    const section = within(await screen.findByRole('region', { name: /Follow-ups/ }));
    expect(section.getByText('1 overdue')).toBeInTheDocument();
    expect(section.getByText(/^Overdue: was due 10 Jan 2020, \d+ days ago$/)).toBeInTheDocument();
    const texts = section.getAllByText(/Send the product list|Book the booth/).map((e) => e.textContent);
    expect(texts).toEqual(['Send the product list', 'Book the booth']);
    unmount();
    render({ language: 'th' });
    const thai = within(await screen.findByRole('region', { name: /เรื่องที่ต้องติดตาม/ }));
    expect(thai.getByText(/^เกินกำหนด: ครบกำหนด 10 ม\.ค\. 2563 ผ่านมาแล้ว \d+ วัน$/)).toBeInTheDocument();
  });

  it('filters the timeline by kind and folds details open on demand', async () => {
    render();
    const section = within(await screen.findByRole('region', { name: 'Activities' }));
    expect(section.getByRole('img', { name: 'Meeting' })).toBeInTheDocument();
    expect(section.getByRole('img', { name: 'Fair' })).toBeInTheDocument();
    fireEvent.click(section.getByRole('checkbox', { name: 'Fair' }));
    expect(section.queryByRole('link', { name: 'Meeting Lazada' })).not.toBeInTheDocument();
    expect(section.getByRole('link', { name: 'THAIFEX fair' })).toBeInTheDocument();
    fireEvent.click(section.getByRole('checkbox', { name: 'Fair' }));
    const details = section.getAllByRole('button', { name: 'Details' })[0];
    expect(details).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(details);
    expect(section.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    expect(section.getByText('Place: Lazada HQ, Bangkok, TH')).toBeInTheDocument();
  });

  it('offers a completed program no status change and no partner change, only a correction', async () => {
    render({ answers: { Program: program({ status: 'COMPLETED' }) } });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Change status' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a partner' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Correct the program' })).toBeInTheDocument();
  });

  it('offers a planner every action on an open program', async () => {
    render();
    await screen.findByRole('heading', { level: 1 });
    for (const name of ['Change status', 'Correct the program', 'Add a partner', 'Record an agreement', 'Remove Department of International Economic Affairs']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('offers a diplomat or an auditor none of the planner actions', async () => {
    for (const [roles, operations] of [
      [['DIPLOMAT'], ['Mutation.logActivity', 'Mutation.registerOrganization']],
      [['AUDITOR'], ['Query.programHistory']],
    ] as const) {
      const { unmount } = render({ roles: [...roles], operations: [...operations], language: 'th' });
      await screen.findByRole('heading', { level: 1 });
      for (const name of ['เปลี่ยนสถานะ', 'แก้ไขข้อมูลโครงการ', 'เพิ่มภาคีความร่วมมือ', 'บันทึกความตกลง', 'นำ กรมเศรษฐกิจระหว่างประเทศ ออก']) {
        expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
      }
      unmount();
    }
  });

  it('refuses to remove a partner without a reason, and sends nothing', async () => {
    const { api } = render();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Department of International Economic Affairs' }));
    const submit = await screen.findByRole('button', { name: 'Remove partner' });
    fireEvent.submit(formOf(submit));
    expect(await screen.findByText('Give a reason: it is kept in the history.')).toBeInTheDocument();
    expect(api.sent.some((s) => s.name === 'RemoveProgramPartner')).toBe(false);
  });

  it('requires the reason in Thai too ("เหตุผล")', async () => {
    const { api } = render({ language: 'th' });
    fireEvent.click(await screen.findByRole('button', { name: 'เปลี่ยนสถานะ' }));
    fireEvent.submit(await dialogForm());
    expect(await screen.findByText('โปรดระบุเหตุผล ซึ่งจะเก็บไว้ในประวัติการเปลี่ยนแปลง')).toBeInTheDocument();
    expect(api.sent.some((s) => s.name === 'ChangeProgramStatus')).toBe(false);
  });

  it('sends one commandId and the shown version across a double submit of a status change', async () => {
    const changed = { changeProgramStatus: { program: { id: 'p1', version: 8, status: 'ON_HOLD' }, result: { position: '43', projected: true } } };
    const { api } = render({ answers: { ChangeProgramStatus: changed } });
    fireEvent.click(await screen.findByRole('button', { name: 'Change status' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /Reason/ }), { target: { value: 'Waiting for the budget' } });
    const form = await dialogForm();
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(api.sent.filter((s) => s.name === 'ChangeProgramStatus')).toHaveLength(2));
    const inputs = api.sent.filter((s) => s.name === 'ChangeProgramStatus').map((s) => s.variables.input as Record<string, unknown>);
    expect(inputs[0].commandId).toBe(inputs[1].commandId);
    expect(inputs[0]).toMatchObject({ programId: 'p1', expectedVersion: 7, status: 'ON_HOLD', reason: 'Waiting for the budget' });
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('says plainly when someone else changed the program first, keeps what was typed and re-reads it', async () => {
    const conflict = new CombinedError({ graphQLErrors: [new GraphQLError('expected version 7, found 8', { extensions: { code: 'CONFLICT', reason: 'WRONG_EXPECTED_VERSION' } })] });
    const { api } = render({ answers: { ChangeProgramStatus: conflict } });
    fireEvent.click(await screen.findByRole('button', { name: 'Change status' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /Reason/ }), { target: { value: 'Waiting for the budget' } });
    fireEvent.submit(await dialogForm());
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone changed this record after you opened the form.');
    expect(screen.getByRole('textbox', { name: /Reason/ })).toHaveValue('Waiting for the budget');
    await waitFor(() => expect(api.sent.filter((s) => s.name === 'Program')).toHaveLength(2));
  });
});
