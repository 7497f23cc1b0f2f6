import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { download, expectNoAxeViolations, importFile, watch } from './site.ts';

const FIXTURE = 'test/fixtures/rm-core-mission.cairn.json';
const fixtureText = readFileSync(FIXTURE, 'utf8');
const fixture = JSON.parse(fixtureText) as { id: string; title: string };

interface CliNode {
  score: number | null;
  display: string | null;
  target: number | null;
  gap: number | null;
  answered: number;
  total: number;
}

/** What `npm run cairn -- score` prints for the prepared assessment. */
function cliScore(): { overall: CliNode; nodes: Record<string, CliNode> } {
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings',
      'src/cli/main.ts',
      'score',
      'questionnaires/rm-core.yaml',
      FIXTURE,
    ],
    { encoding: 'utf8' },
  );
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

async function openResults(page: Page, locale = 'en'): Promise<void> {
  await page.goto(`/${locale}/assessments/`);
  await page.locator('[data-ready]').waitFor();
  await importFile(page, 'mission.cairn.json', fixtureText);
  await expect(page.locator(`[data-assessment="${fixture.id}"]`)).toBeVisible();
  await page.goto(`/${locale}/results/#${fixture.id}`);
  await page.locator('[data-results-complete]').waitFor();
}

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let index = 1; index <= document.numPages; index += 1) {
    const content = await (await document.getPage(index)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages: document.numPages, text: texts.join('\n') };
}

test.describe('results', () => {
  test('shows the same scores as the command line, with coverage and a chart', async ({ page }) => {
    const found = await watch(page);
    const cli = cliScore();
    await openResults(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fixture.title);
    await expect(page.locator('.overall-card__score')).toHaveAttribute('data-score', cli.overall.display!);
    await expect(page.locator('.overall-card__score')).toContainText(cli.overall.display!);
    await expect(page.locator('.overall-card')).toContainText(
      `Answered: ${cli.overall.answered} of ${cli.overall.total}`,
    );
    for (const area of ['legal', 'data', 'performance']) {
      const row = page.locator(`#areas-table tr[data-node="${area}"]`);
      await expect(row.locator('[data-score]')).toHaveAttribute('data-score', cli.nodes[area]!.display!);
    }
    // The radar is drawn once chart.js has loaded, in its own chunk.
    await expect(page.locator('.chart--radar canvas')).toHaveAttribute('width', /\d+/);
    await expect(page.locator('.results__sentences')).toContainText(
      `The overall maturity is ${cli.overall.display} (Developing) on a scale of 1 to 5.`,
    );
    await expectNoAxeViolations(page);
    expect(found.errors).toEqual([]);
    expect(found.external).toEqual([]);
  });

  test('explains a score when asked why', async ({ page }) => {
    await openResults(page);
    const row = page.locator('#areas-table tr[data-node="legal"]');
    await row.getByText('Why?').click();
    await expect(row.locator('.why__body')).toContainText('Method: weighted mean');
    await expect(row.locator('.why__body')).toContainText('Counted:');
    const item = page.locator('.area-detail tr[data-node="legal-information-exchange"]');
    await item.getByText('Why?').click();
    await expect(item.locator('.why__body')).toContainText('National targeting centre: N/A');
    await expect(item.locator('.why__body')).toContainText('Post-clearance audit:');
  });

  test('a changed target changes the gap at once and is kept in the assessment', async ({ page }) => {
    await openResults(page);
    const cli = cliScore();
    const legal = cli.nodes['legal']!;
    const gap = page.locator('[data-gap="legal"]');
    await expect(gap).toHaveText(String(Math.round(legal.gap! * 100) / 100));
    await page.getByLabel('Target for Legal and policy basis').fill('5');
    await page.getByLabel('Target for Legal and policy basis').press('Tab');
    await expect(gap).toHaveText(String(Math.round((5 - legal.score!) * 100) / 100));
    await page.reload();
    await expect(page.getByLabel('Target for Legal and policy basis')).toHaveValue('5');
    const json = await download(page, 'JSON');
    const report = JSON.parse(json.text) as { nodes: Record<string, CliNode> };
    expect(report.nodes['legal']!.target).toBe(5);
    // Clearing the field goes back to the questionnaire's target, 3, which legal already passes.
    await page.getByLabel('Target for Legal and policy basis').fill('');
    await page.getByLabel('Target for Legal and policy basis').press('Tab');
    await expect(page.getByLabel('Target for Legal and policy basis')).toHaveAttribute('placeholder', '3');
    await expect(gap).toHaveText('0');
  });

  test('prints a clean multi-page A4 report with its headings and numbers', async ({ page }) => {
    await openResults(page);
    const cli = cliScore();
    await page.locator('.chart--radar canvas[width]').waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    const { pages, text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    expect(pages).toBeGreaterThanOrEqual(6);
    for (const heading of [
      'Summary',
      'Areas',
      'All items at a glance',
      'Gap report',
      'Strengths',
      'Methodology',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(fixture.title);
    expect(text).toContain(`The overall maturity is ${cli.overall.display}`);
    expect(text).toContain('Customs of Examplia');
  });

  test('exports CSV, XLSX and JSON that agree with the page', async ({ page }) => {
    await openResults(page);
    const cli = cliScore();

    const csv = await download(page, 'CSV');
    expect(csv.name).toBe('diagnostic-mission-march-2026-report.csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('National targeting centre');
    expect(lines.find((line) => line.startsWith('legal,legal-mandate,'))).toBeDefined();

    const xlsx = await download(page, 'XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Items', 'Gaps']);
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('B1').value).toBe(fixture.title);
    expect(summary.getCell('D8').value).toBe(cli.overall.display);
    const gaps = workbook.getWorksheet('Gaps')!;
    expect(gaps.getCell('A2').value).toBe(1);

    const json = await download(page, 'JSON');
    const report = JSON.parse(json.text) as { overall: CliNode; gaps: { id: string }[] };
    expect(report.overall).toEqual(cli.overall);
    expect(report.gaps.length).toBeGreaterThan(0);
  });

  test('reads in French, with French numbers', async ({ page }) => {
    await openResults(page, 'fr');
    const cli = cliScore();
    await expect(page.locator('.overall-card__score')).toContainText(cli.overall.display!.replace('.', ','));
    await expect(page.getByRole('heading', { name: 'Rapport d’écarts' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
