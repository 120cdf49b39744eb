import { activityInput, LAUNCH_PROGRAM, LOG_ACTIVITY, programInput } from './operations';
import { expect, expectAccessible, graphqlFromPage, signIn, test, uniqueText } from './fixtures';

test.describe('live updates', () => {
  test('two browsers on one program page: a diplomat logs an activity in one, the planner sees it in the other without a reload', async ({ browser }) => {
    const planner = await browser.newContext();
    const diplomat = await browser.newContext();
    try {
      const watching = await planner.newPage();
      await signIn(watching, 'planner');
      // A program of this test's own (launched by the planner through the API): the demo program stays as the demo loads it.
      const programTitle = uniqueText('live program');
      const launched = await graphqlFromPage<{ launchProgram: { program: { id: string } } }>(watching, LAUNCH_PROGRAM, { input: programInput(programTitle) });
      expect(launched.errors).toBeUndefined();
      const programId = launched.data?.launchProgram.program.id ?? '';
      const path = `/programs/${programId}`;
      await watching.goto(path);
      await expect(watching.getByRole('heading', { level: 1, name: programTitle })).toBeVisible();
      const activities = watching.getByRole('region', { name: 'กิจกรรม' });
      await expect(activities.getByText('ยังไม่มีกิจกรรม')).toBeVisible();
      // A reload would lose this mark: it proves the new activity came without one.
      await watching.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      const writing = await diplomat.newPage();
      await signIn(writing, 'diplomat', { path });
      const title = uniqueText('live meeting');
      const response = await graphqlFromPage<{ logActivity: { activity: { id: string } } }>(writing, LOG_ACTIVITY, { input: activityInput(programId, title) });
      expect(response.errors).toBeUndefined();
      const id = response.data?.logActivity.activity.id;
      expect(id).toBeTruthy();

      await expect(activities.locator(`[data-activity-id="${id}"]`)).toHaveText(title);
      expect(await watching.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await expectAccessible(watching);
    } finally {
      await planner.close();
      await diplomat.close();
    }
  });
});
