// Shared by the tests that drive whole page views in extra tabs (journeys, holdout): the server commands of
// wtr-telemetry.js, the fixture page, and a wait that keeps asking.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { validateEnvelope, type ZmotEvent } from '../../src/telemetry/schema.js';

let n = 0;
/** A fresh bucket of the stand-in collector, per test. */
export const bucket = () => `t${Date.now().toString(36)}${++n}`;
export const command = <T>(name: string, payload: object) => executeServerCommand<T, object>(name, payload);
export const open = (url: string, context?: string) => command<string>('tab-open', { url, context });
export const evaluate = async <T>(tab: string, js: string) => (await command<{ value: T }>('tab-eval', { tab, js })).value;
/** The fixture page with the drop-in sending to bucket `name`, and more of its query (`&consent=…`). */
export const fixture = (name: string, query = '') => `/test/telemetry/fixtures/page.html?endpoint=/__zmot/collect/${name}${query}`;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks `get` every 100 ms until `ok` holds; fails naming `what` after `timeout` ms. */
export async function within<T>(what: string, get: () => Promise<T>, ok: (value: T) => boolean, timeout = 6000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

/** A request the stand-in collector recorded. */
export interface Recorded {
  at: number;
  status: number;
  contentType: string;
  body: string;
}

/** The events the stand-in collector accepted (202), each batch checked against the wire schema. */
export async function accepted(name: string): Promise<ZmotEvent[]> {
  const requests = await command<Recorded[]>('collected', { bucket: name });
  return requests.flatMap((request) => {
    const result = validateEnvelope(JSON.parse(request.body));
    if (!result.ok) throw new Error(`the collector would refuse a batch: ${result.error}`);
    expect(request.contentType).to.equal('text/plain;charset=UTF-8');
    return request.status === 202 ? result.envelope.events : [];
  });
}
