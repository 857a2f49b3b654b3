/**
 * Whether a page's leading `# heading` only repeats its title, as pages written for a wiki or another site
 * generator do (`title: Pods crash looping` and then `# Pods crash looping`). The page header already shows the title,
 * so the heading would show it twice, and the book would bookmark it twice. Compared ignoring case and spacing, so
 * `# Pods  crash looping ` repeats it too; a heading that says more (`# Pods crash looping in payments`) is kept.
 */
export function repeatsTitle(heading: string, title: string): boolean {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return normal(title) !== '' && normal(heading) === normal(title);
}
