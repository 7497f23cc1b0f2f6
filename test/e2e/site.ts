import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every page of the built site, as URL paths, read from dist/ so that none is forgotten. */
export function builtPages(root = 'dist'): string[] {
  const pages: string[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name === 'index.html') {
        const route = relative(root, folder).split(sep).join('/');
        pages.push(route ? `/${route}/` : '/');
      }
    }
  };
  visit(root);
  return pages.sort();
}

export interface Watch {
  errors: string[];
  external: string[];
}

/** Records console errors, page errors and any request that would leave this machine. */
export async function watch(page: Page): Promise<Watch> {
  const found: Watch = { errors: [], external: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') found.errors.push(message.text());
  });
  page.on('pageerror', (error) => found.errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:')
      return route.fallback();
    found.external.push(url.href);
    return route.abort();
  });
  return found;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function download(
  page: Page,
  button: string | RegExp,
): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  const bytes = readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

export async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('#import-files')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}
