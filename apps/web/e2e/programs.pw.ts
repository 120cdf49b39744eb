import { activityInput, LAUNCH_PROGRAM, LOG_ACTIVITY, programInput } from './operations';
import { chooseLanguage, expect, expectAccessible, graphqlFromPage, screenshot, signIn, test, uniqueText } from './fixtures';

// The demo data's program (libs/domain's reference case), as the demo loads it.
const PROGRAM = {
  th: 'OTOP สู่ตลาดโลกผ่านอีคอมเมิร์ซของอาลีบาบาและลาซาด้า',
  en: 'OTOP e-commerce: community products to China and the world',
};

test.describe('the programs list', () => {
  test('finds the reference program by a Thai search and by an English search, and nothing by a search nothing matches', async ({ page, tracker }) => {
    await signIn(page, 'planner');
    // A second program the searches must leave out (the demo data has one program only).
    const decoy = uniqueText('decoy program');
    expect((await graphqlFromPage(page, LAUNCH_PROGRAM, { input: programInput(decoy) })).errors).toBeUndefined();
    // The list's own search box (the header has a search across everything too).
    const search = page.getByRole('textbox', { name: /^(ค้นหาโครงการ|Search programs)$/ });
    const programLink = (title: string) => page.getByRole('link', { name: title, exact: true });
    await page.reload();
    await expect(programLink(decoy)).toBeVisible();
    await expect(programLink(PROGRAM.th)).toBeVisible();

    await search.fill('ลาซาด้า');
    await expect(programLink(PROGRAM.th)).toBeVisible();
    await expect(programLink(decoy)).toHaveCount(0);
    await expect(page.getByText('1 โครงการ', { exact: true })).toBeVisible();
    await expectAccessible(page);

    await search.fill('ไม่มีโครงการชื่อนี้');
    await expect(page.getByText('ไม่พบโครงการที่ตรงกัน')).toBeVisible();
    await expect(programLink(PROGRAM.th)).toHaveCount(0);

    await chooseLanguage(page, 'en');
    await search.fill('e-commerce');
    await expect(programLink(PROGRAM.en)).toBeVisible();
    await expect(programLink(decoy)).toHaveCount(0);
    await expect(page.getByText('1 program', { exact: true })).toBeVisible();
    await expectAccessible(page);

    await programLink(PROGRAM.en).click();
    await expect(page).toHaveURL(`/programs/${tracker.demoProgramId}`);
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM.en })).toBeVisible();
  });
});

test.describe('the program page', () => {
  test('shows the demo revenue and dates in Thai (บาท, Buddhist Era) and in English (THB, 16 Dec 2019)', async ({ page, tracker }) => {
    await signIn(page, 'planner', { path: `/programs/${tracker.demoProgramId}` });
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM.th })).toBeVisible();
    const totals = page.getByRole('region', { name: 'ผลลัพธ์รวม' });
    await expect(totals).toContainText('รายได้: 10,000,000.00 บาท');
    await expect(page.getByRole('region', { name: 'กิจกรรม' }).getByText('16 ธ.ค. 2562').first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'program-page');

    await chooseLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM.en })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Totals' })).toContainText('Revenue: THB 10,000,000.00');
    await expect(page.getByRole('region', { name: 'Activities' }).getByText('16 Dec 2019').first()).toBeVisible();
    await expectAccessible(page);
  });

  test('an auditor who forces a diplomat action (logActivity with their own token) is refused with FORBIDDEN, and nothing is recorded', async ({ page, tracker }) => {
    await signIn(page, 'auditor', { path: `/programs/${tracker.demoProgramId}` });
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM.th })).toBeVisible();
    const title = uniqueText('auditor may not log this');
    const response = await graphqlFromPage(page, LOG_ACTIVITY, { input: activityInput(tracker.demoProgramId, title) });
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM.th })).toBeVisible();
    await expect(page.getByRole('region', { name: 'กิจกรรม' }).getByText('16 ธ.ค. 2562').first()).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
  });
});
