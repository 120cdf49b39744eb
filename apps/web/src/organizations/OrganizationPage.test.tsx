import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { OrganizationPage } from './OrganizationPage';

const LAZADA = 'o-lazada';
const lazada = {
  id: LAZADA,
  kind: 'COMPANY',
  country: 'TH',
  version: 3,
  name: { th: 'บริษัท ลาซาด้า (ประเทศไทย) จำกัด', en: 'Lazada (Thailand) Co., Ltd.', zh: '来赞达（泰国）有限公司' },
  parent: { id: 'o-alibaba', name: { th: 'อาลีบาบา', en: 'Alibaba Group', zh: null } },
  merged: [{ id: 'o-dup', name: { th: 'ลาซาดา', en: 'Lazada Thailand', zh: null }, mergedAt: '2020-01-10T03:00:00Z', reason: 'Registered twice at the fair' }],
};
const activity = (id: string, startsOn: string, en: string, th: string, kind = 'MEETING') => ({
  id,
  kind,
  status: 'HELD',
  title: { th, en, zh: null },
  startsOn,
  endsOn: startsOn,
  location: { city: 'Bangkok', country: 'TH' },
  program: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null } },
});
const answers = {
  Organization: { organization: lazada },
  OrganizationActivities: {
    activities: {
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: 'c2' },
      // The API lists oldest first.
      edges: [
        { node: activity('a1', '2019-12-16', 'Meeting on selling OTOP products through Alibaba and Lazada', 'ประชุมหารือการขายสินค้า OTOP ผ่านอาลีบาบาและลาซาด้า') },
        { node: activity('a2', '2019-12-17', 'Lazada executives visit OTOP City 2019', 'ผู้บริหารลาซาด้าเยี่ยมชมงาน OTOP City 2019', 'SITE_VISIT') },
      ],
    },
  },
  OrganizationPrograms: { programs: { edges: [{ node: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null }, status: 'ACTIVE', partners: [{ role: 'PLATFORM', organization: { id: LAZADA } }] } }] } },
  FollowUps: {
    followUps: {
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [
        { node: { id: 'f2', description: 'Send the price list', dueOn: '2019-12-20', status: 'DONE', version: 2, owner: { id: LAZADA, name: lazada.name }, program: null, activity: null } },
        {
          node: {
            id: 'f1',
            description: 'Lazada to train OTOP SMEs to move from offline to online selling',
            dueOn: '2020-01-31',
            status: 'OPEN',
            version: 1,
            owner: { id: LAZADA, name: lazada.name },
            program: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null } },
            activity: { id: 'a1', title: { th: 'ประชุมหารือ', en: 'The meeting', zh: null } },
          },
        },
      ],
    },
  },
};
const planner = fakeViewer(['Mutation.renameOrganization', 'Mutation.updateOrganization', 'Mutation.mergeOrganizations', 'Mutation.closeFollowUp'], ['PLANNER']);

describe('the organisation page', () => {
  it('lists every activity with the organisation, newest first, linked, and the follow-up it owes marked overdue (English)', async () => {
    const { api } = renderScreen(<OrganizationPage />, { api: fakeApi(answers), path: `/organizations/${LAZADA}`, route: '/organizations/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lazada (Thailand) Co., Ltd.' })).toBeInTheDocument();
    const activities = within(screen.getByRole('region', { name: 'Activities it organised or joined' }));
    const links = (await activities.findAllByRole('link')).filter((link) => link.getAttribute('href')?.startsWith('/activities/'));
    expect(links.map((link) => link.textContent)).toEqual(['Lazada executives visit OTOP City 2019', 'Meeting on selling OTOP products through Alibaba and Lazada']);
    expect(links[1]).toHaveAttribute('href', '/activities/a1');
    expect(activities.getByText('16 Dec 2019')).toBeInTheDocument();
    expect(api.sent.find((s) => s.name === 'OrganizationActivities')?.variables).toMatchObject({ filter: { organizationId: LAZADA } });

    const owed = within(screen.getByRole('region', { name: 'Follow-ups it owes' }));
    const descriptions = owed.getAllByText(/Lazada to train|Send the price list/).map((node) => node.textContent);
    expect(descriptions).toEqual(['Lazada to train OTOP SMEs to move from offline to online selling', 'Send the price list']);
    expect(owed.getByText('Overdue')).toBeInTheDocument();
    expect(api.sent.find((s) => s.name === 'FollowUps')?.variables).toMatchObject({ filter: { ownerId: LAZADA } });

    expect(within(screen.getByRole('region', { name: 'Programs it partners' })).getByRole('link', { name: 'OTOP to the world' })).toHaveAttribute('href', '/programs/p1');
  });

  it('asks again by kind when a kind is chosen', async () => {
    const { api } = renderScreen(<OrganizationPage />, { api: fakeApi(answers), path: `/organizations/${LAZADA}`, route: '/organizations/:id' });
    await screen.findByRole('heading', { level: 1 });
    await userEvent.click(screen.getByRole('combobox', { name: 'Kind' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Meeting', hidden: true }));
    expect(api.sent.filter((s) => s.name === 'OrganizationActivities').at(-1)?.variables).toMatchObject({ filter: { organizationId: LAZADA, kind: 'MEETING' } });
  });

  it('shows the merged duplicates with when and why, in Thai', async () => {
    renderScreen(<OrganizationPage />, { api: fakeApi(answers), language: 'th', path: `/organizations/${LAZADA}`, route: '/organizations/:id' });
    const merged = within(await screen.findByRole('region', { name: 'รายการซ้ำที่รวมเข้ามาแล้ว' }));
    expect(merged.getByText('ลาซาดา · Lazada Thailand')).toBeInTheDocument();
    expect(merged.getByText('เหตุผล: Registered twice at the fair')).toBeInTheDocument();
    expect(merged.getByText(/รวมเมื่อ .*2563/)).toBeInTheDocument();
    const activities = within(screen.getByRole('region', { name: 'กิจกรรมที่จัดหรือเข้าร่วม' }));
    expect(await activities.findByRole('link', { name: 'ผู้บริหารลาซาด้าเยี่ยมชมงาน OTOP City 2019' })).toBeInTheDocument();
    expect(activities.getByText('16 ธ.ค. 2562')).toBeInTheDocument();
  });

  it('says so when the id asked for was merged into this organisation', async () => {
    renderScreen(<OrganizationPage />, { api: fakeApi(answers), path: '/organizations/o-dup', route: '/organizations/:id' });
    expect(await screen.findByRole('status')).toHaveTextContent('was merged into Lazada (Thailand) Co., Ltd.');
  });

  it('offers a diplomat no rename, update or merge', async () => {
    renderScreen(<OrganizationPage />, { api: fakeApi(answers), viewer: fakeViewer(['Mutation.registerOrganization', 'Mutation.closeFollowUp'], ['DIPLOMAT']), path: `/organizations/${LAZADA}`, route: '/organizations/:id' });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Merge a duplicate into it' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rename' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change kind, country or parent' })).not.toBeInTheDocument();
  });

  it('merges only with a reason and the confirmation, then sends survivor, duplicate and reason', async () => {
    const merge = fakeApi({
      ...answers,
      OrganizationSearch: { organizations: { edges: [{ node: { id: 'o-dup2', kind: 'COMPANY', country: 'TH', name: { th: 'ลาซาด้า ไทย', en: 'Lazada TH', zh: null } } }] } },
      MergeOrganizations: { mergeOrganizations: { organization: lazada, result: { position: '99', projected: true } } },
    });
    renderScreen(<OrganizationPage />, { api: merge, viewer: planner, path: `/organizations/${LAZADA}`, route: '/organizations/:id' });
    await userEvent.click(await screen.findByRole('button', { name: 'Merge a duplicate into it' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/This cannot be undone, but it is recorded/)).toBeInTheDocument();
    await userEvent.type(dialog.getByRole('combobox', { name: /The duplicate/ }), 'Lazada');
    await userEvent.click(await screen.findByRole('option', { name: 'Lazada TH', hidden: true }));
    await userEvent.click(dialog.getByRole('button', { name: 'Merge for good' }));
    expect(dialog.getByText('Give a reason: it is kept with the change.')).toBeInTheDocument();
    expect(merge.sent.some((s) => s.name === 'MergeOrganizations')).toBe(false);

    await userEvent.type(dialog.getByRole('textbox', { name: /Reason/ }), 'Same company, registered twice');
    await userEvent.click(dialog.getByRole('checkbox', { name: 'I understand that merging cannot be undone.' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Merge for good' }));
    expect(merge.sent.find((s) => s.name === 'MergeOrganizations')?.variables.input).toMatchObject({ survivorId: LAZADA, duplicateId: 'o-dup2', reason: 'Same company, registered twice' });
  }, 20_000);
});
