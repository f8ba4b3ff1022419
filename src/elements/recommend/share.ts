/**
 * The share channels: which exist, the public share URL of each network, copying to the clipboard, and
 * keeping personal data out of feedback comments.
 */

export const CHANNELS = ['native', 'copy', 'email', 'whatsapp', 'x', 'linkedin', 'facebook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels that are links: a mailto, or a network's public share page opened in a new window. */
export type LinkChannel = Exclude<Channel, 'native' | 'copy'>;

/** The known channels named in a `channels` attribute, in its order, once each; unknown names are ignored. */
export function parseChannels(value: string): Channel[] {
  const names = value.split(/[\s,]+/).map((name) => name.toLowerCase());
  return CHANNELS.filter((channel) => names.includes(channel)).sort((a, b) => names.indexOf(a) - names.indexOf(b));
}

/** Whether this browser has the Web Share API for links. */
export function canShareNatively(url: string): boolean {
  if (typeof navigator.share !== 'function') return false;
  try {
    return typeof navigator.canShare !== 'function' || navigator.canShare({ url });
  } catch {
    return false;
  }
}

export interface ShareMessage {
  /** The referral link. */
  url: string;
  /** A sentence that goes with the link. */
  text: string;
  /** The e-mail subject. */
  subject: string;
}

/** `encodeURIComponent` that never throws: a lone surrogate (possible in a feed's product name) becomes U+FFFD. */
const enc = (text: string): string =>
  encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** The URL that shares `message` on `channel`. */
export function channelUrl(channel: LinkChannel, { url, text, subject }: ShareMessage): string {
  switch (channel) {
    case 'email':
      return `mailto:?subject=${enc(subject)}&body=${enc(`${text}\n\n${url}`)}`;
    case 'whatsapp':
      return `https://wa.me/?text=${enc(`${text} ${url}`)}`;
    case 'x':
      return `https://x.com/intent/post?text=${enc(text)}&url=${enc(url)}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;
  }
}

/**
 * Copies `input`'s value: the Clipboard API first, then the selection and `execCommand('copy')` for
 * browsers (or pages) without it. Leaves the text selected either way, so a visitor can copy by hand.
 */
export async function copyText(input: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(input.value);
    input.select();
    return true;
  } catch {
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * Feedback is anonymous: e-mail addresses and phone-number-like runs (9 digits or more) a visitor types anyway are
 * replaced before the comment leaves the page.
 */
export function redact(comment: string): string {
  return comment
    .replace(/[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/g, '[e-mail]')
    .replace(/\+?\d[\d\s().-]{7,}\d/g, (run) => (run.replace(/\D/g, '').length >= 9 ? '[number]' : run))
    .trim();
}
