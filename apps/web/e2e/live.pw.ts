import { activityInput, LOG_ACTIVITY } from './operations';
import { expect, expectAccessible, graphqlFromPage, signIn, test, uniqueText } from './fixtures';

test.describe('live updates', () => {
  test('two browsers on one program page: a diplomat logs an activity in one, the planner sees it in the other without a reload', async ({ browser, tracker }) => {
    const path = `/programs/${tracker.demoProgramId}`;
    const planner = await browser.newContext();
    const diplomat = await browser.newContext();
    try {
      const watching = await planner.newPage();
      await signIn(watching, 'planner', { path });
      const activities = watching.getByRole('region', { name: 'กิจกรรม' });
      await expect(activities.getByText('16 ธ.ค. 2562').first()).toBeVisible();
      // A reload would lose this mark: it proves the new activity came without one.
      await watching.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      const writing = await diplomat.newPage();
      await signIn(writing, 'diplomat', { path });
      const title = uniqueText('live meeting');
      const response = await graphqlFromPage<{ logActivity: { activity: { id: string } } }>(writing, LOG_ACTIVITY, { input: activityInput(tracker.demoProgramId, title) });
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
