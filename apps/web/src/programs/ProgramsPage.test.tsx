import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderScreen } from '../test/render';
import { ProgramsPage } from './ProgramsPage';

const programs = {
  programs: {
    totalCount: 1,
    edges: [
      {
        node: {
          id: 'p1',
          title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world' },
          status: 'ACTIVE',
          startedOn: '2019-05-29',
          partners: [{ role: 'LEAD', organization: { id: 'o1', name: { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'Department of International Economic Affairs' } } }],
        },
      },
    ],
  },
};

describe('the programs list', () => {
  it('shows each program in Thai with its status, lead agencies and a Buddhist-Era start', async () => {
    renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs }), language: 'th' });
    expect(await screen.findByRole('link', { name: 'OTOP สู่ตลาดโลก' })).toHaveAttribute('href', '/programs/p1');
    const row = within(screen.getByRole('table'));
    expect(row.getByText('ดำเนินการ')).toBeInTheDocument();
    expect(row.getByText('กรมเศรษฐกิจระหว่างประเทศ')).toBeInTheDocument();
    expect(row.getByText('29 พ.ค. 2562')).toBeInTheDocument();
  });

  it('shows the same program in English', async () => {
    renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs }), language: 'en' });
    expect(await screen.findByRole('link', { name: 'OTOP to the world' })).toBeInTheDocument();
    expect(screen.getByText('29 May 2019')).toBeInTheDocument();
  });

  it('asks the API for nothing but the first page when no search is typed', async () => {
    const { api } = renderScreen(<ProgramsPage />, { api: fakeApi({ Programs: programs }) });
    await screen.findByRole('link', { name: 'OTOP to the world' });
    expect(api.sent[0]).toEqual({ name: 'Programs', variables: { filter: { search: undefined, status: undefined }, first: 100 } });
  });
});
