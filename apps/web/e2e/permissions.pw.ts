import { LAUNCH_PROGRAM, programInput } from './operations';
import { expect, expectAccessible, graphqlFromPage, signIn, test, uniqueText } from './fixtures';

// The demo program and two of its activities (libs/domain's reference case), read only here.
const PROGRAM = 'OTOP สู่ตลาดโลกผ่านอีคอมเมิร์ซของอาลีบาบาและลาซาด้า';
const FAIR = 'เทศกาลไทย "สินค้าดีทั่วไทย ก้าวไกลทั่วโลก" ณ นครเซี่ยงไฮ้';
const MEETING = 'หารือการขายสินค้า OTOP ผ่านอาลีบาบาและลาซาด้า';

/** The planner's actions on a program page (programs.words.ts, agreements.words.ts). */
const PLANNER_ACTIONS = ['เปลี่ยนสถานะ', 'แก้ไขข้อมูลโครงการ', 'เพิ่มภาคีความร่วมมือ', 'บันทึกความตกลง'];
/** What writes on an activity page: its correction and cancellation, outcomes' and follow-ups' actions (activities.words.ts). */
const ACTIVITY_ACTIONS = [/^แก้ไขกิจกรรม$/, /^ยกเลิกกิจกรรม$/, /^บันทึกผลลัพธ์$/, /^แก้ไข: /, /^เพิกถอนรายการ: /, /^เพิ่มเรื่องที่ต้องติดตาม$/, /^ปิดเรื่อง: /, /^ปรับปรุง: /];

test.describe('what a role may not do is not offered', () => {
  test('an auditor sees the program and its activities with no action that writes: no "log an activity here", no planner action, no correction or record buttons', async ({ page, tracker }) => {
    await signIn(page, 'auditor', { path: `/programs/${tracker.demoProgramId}` });
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM })).toBeVisible();
    await expect(page.getByRole('link', { name: 'ประวัติการเปลี่ยนแปลง' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'บันทึกกิจกรรมในโครงการนี้' })).toHaveCount(0);
    for (const name of PLANNER_ACTIONS) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^นำ .* ออก$/ })).toHaveCount(0);
    await expectAccessible(page);

    for (const title of [FAIR, MEETING]) {
      await page.goto(`/programs/${tracker.demoProgramId}`);
      await page.getByRole('region', { name: 'กิจกรรม' }).getByRole('link', { name: title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      // The page has its content (outcomes and follow-ups read) before the absences are checked.
      await expect(page.getByRole('region', { name: 'ผลลัพธ์' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'เรื่องที่ต้องติดตาม' })).toBeVisible();
      for (const name of ACTIVITY_ACTIONS) await expect(page.getByRole('button', { name })).toHaveCount(0);
      await expectAccessible(page);
    }
    // What the auditor reads is there: the fair's revenue and the meeting's follow-up.
    await expect(page.getByText('Lazada to train OTOP SMEs to move from offline to online selling')).toBeVisible();
  });

  test('a diplomat may log an activity on the program page but is offered no planner action', async ({ page, tracker }) => {
    await signIn(page, 'diplomat', { path: `/programs/${tracker.demoProgramId}` });
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM })).toBeVisible();
    await expect(page.getByRole('link', { name: 'บันทึกกิจกรรมในโครงการนี้' })).toBeVisible();
    for (const name of PLANNER_ACTIONS) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^นำ .* ออก$/ })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a diplomat who forces a planner action (launchProgram with their own token) is refused with FORBIDDEN, and no program is recorded', async ({ page }) => {
    await signIn(page, 'diplomat');
    const title = uniqueText('diplomat may not launch this');
    const response = await graphqlFromPage(page, LAUNCH_PROGRAM, { input: programInput(title) });
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    const found = await graphqlFromPage<{ programs: { totalCount: number } }>(page, 'query Find($search: String) { programs(filter: { search: $search }) { totalCount } }', { search: title });
    expect(found.errors).toBeUndefined();
    expect(found.data?.programs.totalCount).toBe(0);
    await page.getByRole('textbox', { name: 'ค้นหาโครงการ', exact: true }).fill(title);
    await expect(page.getByText('ไม่พบโครงการที่ตรงกัน')).toBeVisible();
  });
});
