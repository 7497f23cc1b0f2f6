import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

import { docxText } from '../unzip.ts';
import { download, expectNoAxeViolations, importFile, watch } from './site.ts';

const fixtureText = readFileSync('test/fixtures/rm-core-mission.cairn.json', 'utf8');
const fixture = JSON.parse(fixtureText) as { id: string; title: string };

async function openRoadmap(page: Page, locale = 'en'): Promise<void> {
  await page.goto(`/${locale}/assessments/`);
  await page.locator('[data-ready]').waitFor();
  await importFile(page, 'mission.cairn.json', fixtureText);
  await expect(page.locator(`[data-assessment="${fixture.id}"]`)).toBeVisible();
  await page.goto(`/${locale}/roadmap/#${fixture.id}`);
  await page.locator('[data-roadmap-ready]').waitFor();
}

const phaseOf = (page: Page, action: string) =>
  page.locator(`.plan-phase:has(tr[data-action="${action}"])`).getAttribute('data-phase');

test.describe('roadmap', () => {
  test('builds a phased plan from an imported assessment, with reasons and a projection', async ({
    page,
  }) => {
    const found = await watch(page);
    await openRoadmap(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fixture.title);
    await expect(page.locator('.roadmap__totals')).toContainText(/\d+ actions, [\d.]+ person-months/);
    // data-governance (at 2, target 4) needs both steps, in order; data-analytics-to-3 waits for it.
    const governance = page.locator('tr[data-action="data-governance-to-3"]');
    await expect(governance).toContainText('2 → 3');
    await expect(page.locator('tr[data-action="data-governance-to-4"]')).toContainText('3 → 4');
    await expect(page.locator('tr[data-action="data-analytics-to-3"] [data-why]')).toContainText(
      'after Adopt a data governance policy',
    );
    await expect(page.locator('#projection-table tr[data-node="overall"] td').first()).toHaveText('2.8');
    await expect(page.locator('.chart--projection canvas')).toHaveAttribute('width', /\d+/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Timeline' }).click();
    await expect(page.locator('.gantt__row').first()).toBeVisible();
    await expectNoAxeViolations(page);
    expect(found.errors).toEqual([]);
  });

  test('a smaller capacity moves actions to later phases', async ({ page }) => {
    await openRoadmap(page);
    const firstPhaseCount = async () => page.locator('[data-phase="phase-0"] tr[data-action]').count();
    const before = await firstPhaseCount();
    await expect(page.locator('[data-phase="phase-0"] [data-load]')).toContainText('of 24 person-months');
    await page.getByLabel('Capacity per phase (person-months)').fill('6');
    await page.getByLabel('Capacity per phase (person-months)').press('Tab');
    await expect(page.locator('[data-phase="phase-0"] [data-load]')).toContainText('of 6 person-months');
    expect(await firstPhaseCount()).toBeLessThan(before);
    await expect(page.locator('[data-phase="beyond"]')).toBeVisible();
    await expect(page.locator('[data-phase="phase-1"] [data-why]').first()).toContainText(/full|after/);
    // Kept with the assessment.
    await page.reload();
    await expect(page.getByLabel('Capacity per phase (person-months)')).toHaveValue('6');
  });

  test('moving an action before its dependency warns but does not block', async ({ page }) => {
    await openRoadmap(page);
    const action = 'data-analytics-to-3';
    expect(await phaseOf(page, action)).not.toBe('phase-0');
    await page.getByLabel(/^Phase of Set up a data analytics team/).selectOption({ label: 'Phase 1' });
    await expect.poll(() => phaseOf(page, action)).toBe('phase-0');
    await expect(page.locator('[data-warnings]')).toContainText(
      'Set up a data analytics team with its own tools and work plan is placed before',
    );
    await expect(page.locator(`tr[data-action="${action}"] [data-why]`)).toContainText('moved here by hand');
  });

  test('marks actions done and shows progress per phase; adds a custom action', async ({ page }) => {
    await openRoadmap(page);
    const first = page.locator('[data-phase="phase-0"] tr[data-action]').first();
    const name = (await first.locator('.plan-row__title').innerText()).trim();
    await page.getByLabel(`Status of ${name}`).selectOption('done');
    await expect(page.locator('[data-phase="phase-0"] [data-progress]')).toContainText(/^1 of \d+ done$/);
    await page.getByLabel('Item', { exact: true }).selectOption('performance-evaluation');
    await page.getByLabel('Level it reaches').selectOption('2');
    await page
      .getByLabel('Title', { exact: true })
      .fill('Commission a peer review by a neighbouring administration');
    await page.getByLabel('Effort (person-months)').fill('2');
    await page.getByLabel('Duration (months)').fill('3');
    await page.getByRole('button', { name: 'Add the action' }).click();
    await expect(page.locator('tr[data-action="custom-performance-evaluation-1"]')).toContainText('added');
  });

  test('a recorded baseline is set against a later re-assessment', async ({ page }) => {
    await openRoadmap(page);
    await page.getByRole('button', { name: 'Record this projection as the plan’s baseline' }).click();
    const data = page.locator('#baseline-table tr[data-node="data"]');
    await expect(data.locator('td').first()).toHaveText('1.6');
    await expect(data.locator('[data-now]')).toHaveText('1.6');
    // Later, every respondent rates the risk engine at level 4: "now" moves, the plan stays as recorded.
    await page.evaluate((id) => {
      const key = `cairn:assessment:${id}`;
      const stored = JSON.parse(localStorage.getItem(key)!);
      for (const answer of stored.assessment.answers)
        if (answer.question === 'data-risk-engine')
          Object.assign(answer, { value: 4, updated: '2027-03-01T00:00:00Z' });
      localStorage.setItem(key, JSON.stringify(stored));
    }, fixture.id);
    await page.reload();
    await expect(data.locator('td').first()).toHaveText('1.6');
    await expect(data.locator('[data-now]')).not.toHaveText('1.6');
  });

  test('exports the plan as Word and XLSX documents', async ({ page }) => {
    const found = await watch(page);
    await openRoadmap(page);
    const word = await download(page, 'Word');
    expect(word.name).toBe('diagnostic-mission-march-2026-roadmap.docx');
    const text = await docxText(new Uint8Array(word.bytes));
    for (const heading of [
      'Capacity-building roadmap',
      'Summary',
      'Gaps to target',
      'Roadmap by phase',
      'Action details',
      'Methodology',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(fixture.title);
    expect(text).toContain('Adopt a data governance policy with named owners and a data dictionary');

    const sheet = await download(page, 'XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(sheet.bytes).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Items', 'Gaps', 'Action plan']);
    const plan = workbook.getWorksheet('Action plan')!;
    expect(plan.getRow(1).values).toEqual([
      undefined,
      'Action',
      'Item',
      'Question',
      'Step',
      'Kind',
      'Owner',
      'Phase',
      'Start (month)',
      'End (month)',
      'Effort (person-months)',
      'Depends on',
      'Status',
    ]);
    const ids = plan.getColumn(1).values.slice(2);
    expect(ids).toContain('data-governance-to-3');
    const row = plan.getRow(ids.indexOf('data-governance-to-3') + 2);
    expect(row.getCell(4).value).toBe('2 → 3');
    expect(typeof row.getCell(10).value).toBe('number');
    // The Word library runs under the page's strict Content Security Policy.
    expect(found.errors).toEqual([]);
  });

  test('reads in French', async ({ page }) => {
    await openRoadmap(page, 'fr');
    await expect(page.getByRole('heading', { name: 'Maturité projetée' })).toBeVisible();
    await expect(page.locator('[data-phase="phase-0"] h2')).toContainText('Phase 1 · mois 0 à 6');
    await expectNoAxeViolations(page);
  });
});
