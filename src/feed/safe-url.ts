/**
 * URLs from a feed are untrusted: only absolute `https:` and `http:` URLs may reach an `href` or `src`.
 * Relative URLs resolve against `base` (the document's URL in the browser).
 */
export function safeUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
