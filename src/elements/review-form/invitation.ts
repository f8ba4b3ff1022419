/**
 * The invitation token a review form is opened with (`#zmot-invite=<token>`, or `?zmot-invite=<token>`): read
 * once from the address, then taken out of it so a copied link does not share it, and kept for this tab
 * (sessionStorage) in case the page is reloaded before the review is sent.
 *
 * The token is `<payload>.<signature>`, both base64url; the payload is JSON `{"v":1,"s","p","i","e","n"?}`.
 * Its signature is NOT checked here (the collector checks everything): the form only shows what it says —
 * the product, and the incentive offered — and sends the token with the review.
 */
import { REVIEW_LIMITS } from '../../reviews/limits.js';

export const INVITE_PARAM = 'zmot-invite';
/** sessionStorage: the token read from the address, until the review is sent. */
export const INVITE_KEY = 'zmot:invite';

export interface Invitation {
  token: string;
  /** The product the invitation is for (unverified: display and the default product only). */
  product?: string;
  /** What the buyer was offered for a review, which the review will disclose. */
  incentive?: string;
}

const TOKEN = /^[\w-]+\.[\w-]+$/;

/** The payload of a well-formed token, or `undefined`; never throws. */
export function decodeInvitation(token: string): Invitation | undefined {
  if (token.length > REVIEW_LIMITS.token || !TOKEN.test(token)) return undefined;
  try {
    const base64 = token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!payload || typeof payload !== 'object') return undefined;
    const { v, p, n } = payload as Record<string, unknown>;
    if (v !== 1) return undefined;
    const invitation: Invitation = { token };
    if (typeof p === 'string' && p) invitation.product = p;
    if (typeof n === 'string' && n.trim()) invitation.incentive = n.trim().slice(0, REVIEW_LIMITS.incentive);
    return invitation;
  } catch {
    return undefined;
  }
}

function storage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The invitation in the address (which loses it), else the one kept for this tab. A token that is not
 * well-formed is removed from the address all the same and ignored.
 */
export function readInvitation(): Invitation | undefined {
  try {
    const url = new URL(location.href);
    // The fragment's other parts (`#reviews`, say) stay as they were.
    const parts = url.hash.slice(1).split('&');
    const prefix = `${INVITE_PARAM}=`;
    const inHash = parts.find((part) => part.startsWith(prefix));
    const token = inHash === undefined ? url.searchParams.get(INVITE_PARAM) : decodeURIComponent(inHash.slice(prefix.length));
    if (token !== null) {
      if (url.searchParams.has(INVITE_PARAM)) url.searchParams.delete(INVITE_PARAM);
      const rest = parts.filter((part) => part && !part.startsWith(prefix)).join('&');
      url.hash = rest ? `#${rest}` : '';
      try {
        history.replaceState(history.state, '', url.href);
      } catch {
        // A sandboxed frame may refuse: the token stays in its address, the form works all the same.
      }
      const invitation = decodeInvitation(token);
      try {
        if (invitation) storage()?.setItem(INVITE_KEY, token);
      } catch {
        // Storage full or refused: the invitation lasts as long as the page.
      }
      if (invitation) return invitation;
    }
    const kept = storage()?.getItem(INVITE_KEY);
    return kept ? decodeInvitation(kept) : undefined;
  } catch {
    return undefined;
  }
}

/** The review was accepted: the token is used up. */
export function forgetInvitation(): void {
  try {
    storage()?.removeItem(INVITE_KEY);
  } catch {
    // Nothing kept.
  }
}
