import { LAUNCH_PROGRAM, ORGANIZATION_IDS, programInput, RECORD_AGREEMENT } from './operations';
import { expect, expectAccessible, graphqlFromPage, signIn, test, uniqueText } from './fixtures';

type Organizations = { organizations: { edges: { node: { id: string } }[] } };

test.describe('an agreement', () => {
  test('a planner opens a draft memorandum on its own page and signs it with a Buddhist-Era date', async ({ page }) => {
    await signIn(page, 'planner', { language: 'en' });
    // A program and an agreement of this test's own, between two demo organisations.
    const launched = await graphqlFromPage<{ launchProgram: { program: { id: string } } }>(page, LAUNCH_PROGRAM, { input: programInput(uniqueText('program with a memorandum')) });
    expect(launched.errors).toBeUndefined();
    const partyIds = [];
    for (const search of ['Lazada', 'Alibaba']) {
      const found = await graphqlFromPage<Organizations>(page, ORGANIZATION_IDS, { search });
      partyIds.push(found.data?.organizations.edges[0]?.node.id);
    }
    const title = uniqueText('memorandum on online selling');
    const recorded = await graphqlFromPage<{ recordAgreement: { agreement: { id: string } } }>(page, RECORD_AGREEMENT, {
      input: { title: { th: title, en: title }, partyIds, programId: launched.data?.launchProgram.program.id, status: 'DRAFT' },
    });
    expect(recorded.errors).toBeUndefined();

    await page.goto(`/agreements/${recorded.data?.recordAgreement.agreement.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign the agreement' });
    await dialog.getByRole('textbox', { name: 'Signed on' }).fill('16/12/2562');
    await dialog.getByRole('textbox', { name: 'Signed on' }).blur();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Signed', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('16 Dec 2019').first()).toBeVisible();
    await expectAccessible(page);
  });
});
