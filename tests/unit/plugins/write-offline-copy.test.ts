import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { writeOfflineCopy } from '../../../src/plugins/write-offline-copy.ts';

/** The DOS date and time (local time, as zip stores it) of the first entry's local header. */
function firstEntryStamp(zip: Uint8Array): { time: number; date: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return { time: view.getUint16(10, true), date: view.getUint16(12, true) };
}

test('runbooks-offline.zip is reproducible: entries sorted, every one stamped with the build date', async (t) => {
  const site = mkdtempSync(join(tmpdir(), 'runbooks-offline-'));
  t.after(() => rmSync(site, { recursive: true, force: true }));
  // Written in an order readdir may well return: not sorted.
  for (const file of ['z/index.html', 'index.html', 'a/index.html', 'alerts.json']) {
    mkdirSync(join(site, file, '..'), { recursive: true });
    writeFileSync(join(site, file), file.endsWith('.html') ? `<!doctype html><title>${file}</title><a href="/">home</a>` : '[]');
  }
  const date = new Date(2026, 0, 1, 0, 0, 0);
  await writeOfflineCopy(site, '/', { date });
  const zip = readFileSync(join(site, 'runbooks-offline.zip'));

  assert.deepEqual(Object.keys(unzipSync(zip)), ['runbooks/a/index.html', 'runbooks/alerts.json', 'runbooks/index.html', 'runbooks/z/index.html']);
  assert.deepEqual(firstEntryStamp(zip), { time: 0, date: ((2026 - 1980) << 9) | (1 << 5) | 1 });

  await writeOfflineCopy(site, '/', { date });
  assert.deepEqual(readFileSync(join(site, 'runbooks-offline.zip')), zip);
});
