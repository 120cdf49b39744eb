import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { HomePage } from './HomePage';

const program = { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null }, status: 'ACTIVE', startedOn: '2019-05-29', updatedAt: '2019-12-17T10:00:00Z' };
const activity = (id: string, startsOn: string, en: string, th: string) => ({ id, kind: 'MEETING', status: 'HELD', title: { th, en, zh: null }, startsOn, program: { id: 'p1', title: program.title } });
const answers = {
  HomeActivities: {
    activities: {
      totalCount: 2,
      edges: [{ node: activity('a1', '2019-06-01', 'First meeting', 'ประชุมครั้งแรก') }, { node: activity('a2', '2019-12-16', 'Meeting with Lazada', 'ประชุมกับลาซาด้า') }],
    },
  },
  HomePrograms: { programs: { totalCount: 1, edges: [{ node: program }] } },
  FollowUps: { followUps: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
  HomeVerify: { verifyHistory: { ok: true, eventsChecked: 42, streamsChecked: 17, problemCount: 0, firstBrokenPosition: null } },
};

describe('the home page', () => {
  it('shows a diplomat the latest activities, newest first, the open follow-ups and "Log an activity" (English)', async () => {
    const { api } = renderScreen(<HomePage />, { api: fakeApi(answers), viewer: fakeViewer(['Mutation.logActivity'], ['DIPLOMAT']) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Latest activities' })).toBeInTheDocument();
    const links = (await screen.findAllByRole('link')).filter((link) => link.getAttribute('href')?.startsWith('/activities/a'));
    expect(links.map((link) => link.textContent)).toEqual(['Meeting with Lazada', 'First meeting']);
    expect(screen.getByRole('heading', { level: 2, name: 'Open follow-ups' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log an activity' })).toHaveAttribute('href', '/activities/new');
    expect(screen.queryByRole('heading', { name: 'Programs at a glance' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'The store’s verification' })).not.toBeInTheDocument();
    expect(api.sent.find((s) => s.name === 'FollowUps')?.variables).toMatchObject({ filter: { status: 'OPEN' } });
  });

  it('shows a planner programs at a glance and the overdue follow-ups, in Thai', async () => {
    const { api } = renderScreen(<HomePage />, { api: fakeApi(answers), viewer: fakeViewer(['Mutation.logActivity', 'Mutation.launchProgram'], ['PLANNER']), language: 'th' });
    expect(await screen.findByRole('heading', { level: 2, name: 'ภาพรวมโครงการ' })).toBeInTheDocument();
    expect(await screen.findByText('ดำเนินการ: 1')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'OTOP สู่ตลาดโลก' })).toHaveAttribute('href', '/programs/p1');
    expect(screen.getByRole('heading', { level: 2, name: 'เรื่องที่ต้องติดตามที่เกินกำหนด' })).toBeInTheDocument();
    expect(await screen.findByText('ไม่มีเรื่องที่เกินกำหนด')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'กิจกรรมล่าสุด' })).not.toBeInTheDocument();
    expect(api.sent.find((s) => s.name === 'FollowUps')?.variables.filter).toHaveProperty('dueBy');
  });

  it('shows an admin the planner’s blocks', async () => {
    renderScreen(<HomePage />, { api: fakeApi(answers), viewer: fakeViewer([], ['ADMIN']) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Programs at a glance' })).toBeInTheDocument();
  });

  it('shows an auditor the store’s verification plainly and the way to each program’s history, and nothing to log', async () => {
    renderScreen(<HomePage />, { api: fakeApi(answers), viewer: fakeViewer(['Query.verifyHistory'], ['AUDITOR']) });
    expect(await screen.findByRole('status')).toHaveTextContent('Verified: every one of 42 events in 17 streams is intact.');
    expect(await screen.findByRole('link', { name: 'OTOP to the world' })).toHaveAttribute('href', '/programs/p1/history');
    expect(screen.queryByRole('link', { name: 'Log an activity' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Latest activities' })).not.toBeInTheDocument();
  });

  it('says plainly when the store is broken, in Thai', async () => {
    const broken = { ...answers, HomeVerify: { verifyHistory: { ok: false, eventsChecked: 42, streamsChecked: 17, problemCount: 1, firstBrokenPosition: '7' } } };
    renderScreen(<HomePage />, { api: fakeApi(broken), viewer: fakeViewer(['Query.verifyHistory'], ['AUDITOR']), language: 'th' });
    expect(await screen.findByRole('status')).toHaveTextContent('ไม่ถูกต้อง: พบปัญหา 1 รายการ เหตุการณ์แรกที่ถูกแก้ไขอยู่ที่ตำแหน่ง 7');
  });
});
