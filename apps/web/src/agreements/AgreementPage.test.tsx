import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OperationKey } from '../app/viewer';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { AgreementPage } from './AgreementPage';

const PLANNER: OperationKey[] = ['Mutation.signAgreement', 'Mutation.amendAgreement', 'Mutation.terminateAgreement'];

function agreement(status: 'DRAFT' | 'SIGNED' | 'TERMINATED', overrides: Record<string, unknown> = {}) {
  return {
    agreement: {
      id: 'a1',
      version: 4,
      title: { th: 'บันทึกความเข้าใจกับลาซาด้า', en: 'MoU with Lazada', zh: null },
      status,
      signedOn: status === 'DRAFT' ? null : '2019-12-16',
      expiresOn: '2024-12-15',
      terminatedOn: status === 'TERMINATED' ? '2021-03-01' : null,
      parties: [
        { id: 'o1', name: { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'Department of International Economic Affairs' } },
        { id: 'o2', name: { th: 'ลาซาด้า', en: 'Lazada' } },
      ],
      program: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world' } },
      ...overrides,
    },
  };
}

const render = (status: 'DRAFT' | 'SIGNED' | 'TERMINATED', options: { operations?: OperationKey[]; roles?: ('PLANNER' | 'DIPLOMAT' | 'AUDITOR')[]; language?: 'th' | 'en'; answers?: Record<string, unknown> } = {}) =>
  renderScreen(<AgreementPage />, {
    api: fakeApi({ Agreement: agreement(status), ...options.answers }),
    viewer: fakeViewer(options.operations ?? PLANNER, options.roles ?? ['PLANNER']),
    language: options.language ?? 'en',
    path: '/agreements/a1',
    route: '/agreements/:id',
  });

async function dialogForm(): Promise<HTMLFormElement> {
  const form = (await screen.findByRole('dialog')).querySelector('form');
  if (!form) throw new Error('no form in the dialog');
  return form;
}

describe('the agreement page', { timeout: 20000 }, () => {
  it('shows the title, parties, program, status and Buddhist-Era dates in Thai', async () => {
    render('SIGNED', { language: 'th' });
    expect(await screen.findByRole('heading', { level: 1, name: 'บันทึกความเข้าใจกับลาซาด้า' })).toBeInTheDocument();
    expect(screen.getByText('ลงนามแล้ว')).toBeInTheDocument();
    expect(screen.getByText('ลาซาด้า')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'OTOP สู่ตลาดโลก' })).toHaveAttribute('href', '/programs/p1');
    expect(screen.getByText('ลงนาม: 16 ธ.ค. 2562')).toBeInTheDocument();
  });

  it('names each status in Thai: ร่าง, ลงนามแล้ว, สิ้นสุด', async () => {
    for (const [status, word] of [['DRAFT', 'ร่าง'], ['SIGNED', 'ลงนามแล้ว'], ['TERMINATED', 'สิ้นสุด']] as const) {
      const { unmount } = render(status, { language: 'th' });
      expect(await screen.findByText(word)).toBeInTheDocument();
      unmount();
    }
  });

  it('offers a planner "sign" on a draft and "terminate" on a signed agreement, never both', async () => {
    const draft = render('DRAFT');
    expect(await screen.findByRole('button', { name: 'Sign' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Terminate' })).not.toBeInTheDocument();
    draft.unmount();
    render('SIGNED');
    expect(await screen.findByRole('button', { name: 'Terminate' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Amend' })).toBeInTheDocument();
  });

  it('offers a diplomat or an auditor no agreement action', async () => {
    for (const roles of [['DIPLOMAT'], ['AUDITOR']] as const) {
      const { unmount } = render('DRAFT', { roles: [...roles], operations: ['Mutation.logActivity'], language: 'th' });
      await screen.findByRole('heading', { level: 1 });
      for (const name of ['ลงนาม', 'แก้ไขความตกลง', 'ยุติความตกลง']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
      unmount();
    }
  });

  it('signs with the shown version and one commandId across a double submit', async () => {
    const signed = { signAgreement: { agreement: { id: 'a1', version: 5, status: 'SIGNED', signedOn: '2019-12-16', expiresOn: '2024-12-15' }, result: { position: '50', projected: true } } };
    const { api } = render('DRAFT', { answers: { SignAgreement: signed } });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign' }));
    const date = await screen.findByRole('textbox', { name: /Signed on/ });
    fireEvent.change(date, { target: { value: '16/12/2562' } });
    fireEvent.blur(date);
    const form = await dialogForm();
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(api.sent.filter((s) => s.name === 'SignAgreement')).toHaveLength(2));
    const inputs = api.sent.filter((s) => s.name === 'SignAgreement').map((s) => s.variables.input as Record<string, unknown>);
    expect(inputs[0].commandId).toBe(inputs[1].commandId);
    expect(inputs[0]).toMatchObject({ id: 'a1', expectedVersion: 4, signedOn: '2019-12-16', expiresOn: '2024-12-15' });
  });

  it('will not terminate without a reason, in Thai', async () => {
    const { api } = render('SIGNED', { language: 'th' });
    fireEvent.click(await screen.findByRole('button', { name: 'ยุติความตกลง' }));
    const date = await screen.findByRole('textbox', { name: /วันที่ยุติ/ });
    fireEvent.change(date, { target: { value: '1/3/2564' } });
    fireEvent.blur(date);
    fireEvent.submit(await dialogForm());
    expect(await screen.findByText('โปรดระบุเหตุผล ซึ่งจะเก็บไว้ในประวัติการเปลี่ยนแปลง')).toBeInTheDocument();
    expect(api.sent.some((s) => s.name === 'TerminateAgreement')).toBe(false);
  });
});
