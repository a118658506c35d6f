// `npm start`: builds the extension and opens Chromium with it loaded, on a profile kept in
// .cache/ so notes survive restarts. Set CHROMIUM_PATH to use another Chromium-based browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);
const browser = candidates.find((p) => existsSync(p));
if (!browser) {
  console.error(
    'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.\n' +
      'You can also load .output/chrome-mv3 by hand: chrome://extensions → Developer mode → Load unpacked.',
  );
  process.exit(1);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display found (DISPLAY is unset): run `npm start` from a desktop session, or on a machine without one\n' +
      'under a virtual display: `xvfb-run -a npm start` (Debian/Ubuntu: sudo apt-get install xvfb).',
  );
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const extension = resolve('.output/chrome-mv3');
const profile = resolve('.cache/chromium-profile');
mkdirSync(profile, { recursive: true });
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  process.argv[2] ?? 'https://arxiv.org/list/cs.LG/recent',
];
console.log(`Starting ${browser} with PaperLens from ${extension}`);
spawn(browser, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
