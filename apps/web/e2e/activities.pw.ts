import { LAUNCH_PROGRAM, programInput } from './operations';
import { expect, expectAccessible, graphqlFromPage, screenshot, signIn, test, uniqueText } from './fixtures';

test.describe('a diplomat logs a meeting', () => {
  test('in Thai, from a program page: a Buddhist-Era date in Thai digits and a participant; the meeting then shows on the program timeline on 16 ธ.ค. 2562', async ({ browser, page }) => {
    // A program of this test's own, launched by the planner in a browser of their own.
    const planner = await browser.newContext();
    let programId = '';
    const programTitle = uniqueText('program for a logged meeting');
    try {
      const plannerPage = await planner.newPage();
      await signIn(plannerPage, 'planner');
      const launched = await graphqlFromPage<{ launchProgram: { program: { id: string } } }>(plannerPage, LAUNCH_PROGRAM, { input: programInput(programTitle) });
      expect(launched.errors).toBeUndefined();
      programId = launched.data?.launchProgram.program.id ?? '';
    } finally {
      await planner.close();
    }
    expect(programId).toBeTruthy();

    await signIn(page, 'diplomat', { path: `/programs/${programId}` });
    await expect(page.getByRole('heading', { level: 1, name: programTitle })).toBeVisible();
    await page.getByRole('link', { name: 'บันทึกกิจกรรมในโครงการนี้' }).click();
    await expect(page).toHaveURL(`/activities/new?programId=${programId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'บันทึกกิจกรรม' })).toBeVisible();

    const form = page.getByRole('form', { name: 'บันทึกกิจกรรม' });
    const title = uniqueText('หารือความร่วมมือ');
    await form.getByRole('radio', { name: 'การประชุมหารือ' }).check();
    const startsOn = form.getByRole('textbox', { name: 'วันที่เริ่ม' });
    await startsOn.fill('๑๖ ธันวาคม ๒๕๖๒');
    await startsOn.press('Tab');
    // Read as 16 December 2019 and shown again in the app's own way.
    await expect(startsOn).toHaveValue('16 ธ.ค. 2562');
    await expect(form.getByRole('radio', { name: 'จัดแล้ว' })).toBeChecked();
    await form.getByRole('textbox', { name: 'ชื่อกิจกรรมภาษาไทย' }).fill(title);
    await form.getByRole('button', { name: 'เพิ่มผู้เข้าร่วม' }).click();
    const participant = form.getByRole('region', { name: 'ผู้เข้าร่วมคนที่ 1' });
    await participant.getByRole('textbox', { name: 'ชื่อภาษาไทย' }).fill('สมชาย ใจดี');
    await participant.getByRole('textbox', { name: 'ตำแหน่งภาษาไทย' }).fill('ผู้อำนวยการกองเศรษฐกิจ');
    // Filed under the program it was opened from.
    await expect(form.getByRole('combobox', { name: 'โครงการ' })).toHaveValue(programTitle);
    await expectAccessible(page);
    await screenshot(page, 'log-a-meeting');

    await form.getByRole('button', { name: 'บันทึกกิจกรรม', exact: true }).click();
    const saved = page.getByRole('link', { name: `เปิด “${title}”` });
    await expect(saved).toBeVisible();
    const href = (await saved.getAttribute('href')) ?? '';
    const id = /^\/activities\/([^/?#]+)$/.exec(href)?.[1] ?? '';
    expect(id, `the saved link ${href}`).toBeTruthy();
    await expectAccessible(page);

    await saved.click();
    await expect(page).toHaveURL(`/activities/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('สมชาย ใจดี')).toBeVisible();
    await expect(page.getByText('ผู้อำนวยการกองเศรษฐกิจ')).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/programs/${programId}`);
    const activities = page.getByRole('region', { name: 'กิจกรรม' });
    const logged = activities.locator(`[data-activity-id="${id}"]`);
    await expect(logged).toHaveText(title);
    await expect(activities.locator('.mantine-Timeline-item', { has: page.locator(`[data-activity-id="${id}"]`) })).toContainText('16 ธ.ค. 2562 · การประชุมหารือ · จัดแล้ว');
    await expectAccessible(page);
  });
});
