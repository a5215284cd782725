// Runs the end-to-end suite: makes sure Debian's Chromium is there (installing it when we are root),
// makes sure the app is built, then hands over to vitest with the e2e config.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.WORDSPREAD_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian’s chromium package (apt-get)…');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'inherit',
      },
    );
  } else {
    console.error(
      `End-to-end tests need Chromium at ${CHROMIUM}. Install it with:\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point WORDSPREAD_CHROMIUM at a Chromium binary.',
    );
    process.exit(1);
  }
}
const DIST = process.env.WORDSPREAD_DIST ?? 'dist';
if (!existsSync(`${DIST}/index.html`)) {
  execSync(`npx vite build --outDir ${DIST}`, { stdio: 'inherit' });
}
const args = ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
