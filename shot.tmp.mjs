import { chromium } from '@playwright/test';
const [,, url, out, width = '1280', height = '900', full = 'true'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking','--disable-component-update','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url);
await page.screenshot({ path: out, fullPage: full === 'true' });
await browser.close();
