/**
 * "How reviews work here": the disclosure `<zmot-rating>` and `<zmot-testimonials>` show from the feed's `policy`
 * (contract §8): the share of verified reviews, whether every review is published or they are moderated, the
 * rejections by reason, and the default order. A `<details>`, so it opens with a click, Enter or Space, is
 * announced as expandable, and works in server-rendered HTML before any script. Its text is the feed's: only
 * numbers and known words reach the page, and an unknown reason goes in as text between isolate marks.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Policy } from '../../feed/schema.js';
import type { Localizer } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages/en.js';

/** The reasons a collector rejects a review for (`REJECT_REASONS`), by the message that names them. */
const REASONS: Record<string, MessageKey> = {
  spam: 'reasonSpam',
  offensive: 'reasonOffensive',
  'personal-data': 'reasonPersonalData',
  'off-topic': 'reasonOffTopic',
  'not-genuine': 'reasonNotGenuine',
};

/** Orders by the message that names them: the testimonials' own, and the collector's `newest`. */
export const ORDERS: Record<string, MessageKey> = {
  recent: 'sortRecent',
  newest: 'sortRecent',
  highest: 'sortHighest',
  lowest: 'sortLowest',
};

const named = (names: Record<string, MessageKey>, key: string | undefined) => (key && Object.hasOwn(names, key) ? names[key] : undefined);

/**
 * The disclosure for `policy`, or nothing when the feed has none (or it says nothing). `order` is the default
 * order to state: the element's own when it sorts reviews, else the feed's.
 */
export function policyDisclosure(l: Localizer, policy: Policy | undefined, order = policy?.sort): TemplateResult | typeof nothing {
  if (!policy) return nothing;
  const items: string[] = [];
  if (policy.verified !== undefined) items.push(l.t('policyVerified', { percent: l.percent(policy.verified) }));
  if (policy.published) items.push(l.t(policy.published === 'all' ? 'policyAll' : 'policyModerated'));
  const rejected = Object.entries(policy.rejected ?? {});
  if (rejected.length) {
    const reasons = rejected.map(([reason, count]) => {
      const key = named(REASONS, reason);
      return `${key ? l.t(key) : `\u2068${reason}\u2069`} (${l.number(count)})`;
    });
    items.push(rejected.some(([, count]) => count > 0) ? l.t('policyRejected', { reasons: l.list(reasons) }) : l.t('policyNoneRejected'));
  }
  const sort = named(ORDERS, order);
  if (sort) items.push(l.t('policyOrder', { order: l.t(sort) }));
  if (!items.length) return nothing;
  return html`<details part="policy" class="policy">
    <summary>${l.t('policyTitle')}</summary>
    <ul>${items.map((item) => html`<li>${item}</li>`)}</ul>
  </details>`;
}

/** Its look, in every element that shows it. */
export const policyStyles = css`
  summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
  }
  details ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
`;
