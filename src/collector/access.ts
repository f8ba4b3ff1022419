/**
 * Which sites the collector accepts and which page origins may send events for each (`--allow-origin`,
 * `--site`). With neither option the collector is open: any site, any origin.
 *
 * `--allow-origin` values: `https://acme.example` (allowed for every site), `acme=https://acme.example,https://m.acme.example`
 * (allowed for site `acme` only, and names `acme` as a known site), or `*` (any origin).
 */
export class SiteAccess {
  readonly #anyOrigin: boolean;
  /** `*` was given: any origin, the owner's API included. */
  readonly #explicitAny: boolean;
  readonly #global = new Set<string>();
  readonly #perSite = new Map<string, Set<string>>();
  readonly #sites = new Set<string>();

  constructor(allowOrigin: readonly string[] = [], sites: readonly string[] = []) {
    let any = allowOrigin.length === 0;
    for (const rule of allowOrigin) {
      const site = ruleSite(rule);
      const origins = (site === undefined ? rule : rule.slice(site.length + 1)).split(',').map(normaliseOrigin).filter(Boolean);
      if (site === undefined) {
        for (const origin of origins) {
          if (origin === '*') any = true;
          else this.#global.add(origin);
        }
      } else {
        this.#sites.add(site);
        const set = this.#perSite.get(site) ?? new Set<string>();
        for (const origin of origins) set.add(origin);
        this.#perSite.set(site, set);
      }
    }
    for (const site of sites) this.#sites.add(site);
    this.#anyOrigin = any;
    this.#explicitAny = any && allowOrigin.length > 0;
  }

  /** The sites named by `--site` and `--allow-origin site=…`, by id; empty when the collector takes any site. */
  get named(): string[] {
    return [...this.#sites].sort();
  }

  /** True when the collector takes events for this site (always, when no site was named). */
  knows(site: string): boolean {
    return this.#sites.size === 0 || this.#sites.has(site);
  }

  /** True when a page at `origin` may send events for `site`; requests without an Origin (beacons from old browsers, servers) may. */
  mayPost(site: string, origin: string | undefined): boolean {
    if (origin === undefined || this.#anyOrigin) return true;
    const o = normaliseOrigin(origin);
    if (this.#global.has(o)) return true;
    const own = this.#perSite.get(site);
    return own === undefined ? this.#global.size === 0 : own.has(o);
  }

  /**
   * True when `origin` may call the owner's API (metrics, sites …) from a browser: only an origin
   * `--allow-origin` names, or any with an explicit `*`. With no `--allow-origin`, none.
   */
  corsAllowsOwner(origin: string): boolean {
    return this.#explicitAny || this.#named(normaliseOrigin(origin));
  }

  #named(o: string): boolean {
    if (this.#global.has(o)) return true;
    for (const set of this.#perSite.values()) if (set.has(o)) return true;
    return false;
  }

  /** True when CORS headers may let `origin` read answers (preflights carry no site, so any site's origin counts). */
  corsAllows(origin: string): boolean {
    if (this.#anyOrigin) return true;
    const o = normaliseOrigin(origin);
    if (this.#global.has(o)) return true;
    for (const set of this.#perSite.values()) if (set.has(o)) return true;
    return false;
  }
}

function normaliseOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

/** The site an `--allow-origin` rule names (`acme=https://…`), or undefined for a rule for every site. */
export function ruleSite(rule: string): string | undefined {
  const eq = rule.indexOf('=');
  return eq > 0 && !rule.slice(0, eq).includes(':') ? rule.slice(0, eq) : undefined;
}
