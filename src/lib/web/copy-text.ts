/**
 * The text a copy button puts on the clipboard, from the lines of a block as shown:
 * output lines dropped, trailing whitespace trimmed, no leading or trailing blank lines.
 */
export function copyText(lines: readonly { text: string; output: boolean }[]): string {
  return lines
    .filter((line) => !line.output)
    .map((line) => line.text.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
