import { PDF_MANIFEST_FILE, type PdfBooks, type PdfManifest, parsePdfManifest, pdfLinks } from '../lib/web/pdf-manifest.ts';

/**
 * `<pdf-link>` (components/PdfLink.astro): a link for each PDF that `pdfs.json` lists, fetched once per page however
 * many elements ask (the home page has one per service). `data-service` and `data-books` say which books it links
 * (pdfLinks). The element stays hidden when there is none: before `npm run pdf`, the build's empty manifest.
 */
const manifests = new Map<string, Promise<PdfManifest>>();

function manifest(url: string): Promise<PdfManifest> {
  let loaded = manifests.get(url);
  if (loaded === undefined) {
    // `no-cache`: revalidated every time, so links show as soon as `npm run pdf` has rewritten the file.
    loaded = fetch(url, { cache: 'no-cache' })
      .then((response) => (response.ok ? response.text() : ''))
      .then(parsePdfManifest, () => parsePdfManifest('')); // Offline, or the host is down: no links.
    manifests.set(url, loaded);
  }
  return loaded;
}

class PdfLink extends HTMLElement {
  connectedCallback() {
    // Opened from disk (the offline copy) a request would only log a CORS error: the PDFs are not in the zip.
    if (location.protocol === 'file:') return;
    const base = this.dataset.base ?? '/';
    void manifest(`${base}${PDF_MANIFEST_FILE}`).then((loaded) => {
      const { destination, service, books } = this.dataset;
      const links = pdfLinks(loaded, { base, destination, service, books: books as PdfBooks | undefined });
      this.replaceChildren(
        ...links.map((link) => {
          const anchor = document.createElement('a');
          anchor.href = link.href;
          anchor.setAttribute('aria-label', link.label);
          anchor.append(link.text);
          if (link.note !== undefined) {
            const note = document.createElement('span');
            note.className = 'pdf-note';
            note.textContent = ` (${link.note})`;
            anchor.append(note);
          }
          return anchor;
        }),
      );
      this.hidden = links.length === 0;
    });
  }
}
customElements.define('pdf-link', PdfLink);
