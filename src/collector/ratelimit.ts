/**
 * Token buckets, one per key (a client address, a site). A bucket holds up to `burst` tokens and refills at
 * `rate` tokens a second; a request takes its cost or is refused with the seconds to wait before retrying.
 */
export interface BucketOptions {
  /** Tokens added per second; 0 turns the limit off. */
  rate: number;
  /** Most tokens a bucket holds (the burst allowed after a quiet spell); 10 seconds' worth by default. */
  burst?: number;
  /** Most buckets kept; full ones are dropped first when there are more. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class TokenBuckets {
  readonly rate: number;
  readonly burst: number;
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;

  constructor(options: BucketOptions, now: () => number = () => performance.now()) {
    this.rate = options.rate;
    this.burst = options.burst ?? options.rate * 10;
    this.#maxKeys = options.maxKeys ?? 100_000;
    this.#now = now;
  }

  /** Takes `cost` tokens from `key`'s bucket: 0 when allowed, else the seconds until it would be. */
  take(key: string, cost = 1): number {
    if (this.rate <= 0) return 0;
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxKeys) this.#sweep(now);
      bucket = { tokens: this.burst, updated: now };
      this.#buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updated) / 1000) * this.rate);
      bucket.updated = now;
    }
    // A batch bigger than the whole bucket may pass when the bucket is full, and then empties it.
    const needed = Math.min(cost, this.burst);
    if (bucket.tokens >= needed) {
      bucket.tokens -= needed;
      return 0;
    }
    return (needed - bucket.tokens) / this.rate;
  }

  /** The seconds until `key`'s bucket holds a token again, without taking one: 0 when it has one. */
  wait(key: string): number {
    const bucket = this.#buckets.get(key);
    if (this.rate <= 0 || !bucket) return 0;
    const tokens = Math.min(this.burst, bucket.tokens + ((this.#now() - bucket.updated) / 1000) * this.rate);
    return tokens >= 1 ? 0 : (1 - tokens) / this.rate;
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.updated) / 1000) * this.rate >= this.burst) this.#buckets.delete(key);
    }
    // Still full of busy keys: forget the oldest half rather than grow without bound.
    if (this.#buckets.size >= this.#maxKeys) {
      let drop = Math.ceil(this.#buckets.size / 2);
      for (const key of this.#buckets.keys()) {
        if (drop-- <= 0) break;
        this.#buckets.delete(key);
      }
    }
  }
}
