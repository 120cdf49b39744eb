import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderScreen } from '../test/render';
import { GlobalSearch } from './GlobalSearch';

const found = {
  GlobalSearch: {
    programs: { totalCount: 1, edges: [{ node: { id: 'p1', title: { th: 'OTOP สู่ตลาดโลก', en: 'OTOP to the world', zh: null } } }] },
    organizations: { totalCount: 1, edges: [{ node: { id: 'o7', name: { th: 'บริษัท ลาซาด้า (ประเทศไทย) จำกัด', en: 'Lazada (Thailand) Co., Ltd.', zh: null } } }] },
    activities: { totalCount: 1, edges: [{ node: { id: 'a1', title: { th: 'ประชุมกับลาซาด้า', en: 'Meeting with Lazada', zh: null }, startsOn: '2019-12-16' } }] },
  },
};

describe('the header search', () => {
  it('shows programs, organisations and activities matching what is typed in Thai, grouped', async () => {
    const { api } = renderScreen(<GlobalSearch />, { api: fakeApi(found), language: 'th' });
    await userEvent.type(screen.getByRole('textbox', { name: 'ค้นหาโครงการ หน่วยงาน และกิจกรรม' }), 'ลาซาดา');
    expect(await screen.findByRole('option', { name: 'OTOP สู่ตลาดโลก', hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'บริษัท ลาซาด้า (ประเทศไทย) จำกัด', hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /ประชุมกับลาซาด้า/, hidden: true })).toHaveTextContent('16 ธ.ค. 2562');
    for (const group of ['โครงการ', 'หน่วยงาน', 'กิจกรรม']) expect(screen.getByText(group)).toBeInTheDocument();
    expect(api.sent.at(-1)).toEqual({ name: 'GlobalSearch', variables: { search: 'ลาซาดา', first: 5 } });
  }, 20_000);

  it('opens the page of the one chosen (English)', async () => {
    renderScreen(<GlobalSearch />, { api: fakeApi(found), path: '/', route: '/' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Search programs, organisations and activities' }), 'Lazada');
    await userEvent.click(await screen.findByRole('option', { name: 'Lazada (Thailand) Co., Ltd.', hidden: true }));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  }, 20_000);

  it('says when nothing matches', async () => {
    const none = { GlobalSearch: { programs: { totalCount: 0, edges: [] }, organizations: { totalCount: 0, edges: [] }, activities: { totalCount: 0, edges: [] } } };
    renderScreen(<GlobalSearch />, { api: fakeApi(none) });
    await userEvent.type(screen.getByRole('textbox', { name: 'Search programs, organisations and activities' }), 'zzz');
    expect(await screen.findByText('Nothing matches “zzz”.')).toBeInTheDocument();
  }, 20_000);
});
