import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeViewer, renderScreen } from '../test/render';
import { HistoryPage } from './HistoryPage';

const PROGRAM = 'p1';
const RECORDED_AT = '2019-12-16T03:00:00.000Z';
const CORRECTED_AT = '2019-12-17T03:00:00.000Z';

const node = (position: string, type: string, recordedAt: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  eventId: `e${position}`,
  position,
  recordedAt,
  occurredOn: null,
  actor: 'demo-planner',
  type,
  version: 1,
  schemaVersion: 1,
  streamId: 'outcome-x1',
  hash: `hash-${position}`,
  data,
  commandId: null,
  ...extra,
});

const history = {
  programHistory: {
    totalCount: 2,
    pageInfo: { hasNextPage: false, endCursor: '9' },
    edges: [
      node('7', 'OutcomeRecorded', RECORDED_AT, { outcomeId: 'x1', programId: PROGRAM, activityId: null, kind: 'REVENUE', amount: '10000000.00', currency: 'THB', quantity: null, description: null }, { actor: 'demo-diplomat' }),
      node('9', 'OutcomeCorrected', CORRECTED_AT, { outcomeId: 'x1', programId: PROGRAM, amount: '10250000.00', currency: 'THB', quantity: null, description: null, reason: 'Two invoices were late' }, { version: 2 }),
    ].map((n) => ({ cursor: n.position, node: n })),
  },
};

const programAt = (amount: string) => ({
  programAsOf: {
    id: PROGRAM,
    title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null },
    summary: null,
    status: 'ACTIVE',
    startedOn: '2019-05-29',
    version: 3,
    updatedAt: RECORDED_AT,
    partners: [],
    totals: [{ kind: 'REVENUE', currency: 'THB', amount, quantity: null }],
    agreements: [],
    activities: { totalCount: 0, edges: [] },
    followUps: [],
    outcomes: [{ id: 'x1', kind: 'REVENUE', amount, currency: 'THB', quantity: null, description: 'Shanghai fair sales', voided: false, activity: null }],
  },
});

const answers = {
  HistoryProgram: { program: { id: PROGRAM, title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world' } } },
  ProgramHistory: history,
  // The server's answer depends on the time asked: before the correction, the figure recorded first.
  ProgramAsOf: (variables: Record<string, unknown>) => programAt(String(variables.asOf) < CORRECTED_AT ? '10000000.00' : '10250000.00'),
};

const auditor = fakeViewer(['Query.programHistory', 'Query.programAsOf', 'Query.verifyHistory', 'Query.historyDigest'], ['AUDITOR']);
const at = { path: `/programs/${PROGRAM}/history`, route: '/programs/:id/history', viewer: auditor };

describe('the history screen', () => {
  it('shows a correction in words with the earlier figure, who made it, when, and why', async () => {
    renderScreen(<HistoryPage />, { ...at, api: fakeApi(answers), language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'History: OTOP to the world' })).toBeInTheDocument();
    const correction = await screen.findByText('Revenue corrected: amount from THB 10,000,000.00 to THB 10,250,000.00');
    const item = correction.closest('.mantine-Timeline-item') as HTMLElement;
    expect(within(item).getByText('Reason: Two invoices were late')).toBeInTheDocument();
    expect(within(item).getByText(/by demo-planner/)).toBeInTheDocument();
    expect(within(item).getByText(/Recorded 17 Dec 2019/)).toBeInTheDocument();
  });

  it('shows the same correction in Thai, recorded in the Buddhist Era', async () => {
    renderScreen(<HistoryPage />, { ...at, api: fakeApi(answers), language: 'th' });
    const correction = await screen.findByText('แก้ไขผลลัพธ์ รายได้: จำนวนเงินจาก 10,000,000.00 บาท เป็น 10,250,000.00 บาท');
    const item = correction.closest('.mantine-Timeline-item') as HTMLElement;
    expect(within(item).getByText(/บันทึกเมื่อ 17 ธ\.ค\. 2562/)).toBeInTheDocument();
    expect(within(item).getByText('เหตุผล: Two invoices were late')).toBeInTheDocument();
  });

  it('folds the stored event open on demand', async () => {
    renderScreen(<HistoryPage />, { ...at, api: fakeApi(answers) });
    const correction = await screen.findByText(/Revenue corrected/);
    const item = correction.closest('.mantine-Timeline-item') as HTMLElement;
    expect(within(item).queryByText('hash-9')).not.toBeInTheDocument();
    await userEvent.click(within(item).getByRole('button', { name: 'Stored event' }));
    expect(within(item).getByText('hash-9')).toBeInTheDocument();
    expect(within(item).getByText(/"amount": "10250000.00"/)).toBeInTheDocument();
  });

  it('filters by event family', async () => {
    renderScreen(<HistoryPage />, { ...at, api: fakeApi(answers) });
    await screen.findByText(/Revenue corrected/);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Outcomes' }));
    expect(screen.queryByText(/Revenue corrected/)).not.toBeInTheDocument();
    expect(screen.getByText('No event of this kind.')).toBeInTheDocument();
  });

  it('with "as known on" a time before the correction, shows the earlier figure and says which view this is', async () => {
    const { api } = renderScreen(<HistoryPage />, { ...at, api: fakeApi(answers), language: 'en' });
    await screen.findByText(/Revenue corrected/);
    // 16 Dec 2019, 23:00 where the test runs: after the recording, before the correction.
    const date = screen.getByLabelText('As known on (date)');
    fireEvent.change(date, { target: { value: '16/12/2562' } });
    fireEvent.blur(date);
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: '23:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Show as known then' }));

    expect(await screen.findByText(/Shown: the program as known on 16 Dec 2019/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'OTOP to the world' })).toBeInTheDocument();
    const outcomes = screen.getByRole('region', { name: 'Outcomes as known then' });
    expect(within(outcomes).getByText('THB 10,000,000.00')).toBeInTheDocument();
    const asked = api.sent.filter((op) => op.name === 'ProgramAsOf').at(-1);
    expect(asked?.variables).toMatchObject({ programId: PROGRAM, asOf: new Date(2019, 11, 16, 23, 0).toISOString(), occurredBy: null });
    expect(screen.getByRole('link', { name: 'Back to now' })).toHaveAttribute('href', `/programs/${PROGRAM}`);
  });

  it('"the program as known before this" on the correction shows the figure it replaced', async () => {
    renderScreen(<HistoryPage />, { ...at, api: fakeApi(answers) });
    const correction = await screen.findByText(/Revenue corrected/);
    const item = correction.closest('.mantine-Timeline-item') as HTMLElement;
    await userEvent.click(within(item).getByRole('button', { name: 'The program as known before this' }));
    const outcomes = await screen.findByRole('region', { name: 'Outcomes as known then' });
    expect(within(outcomes).getByText('THB 10,000,000.00')).toBeInTheDocument();
  });

  it('"as happened by" a business date asks for the program now, up to that date', async () => {
    const { api } = renderScreen(<HistoryPage />, { ...at, api: fakeApi(answers), language: 'th' });
    await screen.findByText(/แก้ไขผลลัพธ์/);
    const date = screen.getByLabelText('สิ่งที่เกิดขึ้นแล้วภายในวันที่ (วันที่เกิดเหตุการณ์)');
    fireEvent.change(date, { target: { value: '๑๖ ธันวาคม ๒๕๖๒' } });
    fireEvent.blur(date);
    await userEvent.click(screen.getByRole('button', { name: 'แสดงสิ่งที่เกิดขึ้นแล้ว' }));
    expect(await screen.findByText('กำลังแสดง: โครงการตามที่เกิดขึ้นแล้วภายใน 16 ธ.ค. 2562 ตามข้อมูลปัจจุบัน')).toBeInTheDocument();
    await waitFor(() => expect(api.sent.some((op) => op.name === 'ProgramAsOf' && op.variables.occurredBy === '2019-12-16')).toBe(true));
  });

  it('"show more" asks for the page after the last one and appends it', async () => {
    const first = { programHistory: { ...history.programHistory, totalCount: 3, pageInfo: { hasNextPage: true, endCursor: '9' } } };
    const second = {
      programHistory: {
        totalCount: 3,
        pageInfo: { hasNextPage: false, endCursor: '12' },
        edges: [{ cursor: '12', node: node('12', 'OutcomeVoided', '2019-12-18T03:00:00.000Z', { outcomeId: 'x1', programId: PROGRAM, reason: 'Entered twice' }, { version: 3 }) }],
      },
    };
    const { api } = renderScreen(<HistoryPage />, { ...at, api: fakeApi({ ...answers, ProgramHistory: (v: Record<string, unknown>) => (v.after ? second : first) }) });
    await screen.findByText(/Revenue corrected/);
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Revenue of THB 10,250,000.00 voided')).toBeInTheDocument();
    expect(screen.getByText(/Revenue corrected/)).toBeInTheDocument();
    expect(api.sent.filter((op) => op.name === 'ProgramHistory').map((op) => op.variables.after)).toEqual([null, '9']);
  });
});
