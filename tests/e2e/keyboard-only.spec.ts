import type { Page } from '@playwright/test';
import { test, expect, quietNoon } from './fixtures';

// An administrator without a mouse: from the login through the snapshot tree to a started verification, with the
// keyboard alone. Every step names the control that has focus, so a control that cannot be reached says which.

/** What a screen reader would call the focused element, near enough: its label, else its text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const byId = labelled ? document.getElementById(labelled)?.textContent : null;
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    return (el.getAttribute('aria-label') ?? byId ?? label ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
  });
}

/** Presses `key` until the focused element's name matches, at most `max` times. */
async function pressUntil(page: Page, key: string, name: RegExp, max = 60) {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focusedName(page);
    if (name.test(now)) return;
    passed.push(now);
  }
  throw new Error(`${key} × ${max} never reached ${name}; focus went through: ${passed.join(' | ')}`);
}

test('with the keyboard alone: log in, open a guest in the snapshot tree, start a verification', async ({
  page,
  deck,
}) => {
  test.setTimeout(120_000);
  await quietNoon(deck);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  await pressUntil(page, 'Tab', /^User name$/);
  await page.keyboard.type('root');
  await pressUntil(page, 'Tab', /^Realm$/);
  // a native select takes the first letters of an option
  await page.keyboard.type('Linux');
  await expect(page.getByLabel('Realm')).toHaveValue('pam');
  await pressUntil(page, 'Tab', /^Password$/);
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // the main navigation's datastore, then its content tab
  await pressUntil(page, 'Tab', /^store1$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Datastore store1' })).toBeVisible();
  await pressUntil(page, 'Tab', /^Content$/);
  await page.keyboard.press('Enter');
  const tree = page.getByRole('treegrid', { name: 'Backups in store1' });
  await expect(tree).toBeVisible();

  // into the tree: one stop for the whole grid (its first row, the namespace lab), then arrows from row to row
  await pressUntil(page, 'Tab', /^lab/);
  await pressUntil(page, 'ArrowDown', /vm\/100/, 10);
  const group = tree.getByRole('row').filter({ hasText: 'vm/100' }).and(tree.locator('[aria-level="1"]'));
  await expect(group).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  const snapshot = tree.locator('[role="row"][aria-level="2"]').first();
  await expect(snapshot).toBeFocused();

  // the snapshot's own actions, its menu, and "Verify now"
  await pressUntil(page, 'Tab', /^Actions for snapshot vm\/100\//, 10);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  if (!/^Verify now$/.test(await focusedName(page))) await pressUntil(page, 'ArrowDown', /^Verify now$/, 15);
  await page.keyboard.press('Enter');
  await expect(snapshot.getByRole('status')).toContainText('Verification');
  // the menu gave focus back to its button
  await expect(page.getByRole('button', { name: /^Actions for snapshot vm\/100\// }).first()).toBeFocused();
});
