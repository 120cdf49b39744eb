import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { PAGE_SIZE, ProgramsPage } from './ProgramsPage';

const lead = { role: 'LEAD', organization: { id: 'o1', name: { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'Department of International Economic Affairs' } } };

function program(id: string, th: string, en: string) {
  return { id, title: { th, en }, status: 'ACTIVE', startedOn: '2019-05-29', partners: [lead], totals: [] as unknown[] };
}

const programs = {
  programs: {
    totalCount: 1,
    pageInfo: { endCursor: 'c1', hasNextPage: false },
    edges: [{ node: { ...program('p1', 'OTOP สู่ตลาดโลก', 'OTOP to the world'), totals: [{ kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null }] } }],
  },
};

/** Two pages: the first answers without `after`, the second only for the first's cursor. */
const twoPages = (variables: Record<string, unknown>) =>
  variables.after === undefined
    ? { programs: { totalCount: 2, pageInfo: { endCursor: 'c1', hasNextPage: true }, edges: [{ node: program('p1', 'OTOP สู่ตลาดโลก', 'OTOP to the world') }] } }
    : variables.after === 'c1'
      ? { programs: { totalCount: 2, pageInfo: { endCursor: 'c2', hasNextPage: false }, edges: [{ node: program('p2', 'ข้าวไทยสู่จีน', 'Thai rice to China') }] } }
      : new Error(`unexpected cursor ${String(variables.after)}`);

describe('the programs list', { timeout: 20000 }, () => {
  it('shows each program in Thai with its status, lead agencies, a Buddhist-Era start and its revenue in baht', async () => {
    renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs }), language: 'th' });
    expect(await screen.findByRole('link', { name: 'OTOP สู่ตลาดโลก' })).toHaveAttribute('href', '/programs/p1');
    const row = within(screen.getByRole('table'));
    expect(row.getByText('ดำเนินการ')).toBeInTheDocument();
    expect(row.getByText('กรมเศรษฐกิจระหว่างประเทศ')).toBeInTheDocument();
    expect(row.getByText('29 พ.ค. 2562')).toBeInTheDocument();
    expect(row.getByText('10,000,000.00 บาท')).toBeInTheDocument();
  });

  it('shows the same program in English', async () => {
    renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs }), language: 'en' });
    expect(await screen.findByRole('link', { name: 'OTOP to the world' })).toBeInTheDocument();
    expect(screen.getByText('29 May 2019')).toBeInTheDocument();
    expect(screen.getByText('THB 10,000,000.00')).toBeInTheDocument();
  });

  it('asks the API for the first page only when no search is typed', async () => {
    const { api } = renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs }) });
    await screen.findByRole('link', { name: 'OTOP to the world' });
    expect(api.sent.filter((s) => s.name === 'Programs')).toEqual([
      { name: 'Programs', variables: { filter: { search: undefined, status: undefined, partnerId: undefined }, first: PAGE_SIZE, after: undefined } },
    ]);
  });

  it('appends the next page after the rows already shown when "show more" is pressed, in English', async () => {
    const { api } = renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: twoPages }), language: 'en' });
    await screen.findByRole('link', { name: 'OTOP to the world' });
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Thai rice to China' })).toBeInTheDocument();
    // The first page's row is still there, above the second's, and no more pages are offered.
    const links = within(screen.getByRole('table')).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['OTOP to the world', 'Thai rice to China']);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(api.sent.filter((s) => s.name === 'Programs').map((s) => s.variables.after)).toEqual([undefined, 'c1']);
  });

  it('appends the next page in Thai too ("แสดงเพิ่ม")', async () => {
    renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: twoPages }), language: 'th' });
    await screen.findByRole('link', { name: 'OTOP สู่ตลาดโลก' });
    fireEvent.click(screen.getByRole('button', { name: 'แสดงเพิ่ม' }));
    expect(await screen.findByRole('link', { name: 'ข้าวไทยสู่จีน' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'OTOP สู่ตลาดโลก' })).toBeInTheDocument();
  });

  it('filters by a partner picked from the organisations', async () => {
    const organizations = { organizations: { edges: [{ node: { id: 'lazada', kind: 'COMPANY', country: 'TH', name: { th: 'ลาซาด้า', en: 'Lazada', zh: null } } }] } };
    const { api } = renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs, OrganizationSearch: organizations }) });
    await screen.findByRole('link', { name: 'OTOP to the world' });
    const picker = screen.getByRole('combobox', { name: 'Partner' });
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'Laz' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Lazada', hidden: true }));
    await waitFor(() => expect(api.sent.some((s) => s.name === 'Programs' && (s.variables.filter as { partnerId?: string }).partnerId === 'lazada')).toBe(true));
  });

  it('offers "Launch a program" to a planner, who lands on the new program; one commandId across a double submit', async () => {
    let tries = 0;
    const launched = () => (++tries === 1 ? new CombinedError({ networkError: new Error('network down') }) : { launchProgram: { program: { id: 'new1', version: 1, title: { th: null, en: 'Thai silk', zh: null }, status: 'PROPOSED' }, result: { position: '9', projected: true } } });
    const { api } = renderScreen(<ProgramsPage />, {
      api: fakeApi({ Programs: programs, LaunchProgram: launched }),
      viewer: fakeViewer(['Mutation.launchProgram'], ['PLANNER']),
      path: '/programs',
      route: '/programs',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Launch a program' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Title in English' }), { target: { value: 'Thai silk' } });
    const form = screen.getByRole('button', { name: 'Launch' }).closest('form');
    if (!form) throw new Error('no form');
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    const launches = api.sent.filter((s) => s.name === 'LaunchProgram').map((s) => s.variables.input as { commandId: string; title: unknown });
    expect(launches).toHaveLength(2);
    expect(launches[0].commandId).toBe(launches[1].commandId);
    expect(launches[0].title).toEqual({ th: undefined, en: 'Thai silk', zh: undefined });
  });

  it('does not offer "launch a program" to a diplomat or an auditor', async () => {
    for (const roles of [['DIPLOMAT'], ['AUDITOR']] as const) {
      const { unmount } = renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs }), viewer: fakeViewer(['Mutation.logActivity'], [...roles]), language: 'th' });
      await screen.findByRole('link', { name: 'OTOP สู่ตลาดโลก' });
      expect(screen.queryByRole('button', { name: 'เริ่มโครงการใหม่' })).not.toBeInTheDocument();
      unmount();
    }
  });
});
