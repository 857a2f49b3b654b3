/**
 * Puts `text` on the clipboard. `navigator.clipboard` exists only in secure contexts (https, localhost):
 * on a plain-http intranet page we fall back to selecting a hidden textarea and `execCommand('copy')`.
 * Resolves to false when both fail, so the caller can say so instead of failing silently.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (permissions policy, focus lost): try the selection route below.
    }
  }
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.style.position = 'fixed';
  textarea.style.opacity = '0';
  document.body.append(textarea);
  const focused = document.activeElement as HTMLElement | null;
  textarea.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  textarea.remove();
  focused?.focus();
  return copied;
}
