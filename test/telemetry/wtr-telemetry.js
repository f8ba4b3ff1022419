// Test-runner support for the telemetry tests (Node side of `web-test-runner`):
// - `collectorMiddleware`: a stand-in collector on the test server itself, a real HTTP endpoint at
//   `/__zmot/collect/<bucket>` that records every POST (beacons included) and answers 202, or 503 for the
//   first `fail` requests, or any `status` it is told.
// - commands: `collector` { bucket, fail?, status?, retryAfter?, keep? } sets a bucket up (and empties it
//   unless `keep`); `collected` { bucket } returns its requests; `tab-*` drive extra tabs (puppeteer) for
//   what a test page cannot do to itself: navigate away, go back, reload, close, be hidden, go offline,
//   start with empty storage (each `tab-open` without `context` is a fresh browser context). `tab-close-all`
//   closes the tabs of the test file that asks (files run side by side).
const buckets = new Map();
const tabs = new Map();
let nextTab = 1;

function bucketOf(name) {
  if (!buckets.has(name)) buckets.set(name, { requests: [], fail: 0, status: 202, retryAfter: undefined });
  return buckets.get(name);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function collectorMiddleware(ctx, next) {
  const match = /^\/__zmot\/collect\/([\w-]+)$/.exec(ctx.path);
  if (!match) return next();
  const bucket = bucketOf(match[1]);
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return;
  }
  const body = await readBody(ctx.req);
  const failing = bucket.fail > 0;
  if (failing) bucket.fail -= 1;
  const status = failing ? 503 : bucket.status;
  bucket.requests.push({
    at: Date.now(),
    status,
    contentType: ctx.get('content-type'),
    cookie: ctx.get('cookie'),
    body,
  });
  if (bucket.retryAfter !== undefined && status !== 202) ctx.set('retry-after', String(bucket.retryAfter));
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = status === 202 ? JSON.stringify({ accepted: 1, duplicates: 0 }) : '{}';
}

async function openTab(session, { url, context: sibling }) {
  const page = session.browser.getPage(session.id);
  const context = sibling ? tabs.get(sibling).context : await page.browser().createBrowserContext();
  const tab = await context.newPage();
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') console.log(`[tab] ${message.type()}: ${message.text()}`);
  });
  const id = `tab${nextTab++}`;
  tabs.set(id, { tab, context, owned: !sibling, session: session.id });
  if (url) await tab.goto(new URL(url, page.url()).href, { waitUntil: 'load' });
  return id;
}

export function telemetryCommands() {
  return {
    name: 'zmot-telemetry-commands',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'collector': {
          const requests = payload.keep ? bucketOf(payload.bucket).requests : [];
          buckets.set(payload.bucket, { requests, fail: payload.fail ?? 0, status: payload.status ?? 202, retryAfter: payload.retryAfter });
          return true;
        }
        case 'collected':
          return bucketOf(payload.bucket).requests;
        case 'tab-open':
          return openTab(session, payload);
        case 'tab-eval':
          // Wrapped: a command that returns undefined counts as not handled.
          return { value: await tabs.get(payload.tab).tab.evaluate(payload.js) };
        case 'tab-goto': {
          const { tab } = tabs.get(payload.tab);
          await tab.goto(new URL(payload.url, tab.url()).href, { waitUntil: 'load' });
          return true;
        }
        case 'tab-back':
          await tabs.get(payload.tab).tab.goBack({ waitUntil: 'load' });
          return true;
        case 'tab-offline':
          await tabs.get(payload.tab).tab.setOfflineMode(payload.offline);
          return true;
        case 'tab-reload':
          await tabs.get(payload.tab).tab.reload({ waitUntil: 'load' });
          return true;
        case 'tab-front':
          await tabs.get(payload.tab).tab.bringToFront();
          return true;
        case 'tab-close': {
          const { tab, context, owned } = tabs.get(payload.tab);
          tabs.delete(payload.tab);
          await tab.close({ runBeforeUnload: payload.runBeforeUnload ?? false });
          if (owned && payload.closeContext) await context.close();
          return true;
        }
        case 'tab-close-all': {
          // The tabs this test file opened: test files run side by side, each closing its own.
          const own = [...tabs].filter(([, entry]) => entry.session === session.id);
          for (const [, { tab }] of own) await tab.close().catch(() => {});
          for (const [, { context, owned }] of own) if (owned) await context.close().catch(() => {});
          for (const [id] of own) tabs.delete(id);
          return true;
        }
        default:
          return undefined;
      }
    },
  };
}
