/**
 * The randomised holdout (contract §10, docs/lift.md). With `data-holdout="S"`, each browser is assigned once,
 * at random, to `holdout` (share S), which is not shown zmot's visitor widgets, or to `shown`. The arm is kept
 * in `localStorage` only with consent and without Global Privacy Control or Do-Not-Track; where it cannot be
 * kept nobody is held out and no arm is sent, so every browser counted was assigned once. A new share starts a
 * new experiment: browsers are assigned again. No identifier leaves the browser: the assignment is one event,
 * and later events carry only the arm.
 */
import { config } from '../config.js';
import { load, remove, save } from '../referral/storage.js';
import type { ZmotEvent } from './schema.js';

export type Arm = NonNullable<ZmotEvent['arm']>;

const KEY = 'zmot:arm';
let arm: Arm | undefined;

/** This browser's arm while a holdout runs for it; `undefined` otherwise. */
export function currentArm(): Arm | undefined {
  return arm;
}

/**
 * Takes this browser's arm from storage, or assigns one and calls `assigned` with it (to send the assignment
 * event). Without a holdout, or where the arm cannot be stored, there is no arm.
 */
export function assignArm(assigned: (arm: Arm, share: number) => void): Arm | undefined {
  arm = undefined;
  const share = config.holdout;
  if (!share) return arm;
  const kept = load('local', KEY) as { arm?: unknown; share?: unknown } | undefined;
  if (kept?.share === share && (kept.arm === 'shown' || kept.arm === 'holdout')) return (arm = kept.arm);
  const drawn: Arm = Math.random() < share ? 'holdout' : 'shown';
  if (save('local', KEY, { arm: drawn, share })) assigned((arm = drawn), share);
  return arm;
}

/** Consent withdrawn: the arm is forgotten, and later events carry none. */
export function forgetArm(): void {
  arm = undefined;
  remove('local', KEY);
}
