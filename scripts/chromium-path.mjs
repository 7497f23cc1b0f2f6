// Prints {"executablePath", "args"} for the Chromium the browser tests use:
// the system's when installed, else the one @sparticuz/chromium ships (no download needed).
import { existsSync } from 'node:fs';

const FLAGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

async function resolve() {
  const system = process.env.CAIRN_CHROMIUM || SYSTEM.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: FLAGS };
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  // --single-process crashes Chromium as soon as a second page opens.
  const dropped = ['--single-process', '--disable-web-security', '--allow-running-insecure-content'];
  const args = chromium.args.filter((arg) => !dropped.includes(arg) && !arg.startsWith('--headless'));
  return { executablePath, args: [...new Set([...args, ...FLAGS])] };
}

process.stdout.write(JSON.stringify(await resolve()));
