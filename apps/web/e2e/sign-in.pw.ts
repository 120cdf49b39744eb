import { chooseLanguage, expect, expectAccessible, SHELL, signIn, test, USERS } from './fixtures';

const ROLE_USERS = ['diplomat', 'planner', 'auditor', 'admin'] as const;

test.describe('signing in through the development identity provider (code + PKCE)', () => {
  test('the sign-in screen and the identity provider form are accessible', async ({ page }) => {
    await page.goto('/programs');
    await expect(page.getByRole('heading', { level: 1, name: 'ระบบติดตามความร่วมมือ' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: SHELL.signIn }).click();
    await expect(page.locator('#username')).toBeVisible();
    await expectAccessible(page);
  });

  for (const username of ROLE_USERS) {
    const { name, role } = USERS[username];
    test(`${username} signs in and sees the app with the role "${role.th}" named in the header`, async ({ page }) => {
      await signIn(page, username);
      const header = page.getByRole('banner');
      await expect(header).toContainText(`เข้าสู่ระบบในชื่อ ${name} · ${role.th}`);
      await expect(page.getByRole('heading', { level: 1, name: 'โครงการ' })).toBeVisible();
      await expectAccessible(page);
    });
  }

  test('visitor, who has no role, sees the "signed in, but without a role" page and no screen', async ({ page }) => {
    await signIn(page, 'visitor');
    await expect(page.getByRole('heading', { level: 1, name: 'เข้าสู่ระบบแล้ว แต่ยังไม่มีบทบาท' })).toBeVisible();
    await expect(page.getByText(`คุณเข้าสู่ระบบในชื่อ ${USERS.visitor.name}`)).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('signing out returns to the sign-in screen, a reload stays signed out, and the next sign-in asks for a password again', async ({ page }) => {
    await signIn(page, 'planner');
    await page.getByRole('button', { name: SHELL.signOut }).click();
    await expect(page.getByRole('button', { name: SHELL.signIn })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('button', { name: SHELL.signIn })).toBeVisible();
    await expect(page.getByRole('button', { name: SHELL.signOut })).toHaveCount(0);
    // The provider's session ended too: the next person at this browser is asked who they are.
    await page.getByRole('button', { name: SHELL.signIn }).click();
    await expect(page.locator('#username')).toBeVisible();
  });
});

test.describe('the language switch', () => {
  test('changes the words from Thai to English and is remembered after a reload', async ({ page }) => {
    await signIn(page, 'planner');
    await expect(page.locator('html')).toHaveAttribute('lang', 'th');
    await expect(page.getByRole('banner')).toContainText(`เข้าสู่ระบบในชื่อ ${USERS.planner.name} · ${USERS.planner.role.th}`);

    await chooseLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${USERS.planner.name} · ${USERS.planner.role.en}`);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectAccessible(page);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${USERS.planner.name} · ${USERS.planner.role.en}`);

    await chooseLanguage(page, 'th');
    await expect(page.getByRole('heading', { level: 1, name: 'โครงการ' })).toBeVisible();
  });
});
