import { CORRECT_OUTCOME, LAUNCH_PROGRAM, programInput, RECORD_OUTCOME, revenueInput } from './operations';
import { expect, expectAccessible, graphqlFromPage, screenshot, signIn, test, uniqueText } from './fixtures';

test.describe('an auditor reads a program history', () => {
  test('a revenue corrected from 10,000,000.00 to 10,250,000.00 shows in words with its reason, and "as known before this" shows 10,000,000.00 again', async ({ browser, page }) => {
    // The planner launches a program of this test's own, records the revenue and corrects it (through the API).
    const planner = await browser.newContext();
    const programTitle = uniqueText('program with a corrected revenue');
    const reason = uniqueText('The fair organiser’s final sales report counted late orders');
    let programId = '';
    try {
      const plannerPage = await planner.newPage();
      await signIn(plannerPage, 'planner');
      const launched = await graphqlFromPage<{ launchProgram: { program: { id: string } } }>(plannerPage, LAUNCH_PROGRAM, { input: programInput(programTitle) });
      expect(launched.errors).toBeUndefined();
      programId = launched.data?.launchProgram.program.id ?? '';
      const recorded = await graphqlFromPage<{ recordOutcome: { outcome: { id: string } } }>(plannerPage, RECORD_OUTCOME, { input: revenueInput(programId, '10000000.00', 'Sales at the fair') });
      expect(recorded.errors).toBeUndefined();
      const outcomeId = recorded.data?.recordOutcome.outcome.id;
      expect(outcomeId).toBeTruthy();
      const corrected = await graphqlFromPage(plannerPage, CORRECT_OUTCOME, { input: { id: outcomeId, amount: '10250000.00', currency: 'THB', reason } });
      expect(corrected.errors).toBeUndefined();
    } finally {
      await planner.close();
    }

    await signIn(page, 'auditor', { path: `/programs/${programId}/history`, language: 'en' });
    await expect(page.getByRole('heading', { level: 1, name: `History: ${programTitle}` })).toBeVisible();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const correction = timeline.locator('.mantine-Timeline-item').filter({ hasText: 'Revenue corrected' });
    await expect(correction).toContainText('Revenue corrected: amount from THB 10,000,000.00 to THB 10,250,000.00');
    await expect(correction).toContainText(`Reason: ${reason}`);
    await expect(correction).toContainText('by planner');
    await expect(timeline).toContainText('Revenue recorded: THB 10,000,000.00');
    await expectAccessible(page);
    // The demo program has no correction: this test's own program shows what an auditor reads.
    await screenshot(page, 'auditor-timeline');

    await correction.getByRole('button', { name: 'The program as known before this' }).click();
    await expect(page).toHaveURL(/[?&]knownOn=/);
    await expect(page.getByTestId('as-of-banner')).toContainText('Shown: the program as known on');
    await expect(page.getByRole('heading', { level: 1, name: programTitle })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Totals' })).toContainText('Revenue: THB 10,000,000.00');
    const outcomesThen = page.getByRole('region', { name: 'Outcomes as known then' });
    await expect(outcomesThen).toContainText('THB 10,000,000.00');
    await expect(outcomesThen).not.toContainText('10,250,000.00');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Back to the history' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `History: ${programTitle}` })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the program' }).click();
    await expect(page.getByRole('region', { name: 'Totals' })).toContainText('Revenue: THB 10,250,000.00');
  });
});
