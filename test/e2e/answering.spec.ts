import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test, type BrowserContext, type Page } from '@playwright/test';

import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';
import { download, expectNoAxeViolations, importFile, watch } from './site.ts';

interface Created {
  id: string;
}

async function createAssessment(
  page: Page,
  title = 'Risk management self-assessment 2026',
): Promise<Created> {
  await page.goto('/en/assessments/');
  await page.locator('[data-ready]').waitFor();
  const newButton = page.getByRole('button', { name: 'New assessment' });
  if (await newButton.isVisible()) await newButton.click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Administration').fill('Customs of Examplia');
  await page.getByLabel('Name').fill('Amina Diallo');
  await page.getByLabel('Role').fill('Head of risk management');
  await page.getByLabel('Unit').fill('Risk management directorate');
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page).toHaveURL(/\/en\/assess\/#/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return { id: decodeURIComponent(new URL(page.url()).hash.slice(1)) };
}

async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('cairn:'))
      .sort(),
  );
}

const question = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);

/** The test questionnaire with every item type, served as if it were built into the site. */
async function serveAllKinds(context: BrowserContext): Promise<void> {
  const { questionnaire } = parseQuestionnaireText(
    readFileSync('test/fixtures/all-kinds.yaml', 'utf8'),
    'all-kinds.yaml',
  );
  await context.route('**/data/questionnaires/all-kinds.json', (route) =>
    route.fulfill({ json: questionnaire }),
  );
}

test.describe('assessments page', () => {
  test('creates an assessment that is listed with its questionnaire and progress', async ({ page }) => {
    const found = await watch(page);
    await page.goto('/en/assessments/');
    await expect(page.getByRole('heading', { name: 'No assessment yet' })).toBeVisible();
    const { id } = await createAssessment(page);
    await page.goto('/en/assessments/');
    const card = page.locator(`[data-assessment="${id}"]`);
    await expect(card).toContainText('Risk management self-assessment 2026');
    await expect(card).toContainText('Customs of Examplia');
    await expect(card).toContainText('version 1.1.0');
    await expect(card).toContainText('0 of 50 items');
    await expectNoAxeViolations(page);
    expect(found.errors).toEqual([]);
  });

  test('renames, duplicates, deletes and undoes a delete', async ({ page }) => {
    const { id } = await createAssessment(page, 'First visit');
    await page.goto('/en/assessments/');
    const card = page.locator(`[data-assessment="${id}"]`);
    await card.getByRole('button', { name: 'Rename' }).click();
    await card.getByLabel('New title').fill('Baseline mission');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByRole('heading')).toHaveText('Baseline mission');
    await card.getByRole('button', { name: 'Duplicate' }).click();
    await expect(page.locator('.assessment-card')).toHaveCount(2);
    await expect(page.locator('.assessment-card h3', { hasText: 'Baseline mission (copy)' })).toBeVisible();
    await card.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('“Baseline mission” was deleted.')).toBeVisible();
    await expect(page.locator('.assessment-card')).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator(`[data-assessment="${id}"]`)).toBeVisible();
    await page.reload();
    await expect(page.locator('.assessment-card')).toHaveCount(2);
  });
});

test.describe('runner', () => {
  test('a whole section answered with the keyboard alone survives a reload', async ({ page }) => {
    const found = await watch(page);
    await createAssessment(page);
    const items = page.locator('.runner__section .question');
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(3);
    // Reach the first level of the first item by tabbing, as a keyboard user does.
    for (let step = 0; step < 80; step += 1) {
      await page.keyboard.press('Tab');
      const inFirst = await page.evaluate(
        () =>
          document.activeElement?.matches('input[type=radio]') &&
          document.activeElement.closest('.question') ===
            document.querySelector('.runner__section .question'),
      );
      if (inFirst) break;
    }
    const chosen: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const digit = String((index % 4) + 2);
      await page.keyboard.press(digit);
      await expect(items.nth(index).locator('input[type=radio]:checked')).toHaveValue(digit);
      if (index === 0) {
        // Arrow keys move between levels too.
        await page.keyboard.press('ArrowRight');
        await expect(items.nth(0).locator('input[type=radio]:checked')).toHaveValue('3');
        chosen.push('3');
      } else chosen.push(digit);
      await page.keyboard.press('Enter');
    }
    const link = page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="step"]');
    await expect(link).toContainText(`${count}/${count}`);
    await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
    await page.reload();
    for (let index = 0; index < count; index += 1)
      await expect(items.nth(index).locator('input[type=radio]:checked')).toHaveValue(chosen[index]!);
    await expect(page.locator('.runner__progress label')).toContainText(`${count} / 50`);
    await expectNoAxeViolations(page);
    expect(found.errors).toEqual([]);
  });

  test('every keystroke of a note survives an immediate reload', async ({ page }) => {
    await createAssessment(page);
    const first = page.locator('.runner__section .question').first();
    await first.getByText('Note and evidence').click();
    await first.getByLabel('Note').pressSequentially('Seen the 2025 circular');
    // No wait for the save delay: leaving the page must write what was typed.
    await page.reload();
    await expect(page.locator('.runner__section .question').first().getByLabel('Note')).toHaveValue(
      'Seen the 2025 circular',
    );
  });

  test('N/A, insufficient evidence, evidence and live section score', async ({ page }) => {
    await createAssessment(page);
    const items = page.locator('.runner__section .question');
    await items.nth(0).locator('.level-card').nth(3).click();
    await items.nth(1).locator('.level-card').nth(1).click();
    const score = page.locator('.section-head__score');
    // legal-mandate weighs 2: (2 × 0.75 + 1 × 0.25) / 3 of the way from 1 to 5.
    await expect(score).toContainText('3.3 on 1–5');
    await expect(score).toContainText('2 of 4 answered');
    await items.nth(1).getByLabel('Not applicable').check();
    await expect(score).toContainText('4.0 on 1–5');
    await items.nth(0).getByLabel('Insufficient evidence').check();
    await expect(score).toContainText('1 with insufficient evidence');
    await items.nth(0).getByText('Note and evidence').click();
    await items.nth(0).getByRole('button', { name: 'Add evidence' }).click();
    await expect(items.nth(0).getByLabel('Evidence 1', { exact: true })).toBeFocused();
    await page.keyboard.type('Customs code, article 12');
    await page.reload();
    await expect(items.nth(0).getByLabel('Evidence 1', { exact: true })).toHaveValue(
      'Customs code, article 12',
    );
    await expect(items.nth(1).getByLabel('Not applicable')).toBeChecked();
    await expect(page.locator('.section-head__score')).toContainText('1 with insufficient evidence');
  });

  test('moves between sections and filters unanswered items', async ({ page }) => {
    await createAssessment(page);
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await page.getByRole('button', { name: 'Next section' }).click();
    await expect(sections.locator('[aria-current="step"]')).toContainText('Governance');
    await expect(page.locator('#section-title')).toBeFocused();
    await sections.getByRole('button', { name: /Legal and policy basis/ }).click();
    const items = page.locator('.runner__section .question');
    await items.nth(0).locator('.level-card').nth(2).click();
    await page.getByLabel('Show only unanswered items').check();
    await expect(items).toHaveCount(3);
    await expect(page.locator('[data-question="legal-mandate"]')).toHaveCount(0);
  });

  test('every item type, showIf applied live, a hidden answer kept but not counted', async ({
    context,
    page,
  }) => {
    await serveAllKinds(context);
    const found = await watch(page);
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    const file = {
      format: 'cairn.assessment',
      formatVersion: 1,
      id: 'kinds-1',
      title: 'Every kind',
      questionnaire: { id: 'all-kinds', version: '1.0.0' },
      respondents: [{ id: 'r1', name: 'Tester' }],
      answers: [],
    };
    await importFile(page, 'kinds.cairn.json', JSON.stringify(file));
    await page.locator('[data-assessment="kinds-1"]').getByRole('link', { name: 'Answer' }).click();
    await expect(question(page, 'scanner-feedback')).toHaveCount(0);
    await question(page, 'has-scanner').getByLabel('Yes', { exact: true }).check();
    await expect(question(page, 'scanner-feedback')).toBeVisible();
    await question(page, 'scanner-feedback').getByLabel('Always', { exact: true }).check();
    await expect(page.locator('.section-head__score')).toContainText('2 of 3 answered');
    await question(page, 'has-scanner').getByLabel('No', { exact: true }).check();
    await expect(question(page, 'scanner-feedback')).toHaveCount(0);
    await expect(page.locator('.section-head__score')).toContainText('1 of 2 answered');
    await expect(page.getByText('One item is hidden by earlier answers.')).toBeVisible();
    await question(page, 'has-scanner').getByLabel('Yes', { exact: true }).check();
    await expect(question(page, 'scanner-feedback').getByLabel('Always', { exact: true })).toBeChecked();

    await page.getByRole('button', { name: 'Next section' }).click();
    await question(page, 'channels-used').getByLabel('Green', { exact: true }).check();
    await question(page, 'channels-used').getByLabel('Red', { exact: true }).check();
    await question(page, 'declarations').getByLabel('Number', { exact: true }).fill('125000');
    await question(page, 'remarks')
      .getByLabel('Answer', { exact: true })
      .fill('Night shift uses paper lists');
    await expectNoAxeViolations(page);
    const { text } = await download(page, 'Export file');
    const exported = JSON.parse(text) as { answers: { question: string; value: unknown }[] };
    const value = (id: string) => exported.answers.find((answer) => answer.question === id)?.value;
    expect(value('has-scanner')).toBe(true);
    expect(value('scanner-feedback')).toBe('always');
    expect(value('channels-used')).toEqual(['green', 'red']);
    expect(value('declarations')).toBe(125000);
    expect(value('remarks')).toBe('Night shift uses paper lists');
    expect(found.errors).toEqual([]);
  });

  test('two pages editing different items of one assessment both keep their answers', async ({ context }) => {
    const first = await context.newPage();
    const { id } = await createAssessment(first);
    const second = await context.newPage();
    await second.goto(`/en/assess/#${id}`);
    await second.locator('.question').first().waitFor();
    // Both pages edit before either has seen the other's change.
    await first.locator('[data-question="legal-mandate"] .level-card').nth(1).click();
    await second.locator('[data-question="legal-powers"] .level-card').nth(4).click();
    await first.locator('[data-question="legal-mandate"] .level-card').nth(2).click();
    await expect(first.locator('[data-save-state="saved"]')).toBeVisible();
    await expect(second.locator('[data-save-state="saved"]')).toBeVisible();
    for (const page of [first, second]) {
      await page.reload();
      await expect(page.locator('[data-question="legal-mandate"] input:checked')).toHaveValue('3');
      await expect(page.locator('[data-question="legal-powers"] input:checked')).toHaveValue('5');
    }
    // Each page follows the other's edits without a reload.
    await second.locator('[data-question="legal-selectivity-basis"] .level-card').nth(0).click();
    await expect(first.locator('[data-question="legal-selectivity-basis"] input:checked')).toHaveValue('1');
  });
});

test.describe('files', () => {
  test('export, import into a fresh browser, and get an identical assessment', async ({ browser, page }) => {
    const { id } = await createAssessment(page);
    await page.locator('[data-question="legal-mandate"] .level-card').nth(3).click();
    const note = page.locator('[data-question="legal-mandate"]');
    await note.getByText('Note and evidence').click();
    await note.getByLabel('Note').fill('Customs code 2019, art. 5 — accents: é à ç');
    const exported = await download(page, 'Export file');
    expect(exported.name).toBe('risk-management-self-assessment-2026.cairn.json');
    const original = JSON.parse(exported.text) as { id: string };
    expect(original.id).toBe(id);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto('/en/assessments/');
    await other.locator('[data-ready]').waitFor();
    await importFile(other, exported.name, exported.text);
    await expect(other.getByText('“Risk management self-assessment 2026” was imported.')).toBeVisible();
    const card = other.locator(`[data-assessment="${id}"]`);
    await expect(card).toContainText('1 of 50 items');
    const again = await download(other, 'Export');
    expect(JSON.parse(again.text)).toEqual(original);
    await fresh.close();
  });

  test('a malformed file and a file of an unknown questionnaire are refused and change nothing', async ({
    page,
  }) => {
    await createAssessment(page);
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    await importFile(page, 'broken.cairn.json', '{"format": "cairn.assessment", ');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('broken.cairn.json was not imported. Nothing was changed.');
    await expect(alert).toContainText('broken.cairn.json: invalid JSON');
    await importFile(
      page,
      'other.cairn.json',
      JSON.stringify({
        format: 'cairn.assessment',
        formatVersion: 1,
        id: 'x1',
        questionnaire: { id: 'no-such-questionnaire', version: '1.0.0' },
      }),
    );
    await expect(alert).toContainText(
      'other.cairn.json: questionnaire "no-such-questionnaire" is not known here',
    );
    await importFile(
      page,
      'wrong.cairn.json',
      JSON.stringify({
        format: 'cairn.assessment',
        formatVersion: 1,
        id: 'x2',
        questionnaire: { id: 'rm-core', version: '1.1.0' },
        respondents: [{ id: 'r1' }],
        answers: [
          { question: 'legal-mandate', respondent: 'r1', value: 9 },
          { question: 'no-such-item', respondent: 'r1', value: 2 },
        ],
      }),
    );
    await expect(alert).toContainText('9 is not on its scale');
    await expect(alert).toContainText('unknown question "no-such-item"');
    await expect(page.locator('.assessment-card')).toHaveCount(1);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
  });

  test('importing an assessment already kept here asks: merge, keep both or replace', async ({ page }) => {
    const { id } = await createAssessment(page);
    await page.locator('[data-question="legal-mandate"] .level-card').nth(1).click();
    const exported = await download(page, 'Export file');
    // Later, here: another answer. In the file: a later answer to the first item.
    await page.locator('[data-question="legal-powers"] .level-card').nth(2).click();
    const file = JSON.parse(exported.text) as { answers: { value: number; updated: string }[] };
    file.answers[0]!.value = 5;
    file.answers[0]!.updated = '2999-01-01T00:00:00.000Z';
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();

    await importFile(page, 'same.cairn.json', JSON.stringify(file));
    const dialog = page.getByRole('dialog', { name: 'This assessment is already in this browser' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await expect(page.locator('.assessment-card')).toHaveCount(2);

    await importFile(page, 'same.cairn.json', JSON.stringify(file));
    await dialog.getByRole('button', { name: 'Merge the answers' }).click();
    await expect(page.getByText(/was merged: 1 conflicting answers/)).toBeVisible();
    await page.goto(`/en/assess/#${id}`);
    await expect(page.locator('[data-question="legal-mandate"] input:checked')).toHaveValue('5');
    await expect(page.locator('[data-question="legal-powers"] input:checked')).toHaveValue('3');

    await page.goto('/en/assessments/');
    await importFile(page, 'same.cairn.json', JSON.stringify(file));
    await dialog.getByRole('button', { name: 'Replace the one kept here' }).click();
    await page.goto(`/en/assess/#${id}`);
    await expect(page.locator('[data-question="legal-mandate"] input:checked')).toHaveValue('5');
    await expect(page.locator('[data-question="legal-powers"] input:checked')).toHaveCount(0);
  });

  test('a file dropped on the page is imported', async ({ page }) => {
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    const file = JSON.stringify({
      format: 'cairn.assessment',
      formatVersion: 1,
      id: 'dropped-1',
      title: 'Dropped from a colleague',
      questionnaire: { id: 'rm-core', version: '1.1.0' },
      respondents: [{ id: 'r1' }],
      answers: [{ question: 'legal-mandate', respondent: 'r1', value: 2 }],
    });
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.cairn.json', { type: 'application/json' }));
      return data;
    }, file);
    await page.dispatchEvent('.assessments', 'dragover', { dataTransfer: transfer });
    await expect(page.getByText('Drop .cairn.json files here')).toBeVisible();
    await page.dispatchEvent('.assessments', 'drop', { dataTransfer: transfer });
    await expect(page.locator('[data-assessment="dropped-1"]')).toContainText('1 of 50 items');
  });

  test('a missing assessment id says so and links back', async ({ page }) => {
    await page.goto('/fr/assess/#nothing-here');
    await expect(
      page.getByText('Aucune évaluation ne porte cet identifiant dans ce navigateur.'),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Aller aux évaluations' })).toHaveAttribute(
      'href',
      '/fr/assessments/',
    );
    expect(await storedKeys(page)).toEqual([]);
  });
});

test.describe('storage trouble', () => {
  test('a browser that refuses to store says so and offers an export', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    await expect(page.getByRole('alert')).toContainText('does not let Cairn keep data');
  });

  test('storage that fills up mid-session keeps the answers on screen and offers an export', async ({
    page,
  }) => {
    await createAssessment(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.locator('[data-question="legal-mandate"] .level-card').nth(3).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('storage is full');
    await expect(page.locator('[data-question="legal-mandate"] input:checked')).toHaveValue('4');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Export now' }).click(),
    ]);
    const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { answers: { value: number }[] };
    expect(saved.answers[0]!.value).toBe(4);
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  async function waitForServiceWorker(page: Page): Promise<void> {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  test('after one visit the site works offline, and its export is scored by the CLI', async ({
    context,
    page,
  }) => {
    await page.goto('/en/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const { id } = await createAssessment(page, 'Offline mission');
    await page.locator('[data-question="legal-mandate"] .level-card').nth(2).click();
    await page.locator('[data-question="legal-powers"] .level-card').nth(3).click();
    await page.reload();
    await expect(page.locator('[data-question="legal-mandate"] input:checked')).toHaveValue('3');
    await page.goto('/fr/questionnaires/rm-core/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto(`/en/assess/#${id}`);
    const shown = await page.locator('[data-section-score="legal"]').innerText();
    const exported = await download(page, 'Export file');
    expect(JSON.parse(exported.text)).toMatchObject({ id, title: 'Offline mission' });

    const folder = mkdtempSync(join(tmpdir(), 'cairn-'));
    const file = join(folder, exported.name);
    writeFileSync(file, exported.text);
    const cli = spawnSync(
      process.execPath,
      [
        '--experimental-strip-types',
        '--no-warnings',
        'src/cli/main.ts',
        'score',
        'questionnaires/rm-core.yaml',
        file,
      ],
      { encoding: 'utf8' },
    );
    rmSync(folder, { recursive: true });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const result = JSON.parse(cli.stdout) as { nodes: Record<string, { display: string; answered: number }> };
    // legal-mandate (weight 2) at 3, legal-powers at 4: (2 × 0.5 + 0.75) / 3 of the way from 1 to 5.
    expect(result.nodes['legal']).toMatchObject({ display: '3.3', answered: 2 });
    expect(shown).toContain(`${result.nodes['legal']!.display} on 1–5`);
  });

  test('a new build installs beside the old one and the page offers to reload', async ({ browser }) => {
    // A copy of the site on its own port, so that it can be rebuilt under the open page.
    const root = mkdtempSync(join(tmpdir(), 'cairn-site-'));
    cpSync('dist', root, { recursive: true });
    const port = 4400 + test.info().workerIndex;
    const server = spawn(process.execPath, ['scripts/serve-dist.mjs', root, String(port)], { stdio: 'pipe' });
    await new Promise((resolve) => server.stdout.once('data', resolve));
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/en/assessments/`);
      await waitForServiceWorker(page);
      const banner = page.locator('#update-banner');
      await expect(banner).toBeHidden();
      const worker = join(root, 'sw.js');
      writeFileSync(
        worker,
        readFileSync(worker, 'utf8').replace(/const VERSION = "[^"]+"/, 'const VERSION = "next"'),
      );
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('A new version of Cairn is ready.');
      await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
      await expect(page.locator('#update-banner')).toBeHidden();
      expect(await page.evaluate(() => caches.keys())).toEqual(['cairn-next']);
    } finally {
      await context.close();
      server.kill();
      rmSync(root, { recursive: true });
    }
  });
});

test.describe('your own questionnaire', () => {
  test('is loaded, answered and exported like a built-in one', async ({ page }) => {
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    await page.locator('#own-file').setInputFiles('test/fixtures/all-kinds.yaml');
    await expect(page.getByText('“Every kind of item” (all-kinds 1.0.0) is ready')).toBeVisible();
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('all-kinds');
    await page.getByLabel('Title').fill('Own questionnaire trial');
    await page.getByRole('button', { name: 'Create and start answering' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Own questionnaire trial');
    await page.locator('[data-question="selection"] .level-card').nth(2).click();
    await expect(page.locator('.section-head__score')).toContainText('1 of 2 answered');
    await page.locator('[data-question="has-scanner"]').getByLabel('Yes').check();
    await page.locator('[data-question="scanner-feedback"]').getByLabel('Sometimes').check();
    const exported = await download(page, 'Export file');
    expect(JSON.parse(exported.text)).toMatchObject({ questionnaire: { id: 'all-kinds', version: '1.0.0' } });
    // It stays after a reload, in this browser only.
    await page.reload();
    await expect(page.locator('[data-question="selection"] input:checked')).toHaveValue('3');
    // Answers read as words wherever they are explained.
    await page.getByRole('link', { name: 'Results' }).click();
    const item = page.locator('.area-detail tr[data-node="scanner-feedback"]');
    await item.getByText('Why?').click();
    await expect(item.locator('.why__body')).toContainText(': Sometimes');
  });

  test('a broken questionnaire is refused with its line numbers, and nothing is kept', async ({ page }) => {
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    const broken = readFileSync('test/fixtures/all-kinds.yaml', 'utf8')
      .replace('type: boolean', 'type: boolean\n        colour: red')
      .replace('showIf: "has-scanner == true"', 'showIf: "has-scanner =="');
    await page
      .locator('#own-file')
      .setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('broken.yaml was not kept. Nothing was stored.');
    await expect(alert).toContainText(/broken\.yaml:\d+:\d+: unknown key "colour"/);
    await expect(alert).toContainText(/broken\.yaml:\d+:\d+: .*showIf/);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('cairn:questionnaire:')),
      ),
    ).toEqual([]);
  });

  test('an item linked to a shipped questionnaire says so on both sides', async ({ page }) => {
    await page.goto('/en/assessments/');
    await page.locator('[data-ready]').waitFor();
    const linked = readFileSync('test/fixtures/all-kinds.yaml', 'utf8').replace(
      '      - id: selection\n        type: level\n',
      '      - id: selection\n        type: level\n        alsoIn: [{ questionnaire: rm-core, question: selectivity-criteria }]\n',
    );
    await page
      .locator('#own-file')
      .setInputFiles({ name: 'linked.yaml', mimeType: 'text/yaml', buffer: Buffer.from(linked) });
    await expect(page.getByText('(all-kinds 1.0.0) is ready')).toBeVisible();
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('all-kinds');
    await page.getByLabel('Title').fill('Own linked');
    await page.getByRole('button', { name: 'Create and start answering' }).click();
    const own = page.locator('[data-question="selection"] .question__related');
    await expect(own).toHaveText('Also assessed in: Customs risk-management maturity');
    await expect(own.getByRole('link')).toHaveAttribute(
      'href',
      '/en/questionnaires/rm-core/#selectivity-criteria',
    );

    await createAssessment(page, 'Core linked');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByText('Selectivity, profiling and targeting')
      .click();
    await expect(page.locator('[data-question="selectivity-criteria"] .question__related')).toHaveText(
      'Also assessed in: Every kind of item: How are consignments selected?',
    );
    const references = page.locator('[data-question="selectivity-criteria"] .question__references').first();
    await expect(references).toHaveText(
      /^References: WTO Trade Facilitation Agreement, Article 7\.4 .* · Revised Kyoto/,
    );
    await expect(references.getByRole('link').first()).toHaveAttribute('rel', 'noopener noreferrer');
    // Shipped questionnaires name each other, with a link to the item in the readable document.
    const feedback = page.locator('[data-question="selectivity-feedback"] .question__related');
    await expect(feedback.locator('li')).toHaveText([
      /^Post-clearance audit: Do audit results change frontline controls/,
      /^Data analytics and intelligence: Do products reach those who act on them/,
    ]);
    await expect(
      feedback.getByRole('link', { name: /^Do products reach those who act on them/ }),
    ).toHaveAttribute('href', '/en/questionnaires/data-intelligence/#di-cycle-dissemination');
  });
});
