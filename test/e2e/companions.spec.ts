import { expect, test } from '@playwright/test';

import { download } from './site.ts';

for (const [id, title] of [
  ['pca', 'Post-clearance audit'],
  ['data-intelligence', 'Data analytics and intelligence'],
  ['capacity-building', 'Capacity building for risk management'],
] as const) {
  test(`${id} is answered end to end: every area, the results and the roadmap`, async ({ page }) => {
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    await page.getByLabel('Questionnaire', { exact: true }).selectOption(id);
    await page.getByLabel('Title').fill(`${title} trial`);
    await page.getByRole('button', { name: 'Create and start answering' }).click();
    await page.locator('.question').first().waitFor();
    const sections = page.getByRole('navigation', { name: 'Sections' }).locator('.section-link');
    const count = await sections.count();
    for (let index = 0; index < count; index += 1) {
      await sections.nth(index).click();
      const items = page.locator('.runner__section .question');
      for (let item = 0; item < (await items.count()); item += 1)
        await items.nth(item).locator('.level-card').nth(1).click();
    }
    await expect(page.locator('.runner__progress label')).toContainText(/(\d+) \/ \1$/);
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await page.locator('[data-results-complete]').waitFor();
    await expect(page.locator('.overall-card__score')).not.toContainText('no score');
    await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
    await page.locator('[data-roadmap-ready]').waitFor();
    await expect(page.locator('.roadmap__totals')).toContainText(/\d+ actions/);
    const word = await download(page, 'Word');
    expect(word.bytes.subarray(0, 2).toString()).toBe('PK');
  });
}
