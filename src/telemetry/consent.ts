/**
 * Consent and privacy signals, for telemetry and referral storage alike.
 *
 * With Global Privacy Control or Do-Not-Track on, zmot keeps nothing across page views (no outbox, no
 * referral attribution) but still sends anonymous widget events: they carry no person and no identifier
 * that outlives the page view, so they are not the tracking those signals object to.
 */
import { config } from '../config.js';

/** Global Privacy Control or Do-Not-Track is on. */
export function privacySignal(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1';
}

/** Events may be sent: consent is granted (not pending, not withdrawn). */
export function sendingAllowed(): boolean {
  return config.consent === 'granted';
}

/** Something may be kept across page views: consent granted and no privacy signal. */
export function storageAllowed(): boolean {
  return sendingAllowed() && !privacySignal();
}
