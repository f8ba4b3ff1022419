// Shared by the telemetry tests: an msw endpoint that checks every batch against the wire schema (as the
// collector does), a clean slate before each test, and small waits.
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import { OUTBOX_PREFIX } from '../../src/telemetry/outbox.js';
import { inFlight, resetTransport } from '../../src/telemetry/transport.js';
import { validateEnvelope, type Envelope, type ZmotEvent } from '../../src/telemetry/schema.js';
import { worker } from '../support/msw.js';

export interface Request {
  envelope: Envelope;
  body: string;
  bytes: number;
  contentType: string | null;
  credentials: RequestCredentials;
  /** What the endpoint answered. */
  status: number;
}

// A request a test set off and did not wait for (consent(true) sends what waited) must not reach the next
// test's endpoint: msw answers with the handlers of whichever test is running when the request arrives.
afterEach(() => inFlight());

/** Batches the schema refused, in any test; checked after each one. */
const invalid: string[] = [];
afterEach(() => expect(invalid.splice(0), 'batches the collector would refuse').to.deep.equal([]));

/**
 * Serves `path` like the collector: validates the batch, records it, and answers `answer(n)` for the n-th
 * request (a `Response`, or `undefined` for 202). `events()` are the accepted events in arrival order.
 */
export function endpoint(path = '/z/events', answer?: (n: number) => Response | undefined) {
  const requests: Request[] = [];
  worker.use(
    http.post(path, async ({ request }) => {
      const body = await request.text();
      const result = validateEnvelope(JSON.parse(body));
      if (!result.ok) {
        invalid.push(result.error);
        return HttpResponse.json({ error: result.error }, { status: 400 });
      }
      const reply = answer?.(requests.length + 1) ?? HttpResponse.json({ accepted: result.envelope.events.length, duplicates: 0 }, { status: 202 });
      requests.push({
        envelope: result.envelope,
        body,
        bytes: new TextEncoder().encode(body).length,
        contentType: request.headers.get('content-type'),
        credentials: request.credentials,
        status: reply.status,
      });
      return reply;
    }),
  );
  const accepted = () => requests.filter((r) => r.status >= 200 && r.status < 300);
  return {
    requests,
    accepted,
    events: (): ZmotEvent[] => accepted().flatMap((r) => r.envelope.events),
  };
}

/** The page's configuration and the queue as a fresh page would have them; no outbox left by earlier tests. */
export function freshTelemetry(): void {
  configure({ site: 'acme', endpoint: '/z/events', consent: 'granted', sample: 1, dataLayer: undefined });
  resetTransport();
  for (const key of outboxKeys()) localStorage.removeItem(key);
}

export function outboxKeys(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith(OUTBOX_PREFIX));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function until(condition: () => unknown, message: string, timeout = 4000): Promise<void> {
  await waitUntil(condition, message, { timeout, interval: 20 });
}

/** Captures console.warn while a test expects warnings, so the console stays quiet. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}
