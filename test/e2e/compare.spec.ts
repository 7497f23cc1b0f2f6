import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import { expectNoAxeViolations, importFile, watch } from './site.ts';

const base = JSON.parse(readFileSync('test/fixtures/rm-core-mission.cairn.json', 'utf8')) as {
  id: string;
  title: string;
  administration: string;
  answers: { question: string; value?: number }[];
};

/** The same administration a year later, every data item answered one level higher. */
function variant(id: string, title: string, administration: string, lift: number, onlyData = false) {
  return JSON.stringify({
    ...base,
    id,
    title,
    administration,
    answers: base.answers.map((answer) =>
      answer.value !== undefined && (!onlyData || answer.question.startsWith('data-'))
        ? { ...answer, value: Math.min(5, answer.value + lift) }
        : answer,
    ),
  });
}

async function importAll(page: Page, files: [string, string][]): Promise<void> {
  await page.goto('/en/assessments/');
  await page.locator('[data-ready]').waitFor();
  for (const [name, text] of files) {
    await importFile(page, name, text);
    await expect(page.getByText('was imported.')).toBeVisible();
  }
}

test.describe('compare', () => {
  test('sets a follow-up against its baseline, area by area', async ({ page }) => {
    const found = await watch(page);
    await importAll(page, [
      ['baseline.cairn.json', JSON.stringify(base)],
      ['follow-up.cairn.json', variant('follow-up', 'Follow-up mission, 2027', base.administration, 1, true)],
    ]);
    await page.goto('/en/compare/');
    await page.locator('[data-ready]').waitFor();
    await page
      .getByLabel('Baseline', { exact: true })
      .selectOption({ label: `${base.title} · ${base.administration}` });
    await page
      .getByLabel('Follow-up', { exact: true })
      .selectOption({ label: `Follow-up mission, 2027 · ${base.administration}` });
    const data = page.locator('#follow-table tr[data-node="data"]');
    await expect(data.locator('td').nth(0)).toHaveText('1.6');
    await expect(data.locator('[data-delta]')).toHaveText(/^\+/);
    await expect(page.locator('#follow-table tr[data-node="legal"] [data-delta]')).toHaveText('0.0');
    await expect(page.locator('.chart--radar canvas')).toHaveAttribute('width', /\d+/);
    await expectNoAxeViolations(page);
    expect(found.errors).toEqual([]);
  });

  test('shows administrations side by side, with group figures only from three', async ({ page }) => {
    await importAll(page, [
      ['a.cairn.json', variant('adm-a', 'Mission A', 'Customs of Aland', 0)],
      ['b.cairn.json', variant('adm-b', 'Mission B', 'Customs of Borduria', 1)],
    ]);
    await page.goto('/en/compare/');
    await page.locator('[data-ready]').waitFor();
    const table = page.locator('#regional-table');
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.locator('tfoot tr[data-figure="median"] td').first()).toHaveText('–');
    await expect(page.getByText('Group figures need at least three administrations.')).toBeVisible();

    // A third administration arrives as a file, kept on the page only.
    await page.locator('#regional-files').setInputFiles({
      name: 'c.cairn.json',
      mimeType: 'application/json',
      buffer: Buffer.from(variant('adm-c', 'Mission C', 'Customs of Carpathia', 2)),
    });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.locator('tfoot tr[data-figure="median"] td').first()).not.toHaveText('–');
    await expect(table).toContainText('Customs of Carpathia');
    await page.getByLabel('Hide the names of the administrations').check();
    await expect(table).not.toContainText('Customs of Carpathia');
    await expect(table).toContainText('Administration C');
    await expectNoAxeViolations(page);
  });
});
