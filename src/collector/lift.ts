/**
 * The measured lift of a randomised holdout (contract §10, docs/lift.md): what showing zmot's widgets changed
 * in conversions, with its uncertainty.
 *
 * Each browser is assigned once, at random, to `shown` or to `holdout` (share S), and sends one `assignment`
 * event then; every later conversion carries its arm. So each arm has a number of browsers n and of
 * conversions x, and the conversion rate is p = x / n.
 *
 * - **Lift**: the relative difference of the rates, p_shown / p_holdout − 1.
 * - **Interval**: 95 % on the log of the rate ratio (Katz et al., 1978): log(p1 / p2) ± 1.96 · √((1 − p1)/x1 +
 *   (1 − p2)/x2), then back to a ratio. Chosen because the ratio is what an owner asks about ("+8 %"), the log
 *   makes its sampling distribution close to normal even when the holdout is small (5 % of browsers), and it
 *   needs only the counts the collector keeps. A browser that orders twice counts twice: the rates are then
 *   orders per browser and the binomial variance is replaced by the Poisson one (1/x), which is wider. With no
 *   conversion in an arm there is no ratio yet: half a conversion is added to each count of both arms
 *   (Haldane's correction) so that the interval still says how much is ruled out.
 * - **Sample-ratio mismatch**: a χ² test (1 degree of freedom) of the arms' browsers against the configured
 *   share; flagged at p < 0.001, the threshold large experimentation platforms use, so a fair assignment is
 *   flagged about once in a thousand reports. A flag means the numbers cannot be trusted (a broken assignment,
 *   an ad-blocker or a consent banner acting on one arm only).
 * - **Minimum detectable effect**: the smallest relative lift the experiment would find with 80 % power at the
 *   5 % level with the browsers it has now, assuming both arms convert at the pooled rate.
 */

export interface Arm {
  /** Browsers assigned to the arm (its `assignment` events). */
  browsers: number;
  /** Conversions carrying the arm. */
  conversions: number;
  /** Their revenue, in the site's currency. */
  revenue: number;
}

export interface Lift {
  shown: Arm & ArmRates;
  holdout: Arm & ArmRates;
  /** p_shown / p_holdout − 1 (0.08 is +8 %); null while an arm has no browser. */
  relative: number | null;
  /** The 95 % interval of `relative`; null with it. */
  interval: [number, number] | null;
  confidence: 0.95;
  /** The arms' sizes are not what the share predicts (χ², p < 0.001). */
  srm: boolean;
  /** The χ² test's p-value (1 when there is nothing to test). */
  srmP: number;
  /** The smallest relative lift detectable now (80 % power, 5 % level); null without browsers or conversions. */
  mde: number | null;
}

export interface ArmRates {
  /** Conversions per browser. */
  rate: number | null;
  /** Revenue per browser. */
  revenuePerBrowser: number | null;
}

const Z_95 = 1.959963984540054;
const Z_80 = 0.8416212335729143;
/** The sample-ratio mismatch test's threshold. */
export const SRM_ALPHA = 0.001;

const rates = (arm: Arm): Arm & ArmRates => ({
  ...arm,
  rate: arm.browsers > 0 ? arm.conversions / arm.browsers : null,
  revenuePerBrowser: arm.browsers > 0 ? arm.revenue / arm.browsers : null,
});

/** The variance of log(rate) for x conversions among n browsers: binomial, or Poisson when x > n. */
function logVariance(x: number, n: number): number {
  return x <= n ? (1 - x / n) / x : 1 / x;
}

/** Upper tail of the χ² distribution with one degree of freedom: P(χ² ≥ q) = erfc(√(q/2)). */
export function chiSquareTail1(q: number): number {
  return q <= 0 ? 1 : erfc(Math.sqrt(q / 2));
}

/** The complementary error function: the Chebyshev fit of Numerical Recipes (`erfcc`), relative error under 1.2e-7. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * The lift between the arms, for a holdout of `share` (0 < share ≤ 0.5) of browsers. Counts that are not
 * finite non-negative numbers are refused by the caller; here they are taken as they are.
 */
export function analyseLift(shown: Arm, holdout: Arm, share: number): Lift {
  const n1 = shown.browsers;
  const n2 = holdout.browsers;
  const total = n1 + n2;
  let srmP = 1;
  if (total > 0 && share > 0 && share < 1) {
    const expected = [total * (1 - share), total * share];
    const q = ((n1 - expected[0]!) ** 2) / expected[0]! + ((n2 - expected[1]!) ** 2) / expected[1]!;
    srmP = chiSquareTail1(q);
  }
  const result: Lift = {
    shown: rates(shown),
    holdout: rates(holdout),
    relative: null,
    interval: null,
    confidence: 0.95,
    srm: srmP < SRM_ALPHA,
    srmP,
    mde: null,
  };
  if (n1 <= 0 || n2 <= 0) return result;
  // With no conversion in an arm there is no ratio: Haldane's correction (half a conversion, half a browser).
  const correct = shown.conversions === 0 || holdout.conversions === 0 ? 0.5 : 0;
  const [x1, m1, x2, m2] = [shown.conversions + correct, n1 + correct, holdout.conversions + correct, n2 + correct];
  const logRatio = Math.log(x1 / m1 / (x2 / m2));
  const se = Math.sqrt(logVariance(x1, m1) + logVariance(x2, m2));
  result.relative = Math.exp(logRatio) - 1;
  result.interval = [Math.exp(logRatio - Z_95 * se) - 1, Math.exp(logRatio + Z_95 * se) - 1];
  const pooled = (shown.conversions + holdout.conversions) / total;
  if (pooled > 0 && pooled < 1) {
    const nullSe = Math.sqrt((1 - pooled) / (pooled * n1) + (1 - pooled) / (pooled * n2));
    result.mde = Math.exp((Z_95 + Z_80) * nullSe) - 1;
  }
  return result;
}
