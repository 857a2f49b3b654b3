/**
 * What an image file beside a page really is, read from its first bytes rather than its name. The build hands
 * every image a Markdown page embeds by a relative path to Astro's image pipeline, which stops the whole build on a
 * file it cannot read ("Could not process image metadata"); a `.png` that is an HTML error page saved by a browser
 * is such a file. SVG is told apart because it is markup that can carry scripts.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';

/** The number of leading bytes `imageFormat` needs. */
export const IMAGE_HEAD_BYTES = 512;

export function imageFormat(head: Uint8Array): ImageFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  if (/<svg[\s>]/i.test(new TextDecoder('utf-8', { fatal: false }).decode(head))) return 'svg';
  return undefined;
}

/** Formats the build turns into pictures of the page, and nothing else. */
export const RASTER_FORMATS: ReadonlySet<ImageFormat> = new Set(['png', 'jpeg', 'gif', 'webp', 'avif']);
