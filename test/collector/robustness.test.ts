/**
 * The collector as site owners run it (`zmot serve`, in its own process) against bad input, slow clients,
 * and a SIGKILL while batches stream in: every event that got a 202 must be stored exactly once after a
 * restart, and the rollups must agree with the raw events.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openPostgres } from '../../src/collector/store/postgres.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import type { Store } from '../../src/collector/store/types.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, BROWSER_UA, event, many, post, serveProcess, stopProcess, storeLocation, STORE_KINDS, type CollectorProcess, type StoreKind } from './helpers.js';

type Server = CollectorProcess;

const serve = (args: string[]) => serveProcess(['--port', '0', ...args]);
const stop = stopProcess;

const dbArgs = (where: { db?: string; databaseUrl?: string }) => (where.db ? ['--db', where.db] : ['--database-url', where.databaseUrl!]);
const open = (kind: StoreKind, where: { db?: string; databaseUrl?: string }): Promise<Store> | Store =>
  kind === 'sqlite' ? openSqlite(where.db!) : openPostgres(where.databaseUrl!);

/** Sends raw bytes and returns the status line's code and the body, however the server ends it. */
function raw(url: string, request: string | Buffer, trickle?: { every: number; bytes: string }): Promise<{ status: number; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('error', (error) => (text ? undefined : reject(error)));
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    socket.write(request, () => {
      if (trickle) timer = setInterval(() => socket.writable && socket.write(trickle.bytes), trickle.every);
      else socket.end();
    });
  });
}

for (const kind of STORE_KINDS) {
  describe(`robustness (${kind})`, () => {
    let where: { db?: string; databaseUrl?: string };
    let server: Server;
    let store: Store;

    before(async () => {
      where = await storeLocation(kind);
      server = await serve([...dbArgs(where), '--site', 'acme', '--rate-address', '0', '--rate-site', '0', '--request-timeout', '1']);
      store = await open(kind, where);
    });
    after(async () => {
      await stop(server);
      await store.close();
    });

    /** Sends a bad request, checks the answer, and that nothing changed in the store and a good batch still works. */
    async function refused(send: () => Promise<{ status: number; error: string }>, status: number, error: RegExp): Promise<void> {
      const before = await store.totals('acme');
      const answer = await send();
      assert.equal(answer.status, status, answer.error);
      assert.match(answer.error, error);
      const afterwards = await store.totals('acme');
      assert.deepEqual(afterwards, before, 'the store is unchanged');
      assert.deepEqual(afterwards.rollups, afterwards.events, 'rollups agree with raw events');
      assert.equal((await post(server.url, batch(many(1)))).status, 202, 'the collector still works');
    }
    const viaFetch = (body: unknown) => async () => {
      const answer = await post(server.url, body);
      return { status: answer.status, error: String(answer.body.error) };
    };

    test('malformed JSON', async () => {
      await refused(viaFetch('{"v":1,"site":"acme","events":[{"id":'), 400, /^body: not valid JSON/);
      await refused(viaFetch('\u0000\u0001garbage'), 400, /^body: not valid JSON/);
    });

    test('wrong types', async () => {
      await refused(viaFetch({ ...batch(many(3)), sent: 'yesterday' }), 400, /^sent: must be a number/);
      await refused(viaFetch(batch([...many(2), { ...event('render'), ts: '1763799999000' } as unknown as ZmotEvent])), 400, /^events\[2\]\.ts: must be/);
      await refused(viaFetch([batch(many(1))]), 400, /^batch: must be an object/);
      await refused(viaFetch({ ...batch([]), events: 'all of them' }), 400, /^events: must be an array/);
    });

    test('huge strings', async () => {
      await refused(viaFetch(batch([event('nps', { score: 2, comment: 'x'.repeat(60_000) })])), 400, /^events\[0\]\.comment: must be at most 2000 characters/);
      await refused(viaFetch(batch(many(1), { site: 's'.repeat(10_000) })), 400, /^site: must be at most 64 characters/);
    });

    test('a 10 MB body', async () => {
      // The server answers as soon as it sees the Content-Length, and closes the connection rather than
      // read the rest; raw sockets read that answer where fetch gives up on the broken pipe.
      const body = JSON.stringify({ ...batch(many(1)), padding: 'x'.repeat(10 * 1024 * 1024) });
      await refused(async () => {
        const head = `POST /v1/events HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER_UA}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`;
        const answer = await raw(server.url, head + body);
        return { status: answer.status, error: answer.text };
      }, 413, /larger than 64 KiB/);
      // The same without a Content-Length: chunked, cut off at 64 KiB.
      await refused(async () => {
        const head = `POST /v1/events HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER_UA}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n`;
        const chunk = 'x'.repeat(1024 * 1024);
        const chunks = Array.from({ length: 10 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
        const answer = await raw(server.url, `${head}${chunks}0\r\n\r\n`);
        return { status: answer.status, error: answer.text };
      }, 413, /larger than 64 KiB/);
    });

    test('an unknown site', async () => {
      await refused(viaFetch(batch(many(2), { site: 'nobody' })), 400, /^site: unknown site "nobody"/);
    });

    test('a slow client gets 408 and stores nothing', async () => {
      const events = many(2);
      await refused(async () => {
        const body = JSON.stringify(batch(events));
        const head = `POST /v1/events HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER_UA}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`;
        const answer = await raw(server.url, head + body.slice(0, 20), { every: 100, bytes: ' ' });
        return { status: answer.status, error: answer.text };
      }, 408, /request: not received in full within 1 s/);
      assert.equal((await store.storedIds(events.map((e) => e.id))).size, 0);
    });
  });

  describe(`crash safety (${kind})`, () => {
    test('SIGKILL while batches stream in: after a restart every acknowledged event is there exactly once', async () => {
      const where = await storeLocation(kind);
      const args = [...dbArgs(where), '--rate-address', '0', '--rate-site', '0'];
      let server = await serve(args);
      const acknowledged: ZmotEvent[][] = [];
      let stopping = false;
      let failures = 0;
      const mixed = () => [
        ...many(40),
        ...Array.from({ length: 5 }, (_, i) => event('share', { widget: 'recommend', channel: 'copy', ref: `R${i}` })),
        ...Array.from({ length: 5 }, (_, i) => event('nps', { widget: 'recommend', score: i * 2 })),
      ];
      const sender = async () => {
        while (!stopping) {
          const events = mixed();
          try {
            const answer = await post(server.url, batch(events));
            if (answer.status === 202) acknowledged.push(events);
          } catch {
            failures += 1; // the connection died with the server: this batch may or may not be stored
          }
        }
      };
      const senders = Array.from({ length: 6 }, sender);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await stop(server, 'SIGKILL');
      stopping = true;
      await Promise.all(senders);
      assert.ok(acknowledged.length >= 10, `enough batches went through before the kill (${acknowledged.length})`);

      server = await serve(args);
      const store = await open(kind, where);
      try {
        const ids = acknowledged.flat().map((e) => e.id);
        assert.equal((await store.storedIds(ids)).size, ids.length, 'every acknowledged event is stored');
        const totals = await store.totals('acme');
        assert.deepEqual(totals.rollups, totals.events, 'rollups agree with the raw events');
        const storedCount = Object.values(totals.events).reduce((a, b) => a + b, 0);
        assert.ok(storedCount >= ids.length && storedCount <= ids.length + failures * 50, `stored ${storedCount}, acknowledged ${ids.length}, unknown ${failures} batches`);
        // Retried after the restart, as a browser would: all duplicates, nothing stored twice.
        for (const events of acknowledged.slice(0, 20)) {
          const answer = await post(server.url, batch(events));
          assert.deepEqual(answer.body, { accepted: 0, duplicates: events.length });
        }
        assert.deepEqual(await store.totals('acme'), totals);
      } finally {
        await stop(server);
        await store.close();
      }
    });
  });
}
