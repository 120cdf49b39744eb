import { expect, expectAccessible, signIn, test } from './fixtures';

// The demo data's Lazada (libs/domain's reference case), its two activities of 16 Dec 2019 and the follow-up it owes.
const LAZADA = 'บริษัท ลาซาด้า (ประเทศไทย) จำกัด';
const MEETING = 'หารือการขายสินค้า OTOP ผ่านอาลีบาบาและลาซาด้า';
const SITE_VISIT = 'ผู้บริหารลาซาด้าเยี่ยมชมงาน OTOP City 2019';
const OWED = 'Lazada to train OTOP SMEs to move from offline to online selling';

test.describe('a planner looks up a partner', () => {
  test('finds Lazada through the header search and sees every activity with it (the meeting and the site visit of 16 ธ.ค. 2562) and the follow-up it owes', async ({ page }) => {
    await signIn(page, 'planner', { path: '/' });
    await expect(page.getByRole('heading', { level: 1, name: 'ยินดีต้อนรับ Demo Planner' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'ค้นหาโครงการ หน่วยงาน และกิจกรรม' }).fill('ลาซาด้า');
    await page.getByRole('option', { name: LAZADA }).click();
    await expect(page).toHaveURL(/\/organizations\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: LAZADA })).toBeVisible();

    const activities = page.getByRole('region', { name: 'กิจกรรมที่จัดหรือเข้าร่วม' });
    await expect(activities.getByText('2 กิจกรรม', { exact: true })).toBeVisible();
    for (const [title, kind] of [
      [MEETING, 'การประชุมหารือ'],
      [SITE_VISIT, 'การเยี่ยมชม'],
    ]) {
      const row = activities.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
      await expect(row).toContainText('16 ธ.ค. 2562');
      await expect(row).toContainText(kind);
    }
    const owed = page.getByRole('region', { name: 'เรื่องที่ต้องติดตามที่รับผิดชอบ' });
    await expect(owed.getByText(OWED)).toBeVisible();
    await expectAccessible(page);
  });

  test('the organisations list finds Lazada by its English name, and the follow-ups page lists what Lazada owes', async ({ page }) => {
    await signIn(page, 'planner', { path: '/organizations' });
    await expect(page.getByRole('heading', { level: 1, name: 'หน่วยงาน' })).toBeVisible();
    await expect(page.getByRole('link', { name: LAZADA, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'บริษัท มอลล์ (ไทยแลนด์) จำกัด', exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('textbox', { name: 'ค้นหา', exact: true }).fill('Lazada');
    await expect(page.getByRole('link', { name: 'บริษัท มอลล์ (ไทยแลนด์) จำกัด', exact: true })).toHaveCount(0);
    await page.getByRole('link', { name: LAZADA, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: LAZADA })).toBeVisible();

    await page.goto('/follow-ups');
    await expect(page.getByRole('heading', { level: 1, name: 'เรื่องที่ต้องติดตาม' })).toBeVisible();
    await expect(page.getByText(OWED).first()).toBeVisible();
    await expectAccessible(page);
  });
});
