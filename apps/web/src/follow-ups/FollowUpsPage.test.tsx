import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../format/dates';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { FollowUpsPage } from './FollowUpsPage';

const today = todayIso();
const LAZADA = { id: 'o-lazada', name: { th: 'บริษัท ลาซาด้า (ประเทศไทย) จำกัด', en: 'Lazada (Thailand) Co., Ltd.', zh: null } };
const followUp = (id: string, description: string, dueOn: string | null) => ({
  id,
  description,
  dueOn,
  status: 'OPEN',
  version: 1,
  owner: LAZADA,
  program: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null } },
  activity: { id: 'a1', title: { th: 'ประชุมหารือ', en: 'The meeting', zh: null } },
});
const late = followUp('f-late', 'Send the training plan', addDays(today, -3));
const soon = followUp('f-soon', 'Confirm the fair booth', addDays(today, 5));
const page = (nodes: unknown[]) => ({ followUps: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) } });
// Answers as the API would: dueBy today -> the late one; dueBy in 14 days -> both; OPEN -> both.
const answers = {
  FollowUps: (variables: Record<string, unknown>) => {
    const filter = variables.filter as { dueBy?: string; status?: string };
    if (filter.dueBy === today) return page([late]);
    if (filter.dueBy) return page([late, soon]);
    return filter.status === 'OPEN' ? page([late, soon]) : page([]);
  },
  FollowUpPrograms: { programs: { edges: [{ node: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null } } }] } },
  OrganizationSearch: { organizations: { edges: [{ node: { id: LAZADA.id, kind: 'COMPANY', country: 'TH', name: LAZADA.name } }] } },
};

describe('the follow-ups page', () => {
  it('puts the overdue section first, marked, then what falls due in 14 days without repeating it (English)', async () => {
    renderScreen(<FollowUpsPage />, { api: fakeApi(answers) });
    const sections = await screen.findAllByRole('region');
    expect(sections.map((section) => within(section).getByRole('heading').textContent)).toEqual(['Overdue', 'Due in the next 14 days', 'All open']);
    const overdue = within(sections[0]);
    const card = (await overdue.findByText('Send the training plan')).closest<HTMLElement>('[data-follow-up-id]');
    expect(within(card ?? document.body).getByText('Overdue')).toBeInTheDocument();
    const dueSoon = within(sections[1]);
    expect(await dueSoon.findByText('Confirm the fair booth')).toBeInTheDocument();
    expect(dueSoon.queryByText('Send the training plan')).not.toBeInTheDocument();
    expect(overdue.getByRole('link', { name: 'From: The meeting' })).toHaveAttribute('href', '/activities/a1');
    expect(overdue.getByRole('link', { name: 'OTOP to the world' })).toHaveAttribute('href', '/programs/p1');
  }, 20_000);

  it('sends the owner chosen as ownerId to every section, in Thai', async () => {
    const { api } = renderScreen(<FollowUpsPage />, { api: fakeApi(answers), language: 'th' });
    expect(await screen.findByRole('heading', { level: 2, name: 'เกินกำหนด' })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('combobox', { name: 'ผู้รับผิดชอบ' }), 'ลาซาดา');
    await userEvent.click(await screen.findByRole('option', { name: LAZADA.name.th, hidden: true }));
    const filtered = api.sent.filter((s) => s.name === 'FollowUps' && (s.variables.filter as { ownerId?: string }).ownerId === LAZADA.id);
    expect(filtered.map((s) => s.variables.filter)).toEqual(
      expect.arrayContaining([expect.objectContaining({ dueBy: today }), expect.objectContaining({ dueBy: addDays(today, 14) }), expect.objectContaining({ status: 'OPEN' })]),
    );
  }, 20_000);

  it('reschedules only with a reason, sending the shown version as expectedVersion', async () => {
    const api = fakeApi({ ...answers, UpdateFollowUp: { updateFollowUp: { followUp: late, result: { position: '9', projected: true } } } });
    renderScreen(<FollowUpsPage />, { api, viewer: fakeViewer(['Mutation.updateFollowUp', 'Mutation.closeFollowUp'], ['PLANNER']) });
    const overdue = within((await screen.findAllByRole('region'))[0]);
    await userEvent.click(await overdue.findByRole('button', { name: 'Reschedule' }));
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByRole('button', { name: 'Reschedule' }));
    expect(dialog.getByText('Give a reason: it is kept with the change.')).toBeInTheDocument();
    await userEvent.type(dialog.getByRole('textbox', { name: /Reason/ }), 'Lazada asked for a week');
    await userEvent.click(dialog.getByRole('button', { name: 'Reschedule' }));
    expect(api.sent.find((s) => s.name === 'UpdateFollowUp')?.variables.input).toMatchObject({ id: 'f-late', expectedVersion: 1, reason: 'Lazada asked for a week', dueOn: late.dueOn });
  }, 20_000);

  it('says plainly when someone else changed the follow-up first', async () => {
    const { CombinedError } = await import('urql');
    const api = fakeApi({ ...answers, CloseFollowUp: new CombinedError({ graphQLErrors: [{ message: 'Expected version 1, found 2', extensions: { code: 'CONFLICT' } }] }) });
    renderScreen(<FollowUpsPage />, { api, viewer: fakeViewer(['Mutation.closeFollowUp'], ['PLANNER']) });
    const overdue = within((await screen.findAllByRole('region'))[0]);
    await userEvent.click(await overdue.findByRole('button', { name: 'Close' }));
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('Someone changed this follow-up since you opened it');
    expect(api.sent.find((s) => s.name === 'CloseFollowUp')?.variables.input).toMatchObject({ id: 'f-late', expectedVersion: 1, status: 'DONE' });
  }, 20_000);

  it('offers an auditor no action', async () => {
    renderScreen(<FollowUpsPage />, { api: fakeApi(answers), viewer: fakeViewer([], ['AUDITOR']) });
    expect(await screen.findAllByText('Send the training plan')).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reassign' })).not.toBeInTheDocument();
  }, 20_000);
});
