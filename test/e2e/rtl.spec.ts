import { expect, test, type Page } from '@playwright/test';

/** Nothing sticks out sideways: the page is as wide as the window. */
async function expectNoOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width + 1);
}

test.describe('right-to-left', () => {
  test('the Arabic interface lays out from the right, with nothing broken', async ({ page }, info) => {
    for (const [path, name] of [
      ['/ar/', 'home'],
      ['/ar/questionnaires/', 'catalogue'],
      ['/ar/methodology/', 'methodology'],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expectNoOverflow(page);
      const brand = await page.locator('.brand').boundingBox();
      const nav = await page.locator('.site-nav').boundingBox();
      // The site's name starts the line on the right; the navigation follows to its left.
      expect(brand!.x).toBeGreaterThan(nav!.x);
      await page.screenshot({ path: info.outputPath(`ar-${name}.png`), fullPage: true });
      await info.attach(`ar-${name}`, { path: info.outputPath(`ar-${name}.png`), contentType: 'image/png' });
    }
  });

  test('answering works right to left, on a laptop and on a phone', async ({ page }, info) => {
    await page.goto('/ar/assessments/');
    await page.locator('[data-ready]').waitFor();
    await page.locator('#new-title-input').fill('تقييم ذاتي 2026');
    await page.locator('.new-assessment button[type=submit]').click();
    await page.locator('.question').first().waitFor();
    await page.locator('.question').first().locator('.level-card').nth(2).click();
    await expectNoOverflow(page);
    const cards = page.locator('.question').first().locator('.level-card');
    // Level 1 stands at the right, level 5 at the left.
    expect((await cards.nth(0).boundingBox())!.x).toBeGreaterThan((await cards.nth(4).boundingBox())!.x);
    await page.screenshot({ path: info.outputPath('ar-runner.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoOverflow(page);
    await page.screenshot({ path: info.outputPath('ar-runner-phone.png') });
  });
});
