/**
 * `npm test`: every check in order (types, lint, unit and component tests, the
 * build, browser tests), each run even when an earlier one failed, then one
 * last line `N passed, N failed` adding up every runner's count. Exit 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Count {
  passed: number;
  failed: number;
}

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env['FORCE_COLOR'] ?? '1' };

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  process.stdout.write(`\n▶ ${title}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const node = process.execPath;
const counts: Record<string, Count> = {};
const single = (ok: boolean): Count => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 });

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

counts['types'] = single(run('types', node, [bin('astro'), 'check']));
counts['lint'] = single(
  run('lint', node, [bin('eslint'), '.']) && run('format', node, [bin('prettier'), '--check', '.']),
);

const vitestJson = `${RESULTS}/vitest.json`;
rmSync(vitestJson, { force: true });
const unitOk = run('unit and component tests', node, [
  bin('vitest'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestJson);
counts['unit'] = vitest
  ? {
      passed: vitest.numPassedTests,
      failed: vitest.numFailedTests + (unitOk || vitest.numFailedTests ? 0 : 1),
    }
  : single(false);

const buildOk = run('build', node, [bin('astro'), 'build']);
counts['build'] = single(buildOk);

const sizeJson = `${RESULTS}/bundle-size.json`;
rmSync(sizeJson, { force: true });
if (buildOk) {
  const sizeOk = run('size', node, ['scripts/bundle-size.ts', 'dist']);
  const size = readJson<Count>(sizeJson);
  counts['size'] = size
    ? { passed: size.passed, failed: size.failed + (sizeOk || size.failed ? 0 : 1) }
    : single(false);
} else counts['size'] = single(false);

const playwrightJson = `${RESULTS}/playwright.json`;
rmSync(playwrightJson, { force: true });
if (buildOk) {
  const e2eOk = run('browser tests', node, [bin('playwright'), 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const report = existsSync(playwrightJson)
    ? readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(playwrightJson)
    : undefined;
  counts['browser'] = report
    ? {
        passed: report.stats.expected + report.stats.flaky,
        failed: report.stats.unexpected + (e2eOk || report.stats.unexpected ? 0 : 1),
      }
    : single(false);
} else {
  process.stdout.write('\n▶ browser tests: skipped, the build failed\n');
  counts['browser'] = single(false);
}

process.stdout.write('\n');
for (const [name, count] of Object.entries(counts)) {
  process.stdout.write(`  ${name.padEnd(8)} ${count.passed} passed, ${count.failed} failed\n`);
}
const passed = Object.values(counts).reduce((sum, count) => sum + count.passed, 0);
const failed = Object.values(counts).reduce((sum, count) => sum + count.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
