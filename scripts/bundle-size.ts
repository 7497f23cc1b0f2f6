/**
 * The size check: how much JavaScript (gzipped) each built page loads before
 * anything is lazy-loaded, against the budgets. Counts the page's inline
 * scripts, its module scripts and islands, and every module they import
 * statically; dynamic `import()`s load on demand and are left out.
 *
 *   node scripts/bundle-size.ts [dist]   prints the table; exit 1 above a budget
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes, gzipped, per page path (SPEC pages under every locale). */
export const BUDGETS: Record<string, number> = {
  '/en/assess/': 50 * 1024,
  '/fr/assess/': 50 * 1024,
  '/en/assessments/': 30 * 1024,
  '/fr/assessments/': 30 * 1024,
  '/en/results/': 60 * 1024,
  '/fr/results/': 60 * 1024,
  '/en/roadmap/': 60 * 1024,
  '/fr/roadmap/': 60 * 1024,
  '/en/compare/': 60 * 1024,
  '/fr/compare/': 60 * 1024,
};

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function staticImports(code: string): string[] {
  const found = new Set<string>();
  // Minified ES modules: `import{a}from"./x.js"`, `import"./x.js"`, `export{b}from"./y.js"`.
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) found.add(match[1]!);
  return [...found];
}

export interface PageSize {
  page: string;
  bytes: number;
  files: string[];
}

export function pageJavaScript(root: string, page: string): PageSize {
  const html = readFileSync(join(root, page, 'index.html'), 'utf8');
  let bytes = 0;
  const seen = new Set<string>();
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const file = join(root, url);
    if (!existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    bytes += gz(code);
    for (const next of staticImports(code)) visit(posix.join(posix.dirname(url), next));
  };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1]!)?.[1];
    if (src) visit(src);
    else if (match[2]!.trim()) {
      bytes += gz(match[2]!);
      for (const next of staticImports(match[2]!)) visit(posix.join('/', next));
    }
  }
  for (const match of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) visit(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) visit(match[1]!);
  return { page, bytes, files: [...seen] };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  let passed = 0;
  let failed = 0;
  const pages = ['/en/', '/en/questionnaires/', '/en/methodology/', ...Object.keys(BUDGETS)];
  for (const page of pages) {
    const { bytes } = pageJavaScript(root, page);
    const budget = BUDGETS[page];
    const verdict =
      budget === undefined ? '' : bytes <= budget ? `ok (budget ${kb(budget)})` : `OVER budget ${kb(budget)}`;
    if (budget !== undefined) {
      if (bytes <= budget) passed += 1;
      else failed += 1;
    }
    process.stdout.write(
      `  ${page.padEnd(22)} ${kb(bytes).padStart(9)} of JavaScript, gzipped  ${verdict}\n`,
    );
  }
  const report = join(dirname(root), 'test-results', 'bundle-size.json');
  if (existsSync(dirname(report))) writeFileSync(report, JSON.stringify({ passed, failed }));
  process.exitCode = failed ? 1 : 0;
}
