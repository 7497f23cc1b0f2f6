import { execFileSync } from 'node:child_process';

import { defineConfig } from '@playwright/test';

// Browsers cannot be downloaded here: use the system Chromium, else the one an npm package ships.
const chromium = JSON.parse(
  execFileSync(process.execPath, ['scripts/chromium-path.mjs'], { encoding: 'utf8' }),
) as { executablePath: string; args: string[] };

const PORT = 4399;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // axe over a page of fifty items takes tens of seconds on a busy two-core machine.
  timeout: 90_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
    // Routed requests bypass a service worker; the offline tests turn it back on.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node scripts/serve-dist.mjs dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/en/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
