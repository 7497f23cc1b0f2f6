import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import ExcelJS from 'exceljs';

import { download, expectNoAxeViolations, importFile, watch } from './site.ts';

const fixtureText = readFileSync('test/fixtures/rm-core-mission.cairn.json', 'utf8');
const fixture = JSON.parse(fixtureText) as { id: string };

async function openRunner(page: Page): Promise<void> {
  await page.goto('/en/assessments/');
  await page.locator('[data-ready]').waitFor();
  await importFile(page, 'mission.cairn.json', fixtureText);
  await expect(page.locator(`[data-assessment="${fixture.id}"]`)).toBeVisible();
  await page.goto(`/en/assess/#${fixture.id}`);
  await page.locator('.question').first().waitFor();
}

test.describe('mission', () => {
  test('adds a respondent and answers as them', async ({ page }) => {
    await openRunner(page);
    await page.getByRole('button', { name: 'Add a respondent' }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Give the respondent a name.');
    await page.getByLabel('Name', { exact: true }).fill('Land border office');
    await page.getByLabel('Unit', { exact: true }).fill('Border');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByLabel('Answering as')).toHaveValue('r6');
    await page.locator('[data-question="legal-mandate"] .level-card').nth(0).click();
    await page.getByRole('button', { name: 'Compare answers' }).click();
    await expect(page.locator('[data-matrix="legal-mandate"] td').nth(5)).toHaveText('1');
  });

  test('compares answers, finds disagreements and records a consensus with a reason', async ({ page }) => {
    const found = await watch(page);
    await openRunner(page);
    await page.getByRole('button', { name: 'Compare answers' }).click();
    const row = page.locator('[data-matrix="legal-mandate"]');
    await expect(row.locator('th')).toContainText('Does the law make risk management');
    await expect(page.locator('.matrix__table thead th')).toHaveCount(5 + 5);
    await expectNoAxeViolations(page);

    // Raise the threshold until only the widest disagreements remain, then lower it.
    await page.getByLabel('Only items whose answers differ by at least').check();
    await page.getByLabel('Disagreement threshold in levels').fill('9');
    await page.getByLabel('Disagreement threshold in levels').press('Tab');
    await expect(page.getByText('No item of this section has answers that far apart.')).toBeVisible();
    await page.getByLabel('Disagreement threshold in levels').fill('1');
    await page.getByLabel('Disagreement threshold in levels').press('Tab');
    const count = Number(await page.locator('[data-disagreements]').getAttribute('data-disagreements'));
    await expect(page.locator('.matrix__table tbody tr')).toHaveCount(count);

    await page.getByLabel('Only items whose answers differ by at least').uncheck();
    await row.getByRole('button', { name: /Agree a rating/ }).click();
    await row.getByLabel('Rating', { exact: true }).selectOption('2');
    await row.getByRole('button', { name: 'Record the agreed rating' }).click();
    await expect(row.getByRole('alert')).toHaveText('Say why the team agreed this rating.');
    await row.getByLabel('Reason', { exact: true }).fill('The code mentions risk only in a circular');
    await row.getByRole('button', { name: 'Record the agreed rating' }).click();
    await expect(row.locator('[data-consensus]')).toContainText('2');
    await expect(row.locator('[data-consensus]')).toContainText('The code mentions risk only in a circular');
    // The agreed rating counts in place of the answers.
    await expect(row.locator('td').nth(7)).toHaveText('2.0');
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await expect(page.locator('[data-question="legal-mandate"] .question__consensus')).toContainText(
      'Agreed rating: 2',
    );
    await page.reload();
    await page.getByRole('button', { name: 'Compare answers' }).click();
    await expect(page.locator('[data-matrix="legal-mandate"] [data-consensus]')).toContainText('2');
    await page
      .locator('[data-matrix="legal-mandate"]')
      .getByRole('button', { name: /Withdraw/ })
      .click();
    await expect(page.locator('[data-matrix="legal-mandate"] [data-consensus]')).toHaveCount(0);
    expect(found.errors).toEqual([]);
  });

  test('merges two laptops’ files into one assessment, with each conflict shown and changeable', async ({
    page,
  }) => {
    // Both laptops started from the team lead's file, which lists both experts.
    const laptop = (respondent: 'both', answers: unknown[], updated: string) =>
      JSON.stringify({
        format: 'cairn.assessment',
        formatVersion: 1,
        id: 'mission-2027',
        title: 'Mission 2027',
        questionnaire: { id: 'rm-core', version: '1.1.0' },
        updated,
        respondents: [
          { id: 'r1', name: 'Expert one' },
          { id: 'r2', name: 'Expert two' },
        ].filter(() => respondent === 'both'),
        answers,
      });
    const first = laptop(
      'both',
      [
        { question: 'legal-mandate', respondent: 'r1', value: 3, updated: '2027-03-01T10:00:00Z' },
        { question: 'legal-powers', respondent: 'r1', value: 2, updated: '2027-03-01T10:05:00Z' },
      ],
      '2027-03-01T18:00:00Z',
    );
    const second = laptop(
      'both',
      [
        { question: 'legal-mandate', respondent: 'r2', value: 4, updated: '2027-03-02T09:00:00Z' },
        // The other expert corrected r1's answer on their laptop, later.
        { question: 'legal-powers', respondent: 'r1', value: 4, updated: '2027-03-02T09:30:00Z' },
      ],
      '2027-03-02T18:00:00Z',
    );
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    await page.locator('#import-files').setInputFiles([
      { name: 'laptop-a.cairn.json', mimeType: 'application/json', buffer: Buffer.from(first) },
      { name: 'laptop-b.cairn.json', mimeType: 'application/json', buffer: Buffer.from(second) },
    ]);
    const dialog = page.getByRole('dialog', { name: 'This assessment is already in this browser' });
    await dialog.getByRole('button', { name: 'Merge the answers' }).click();
    const report = page.locator('[data-merge-report]');
    await expect(report).toContainText('Merge report: laptop-b.cairn.json');
    const conflict = report.locator('[data-conflict="legal-powers"]');
    await expect(conflict).toContainText('Expert one');
    await expect(conflict.getByLabel(/^Keep the later: 4/)).toBeChecked();
    await conflict.getByLabel(/^Keep the other: 2/).check();
    await expect(page.locator('.assessment-card')).toHaveCount(1);
    await page.goto('/en/assess/#mission-2027');
    await page.getByRole('button', { name: 'Compare answers' }).click();
    await expect(page.locator('[data-matrix="legal-powers"] td').first()).toHaveText('2');
    await expect(page.locator('[data-matrix="legal-mandate"] td').nth(0)).toHaveText('3');
    await expect(page.locator('[data-matrix="legal-mandate"] td').nth(1)).toHaveText('4');
  });

  test('a paper form goes out as XLSX, comes back filled, and becomes the respondent’s answers', async ({
    page,
  }) => {
    await openRunner(page);
    const form = await download(page, /^Paper form for National targeting centre/);
    expect(form.name).toMatch(/-form-national-targeting-centre\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(form.bytes).buffer);
    const sheet = workbook.getWorksheet('Answers')!;
    const rowOf = (id: string) => sheet.getColumn(1).values.indexOf(id);
    const rating = (id: string) => sheet.getRow(rowOf(id)).getCell(8);
    expect(rating('legal-powers').dataValidation).toMatchObject({ type: 'list' });

    // A bad value is refused with its sheet and row, and nothing is taken.
    rating('legal-powers').value = 9;
    await page.locator('#form-file').setInputFiles({
      name: 'ntc.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await expect(page.locator('[data-form-notice]')).toContainText(
      'ntc.xlsx was not taken. Nothing was changed.',
    );
    await expect(page.locator('[data-form-notice]')).toContainText(
      `ntc.xlsx: sheet "Answers", row ${rowOf('legal-powers')} (legal-powers): "9" is not a level of its scale`,
    );

    rating('legal-powers').value = 1;
    sheet.getRow(rowOf('legal-powers')).getCell(10).value = 'Powers limited to the declaration';
    await page.locator('#form-file').setInputFiles({
      name: 'ntc.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await expect(page.locator('[data-form-notice]')).toContainText(
      'answers of National targeting centre taken from ntc.xlsx',
    );
    await expect(page.locator('[data-question="legal-powers"] input:checked')).toHaveValue('1');
    await page.locator('[data-question="legal-powers"]').getByText('Note and evidence').click();
    await expect(page.locator('[data-question="legal-powers"]').getByLabel('Note')).toHaveValue(
      'Powers limited to the declaration',
    );
  });

  test('the consolidation method changes the scores', async ({ page }) => {
    await openRunner(page);
    const score = page.locator('.section-head__score');
    const median = await score.innerText();
    await page.getByLabel('Several answers count as their').selectOption('min');
    await expect(score).not.toHaveText(median);
    await page.reload();
    await expect(page.getByLabel('Several answers count as their')).toHaveValue('min');
  });
});
