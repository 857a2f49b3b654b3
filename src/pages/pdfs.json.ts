import type { APIRoute } from 'astro';
import { emptyPdfManifest } from '../lib/web/pdf-manifest.ts';

/**
 * `pdfs.json` with no PDFs: the PDFs are printed after the build (`npm run pdf` rewrites this file), and a build
 * replaces the whole output folder, the previous build's PDFs included. So a fresh build's pages find the manifest
 * (no 404, no console error) and show no PDF link until the PDFs of this build exist.
 */
export const GET: APIRoute = () => new Response(`${JSON.stringify(emptyPdfManifest())}\n`, { headers: { 'Content-Type': 'application/json' } });
