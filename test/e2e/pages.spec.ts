import { expect, test } from '@playwright/test';

import { builtPages, expectNoAxeViolations, watch } from './site.ts';

const pages = builtPages().filter((path) => path !== '/');

test.describe('every page', () => {
  for (const path of pages) {
    test(`${path} renders with no console error, no outside request and no axe violation`, async ({
      page,
    }) => {
      // A whole questionnaire is a long page: axe takes its time over it on a busy machine.
      if (/\/questionnaires\/[^/]+\/$/.test(path)) test.setTimeout(180_000);
      const found = await watch(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', path.split('/')[1]!);
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy).toContain("default-src 'self'");
      expect(policy).not.toMatch(/unsafe-(inline|eval)/);
      await expectNoAxeViolations(page);
      expect(found.errors).toEqual([]);
      expect(found.external).toEqual([]);
    });
  }

  test('lists enough pages to cover every route of the catalogue', () => {
    for (const locale of ['en', 'fr', 'es', 'ar']) {
      for (const route of [
        '',
        'questionnaires/',
        'questionnaires/rm-core/',
        'methodology/',
        'assessments/',
        'assess/',
      ]) {
        expect(pages).toContain(`/${locale}/${route}`);
      }
    }
  });
});

test.describe('languages', () => {
  test('the language switch keeps the reader on the same page', async ({ page }) => {
    for (const route of ['', 'questionnaires/', 'questionnaires/rm-core/', 'methodology/']) {
      await page.goto(`/en/${route}`);
      await page
        .getByRole('navigation', { name: 'Language' })
        .getByRole('link', { name: 'Français' })
        .click();
      await expect(page).toHaveURL(`/fr/${route}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
      await expect(page).toHaveURL(`/en/${route}`);
    }
  });

  test('the root page sends a French reader to French', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL('/fr/');
    await context.close();
  });

  test('the root page sends any other reader to English', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL('/en/');
    await context.close();
  });

  test('without JavaScript the root page offers every language', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Français' })).toHaveAttribute('href', '/fr/');
    await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/');
    await context.close();
  });
});

test.describe('the questionnaire document', () => {
  test('reads fully without JavaScript: contents, every rubric level, evidence and references', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/questionnaires/rm-core/');
    const areas = page.getByRole('navigation', { name: 'Contents' }).getByRole('listitem');
    await expect(areas).toHaveCount(11);
    const items = page.locator('article.item');
    expect(await items.count()).toBeGreaterThanOrEqual(40);
    // Every level item shows its five rubric levels.
    const rubricRows = await page
      .locator('table.rubric')
      .evaluateAll((tables) => tables.map((table) => table.querySelectorAll('tbody tr').length));
    expect(rubricRows.every((rows) => rows === 5)).toBe(true);
    await expect(page.locator('#bibliography')).toContainText('Revised Kyoto Convention');
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await context.close();
  });

  test('prints to a multi-page A4 PDF', async ({ page }) => {
    await page.goto('/fr/questionnaires/rm-core/');
    await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBeGreaterThan(10);
  });
});

test.describe('rm-core in Spanish', () => {
  test('reads in Spanish on /es/, and the companions fall back to English', async ({ page }) => {
    await page.goto('/es/questionnaires/rm-core/');
    await expect(page.locator('h1')).toHaveText('Madurez de la gestión de riesgos aduaneros');
    await expect(page.locator('#legal-mandate .item__prompt')).toHaveText(
      '¿Establece la ley la gestión de riesgos como base del control aduanero?',
    );
    await page.goto('/es/questionnaires/pca/');
    await expect(page.locator('h1')).toHaveText('Post-clearance audit');
  });
});

test.describe('items several questionnaires assess', () => {
  test('the document links each to the others, and the catalogue counts them', async ({ page }) => {
    await page.goto('/en/questionnaires/pca/');
    const item = page.locator('#pca-feedback-profiles');
    await expect(item.locator('.item__also')).toContainText('Also assessed in');
    await expect(item.locator('.item__also li').first()).toHaveText(
      /^Customs risk-management maturity: Do post-clearance audit findings/,
    );
    await item.getByRole('link', { name: /^Do post-clearance audit findings/ }).click();
    await expect(page).toHaveURL(/\/en\/questionnaires\/rm-core\/#compliance-pca-results$/);
    await expect(page.locator('#compliance-pca-results')).toBeInViewport();
    await expect(page.locator('#compliance-pca-results .item__also li')).toHaveText([
      /^Post-clearance audit: Are audit findings recorded/,
      /^Post-clearance audit: Do audit results change frontline controls/,
    ]);
    await page.goto('/fr/questionnaires/');
    await expect(page.locator('.catalogue > li').filter({ hasText: 'capacity-building' })).toContainText(
      'Critères communs avec',
    );
  });
});

test.describe('the methodology page', () => {
  test('shows worked examples computed by the engine', async ({ page }) => {
    await page.goto('/en/methodology/');
    const examples = page.locator('#worked article');
    await expect(examples).toHaveCount(7);
    // PEFA M1 on A, B, C is C+; M2 on A, C, C is B; the gated example reaches MIL1.
    await expect(examples.nth(3).locator('tfoot')).toContainText('C+');
    await expect(examples.nth(4).locator('tfoot')).toContainText('B');
    await expect(examples.nth(6).locator('tfoot')).toContainText('MIL1');
    // Weighted mean of 2 (w 1) and 4 (w 2), N/A left out: 1 + (0.25 + 1.5) / 3 × 4 = 3.33.
    await expect(examples.nth(0).locator('tfoot')).toContainText('3.3');
  });

  test('formats numbers for a French reader', async ({ page }) => {
    await page.goto('/fr/methodology/');
    await expect(page.locator('#worked article').nth(0).locator('tfoot')).toContainText('3,3');
  });
});
