// The holdout's statistics (src/collector/lift.ts), checked against simulated experiments with a known true
// lift: the 95 % interval must cover it in 93–97 % of them, and the sample-ratio check must fire on a skewed
// assignment and stay quiet on a fair one. A seeded generator: the same experiments on every run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLift, chiSquareTail1, type Arm } from '../../src/collector/lift.js';

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A binomial draw: the successes among n trials of probability p, by geometric jumps from one to the next. */
function binomial(random: () => number, n: number, p: number): number {
  const log1p = Math.log1p(-p);
  let successes = -1;
  for (let at = -1; at < n; successes++) at += Math.floor(Math.log(1 - random()) / log1p) + 1;
  return successes;
}

/** Browsers assigned at random (holdout share `share`), each converting at its arm's rate once at most. */
function experiment(random: () => number, browsers: number, share: number, rate: number, lift: number): [Arm, Arm] {
  const holdout = binomial(random, browsers, share);
  const shown = browsers - holdout;
  const conversions = [binomial(random, shown, rate * (1 + lift)), binomial(random, holdout, rate)];
  return [
    { browsers: shown, conversions: conversions[0]!, revenue: conversions[0]! * 50 },
    { browsers: holdout, conversions: conversions[1]!, revenue: conversions[1]! * 50 },
  ];
}

describe('measured lift: the statistics', () => {
  it('the binomial draws have the right mean and variance (the simulation itself is sound)', () => {
    const random = generator(7);
    const draws = Array.from({ length: 20000 }, () => binomial(random, 1000, 0.05));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length;
    assert.ok(Math.abs(mean - 50) < 0.2, `mean ${mean}`);
    assert.ok(Math.abs(variance - 47.5) < 1.5, `variance ${variance}`);
  });

  for (const rate of [0.01, 0.05]) {
    for (const lift of [0, 0.05, 0.2]) {
      it(`the 95 % interval covers a true lift of ${lift * 100} % at a ${rate * 100} % conversion rate in 93–97 % of 1,000 experiments`, () => {
        const random = generator(Math.round(rate * 1000 + lift * 100));
        // A 10 % holdout of 40,000 browsers: 40 conversions in the holdout at 1 %, 200 at 5 %.
        const runs = 1000;
        let covered = 0;
        for (let i = 0; i < runs; i++) {
          const [shown, holdout] = experiment(random, 40000, 0.1, rate, lift);
          const { interval } = analyseLift(shown, holdout, 0.1);
          assert.ok(interval && interval[0] <= interval[1]);
          if (interval[0] <= lift && lift <= interval[1]) covered++;
        }
        const coverage = covered / runs;
        if (process.env.ZMOT_LIFT_REPORT) console.log(`rate ${rate}, lift ${lift}: covered in ${(coverage * 100).toFixed(1)} %`);
        assert.ok(coverage >= 0.93 && coverage <= 0.97, `covered in ${(coverage * 100).toFixed(1)} % of experiments`);
      });
    }
  }

  it('the sample-ratio check stays quiet on fair assignments and fires on a skewed one', () => {
    const random = generator(11);
    let flagged = 0;
    for (let i = 0; i < 1000; i++) {
      const [shown, holdout] = experiment(random, 40000, 0.05, 0.03, 0);
      if (analyseLift(shown, holdout, 0.05).srm) flagged++;
    }
    assert.ok(flagged <= 5, `a fair assignment was flagged ${flagged} times in 1,000`);
    // An ad-blocker on the holdout's side: 10 % of its browsers never report their assignment.
    let caught = 0;
    for (let i = 0; i < 100; i++) {
      const [shown, holdout] = experiment(random, 100000, 0.05, 0.03, 0);
      if (analyseLift(shown, { ...holdout, browsers: Math.round(holdout.browsers * 0.9) }, 0.05).srm) caught++;
    }
    assert.ok(caught >= 99, `a 10 % loss in a holdout of 5,000 browsers was caught ${caught} times in 100`);
  });

  it('the χ² tail is right where it matters', () => {
    assert.ok(Math.abs(chiSquareTail1(3.841458820694124) - 0.05) < 1e-6);
    assert.ok(Math.abs(chiSquareTail1(10.827566170662733) - 0.001) < 1e-6);
    assert.equal(chiSquareTail1(0), 1);
  });

  it('no browser in an arm: no lift and no interval; no conversion yet: an interval all the same', () => {
    const none = analyseLift({ browsers: 100, conversions: 3, revenue: 90 }, { browsers: 0, conversions: 0, revenue: 0 }, 0.05);
    assert.equal(none.relative, null);
    assert.equal(none.interval, null);
    assert.equal(none.holdout.rate, null);
    const early = analyseLift({ browsers: 1900, conversions: 20, revenue: 1000 }, { browsers: 100, conversions: 0, revenue: 0 }, 0.05);
    assert.ok(early.interval && Number.isFinite(early.interval[0]) && Number.isFinite(early.interval[1]));
    assert.ok(early.interval[0] < 0 && early.interval[1] > 1, 'a holdout of 100 browsers rules little out');
    assert.equal(early.shown.revenuePerBrowser, 1000 / 1900);
  });

  it('the minimum detectable effect shrinks as browsers come in, and a lift far beyond it is found', () => {
    const small = analyseLift({ browsers: 9500, conversions: 285, revenue: 0 }, { browsers: 500, conversions: 15, revenue: 0 }, 0.05);
    const large = analyseLift({ browsers: 95000, conversions: 2850, revenue: 0 }, { browsers: 5000, conversions: 150, revenue: 0 }, 0.05);
    assert.ok(small.mde! > large.mde!);
    assert.ok(Math.abs(large.mde! / small.mde! - 1 / Math.sqrt(10)) < 0.1, 'about 1/√10 for ten times the browsers');
    const found = analyseLift({ browsers: 95000, conversions: 2850 * (1 + 2 * large.mde!), revenue: 0 }, { browsers: 5000, conversions: 150, revenue: 0 }, 0.05);
    assert.ok(found.interval![0] > 0, 'twice the MDE: the interval is above zero');
  });
});
