/**
 * How we start Debian's Chromium everywhere (browser tests, the PDF, the benchmark): Playwright cannot download
 * its own browsers here. `CHROMIUM_PATH` points at another build.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  // No calls home: this machine's network is closed, and such connections fail noisily at every start.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Root cannot use Chromium's sandbox.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
