import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { rolldown } from 'rolldown';
import { zipArchive } from '../lib/offline/archive.ts';
import { moduleScripts, readPage, rewriteForOffline } from '../lib/offline/rewrite-html.ts';
import { writeFileAtomic } from '../node/write-file-atomic.ts';

/**
 * What the copy leaves out: pagefind cannot run from file:// (the offline index replaces it); the printable
 * book is the PDF's source, and the PDF is the offline book; pdfs.json lists PDFs the copy does not hold, and a page
 * opened from file:// never fetches it (src/scripts/pdf-link.ts); the archive itself.
 */
const LEFT_OUT = /^(?:pagefind\/|book\/|runbooks-offline\.zip$|runbooks[\w-]*\.pdf$|pdfs\.json$)/;

/**
 * Writes `runbooks-offline.zip`: the whole site as it works when opened from disk (file://), for the laptop
 * and the day the network is down. Links become relative, and each page's module scripts are bundled into one
 * classic script, since browsers load neither root-absolute URLs nor module scripts from file://.
 * `date` stamps every entry (the build date: `SOURCE_DATE_EPOCH` when set), so a rebuild gives the same bytes.
 * Returns the number of files in the archive.
 */
export async function writeOfflineCopy(site: string, base: string, options: { date: Date }): Promise<number> {
  const files = listFiles(site).filter((file) => !LEFT_OUT.test(file));
  const bundles = new Map<string, string>();
  const archive: Record<string, Uint8Array> = {};
  for (const file of files) {
    const bytes = readFileSync(join(site, file));
    if (!file.endsWith('.html')) {
      archive[`runbooks/${file}`] = bytes;
      continue;
    }
    const html = bytes.toString('utf8');
    const parts = readPage(html);
    const scripts = moduleScripts(html, parts);
    const key = scripts.join(' ');
    let bundle = bundles.get(key);
    if (bundle === undefined && scripts.length > 0) {
      bundle = `${base}_offline/${createHash('sha256').update(key).digest('hex').slice(0, 12)}.js`;
      archive[`runbooks/${bundle.slice(base.length)}`] = await bundleClassic(scripts.map((src) => join(site, src.slice(base.length))));
      bundles.set(key, bundle);
    }
    const classic = [`${base}offline-index.js`, ...(bundle ? [bundle] : [])];
    archive[`runbooks/${file}`] = Buffer.from(rewriteForOffline(html, { file, base, scripts: classic }, parts));
  }
  const target = join(site, 'runbooks-offline.zip');
  writeFileAtomic(target, zipArchive(archive, options.date));
  return files.length;
}

/**
 * writeOfflineCopy in a worker thread, which has a V8 heap of its own: after rendering thousands of pages, Astro's
 * heap is gigabytes, and the copy's hundreds of megabytes of buffers made every garbage collection walk it.
 */
export function writeOfflineCopyInWorker(site: string, base: string, options: { date: Date }): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./offline-copy-worker.ts', import.meta.url), {
      workerData: { site, base, date: options.date.toISOString() },
    });
    worker.once('message', (files: number) => resolve(files));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the offline copy's worker stopped with exit code ${code}`));
    });
  });
}

/** One classic (IIFE) script running the given module files in order, dynamic imports inlined. */
async function bundleClassic(entries: string[]): Promise<Uint8Array> {
  const entry = '\0offline-entry';
  const build = await rolldown({
    input: entry,
    logLevel: 'silent',
    plugins: [
      {
        name: 'offline-entry',
        resolveId: (id) => (id === entry ? id : undefined),
        load: (id) => (id === entry ? entries.map((file) => `import ${JSON.stringify(file)};`).join('\n') : undefined),
      },
      {
        // Vite wraps dynamic imports in a preload helper that resolves URLs against `import.meta.url`, which a
        // classic script does not have. The imports are inlined here, so the helper only has to call through.
        name: 'offline-preload-helper',
        load(id) {
          if (!/[\\/]preload-helper\.[\w-]+\.js$/.test(id)) return undefined;
          const exported = /export\s*\{\s*\w+\s+as\s+(\w+)\s*\}/.exec(readFileSync(id, 'utf8'))?.[1];
          if (!exported) throw new Error(`offline copy: cannot read the export of ${id}`);
          return `export const ${exported} = (load) => load();`;
        },
      },
    ],
  });
  try {
    const { output } = await build.generate({ format: 'iife', codeSplitting: false, minify: true });
    return Buffer.from(output[0].code);
  } finally {
    await build.close();
  }
}

function listFiles(root: string, folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(root, path) : [relative(root, path).split('\\').join('/')];
  });
}
