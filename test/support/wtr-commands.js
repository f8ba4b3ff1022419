// Test-runner commands that need the browser itself (puppeteer), for journeys a page cannot make alone:
// - `grant-permissions` { permissions }: grants the test page's origin permissions (clipboard …).
// - `visit` { url, localStorage?, endpoint?, scripts? }: opens `url` in a new tab of a fresh browser context
//   (another visitor's browser: empty storage, but for the `localStorage` items given, written before the
//   page's scripts run), records every `zmot-event` the page dispatches and every POST to `endpoint`
//   (answered 202), runs `scripts` in the page one by one, and returns { url, events, batches, results }.
//   Never the test's own context: a drop-in page there would adopt the outboxes other test files left.
// - `render-element` { tag, attributes, feed }: the element's HTML from the built `zmot/ssr` (dist/ssr), as a
//   site's server would render it.
export function zmotCommands() {
  return {
    name: 'zmot-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'render-element') {
        const { renderElement } = await import(new URL('../../dist/ssr/index.js', import.meta.url).href);
        return renderElement(payload.tag, payload.attributes, payload.feed);
      }
      if (command !== 'grant-permissions' && command !== 'visit') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs the puppeteer (Chrome) launcher`);
      const page = session.browser.getPage(session.id);
      if (command === 'grant-permissions') {
        await page.browserContext().overridePermissions(new URL(page.url()).origin, payload.permissions);
        return true;
      }
      return visit(page, payload);
    },
  };
}

async function visit(page, { url, localStorage: items = {}, endpoint, scripts = [] }) {
  const context = await page.browser().createBrowserContext();
  const tab = await context.newPage();
  const batches = [];
  try {
    if (endpoint) {
      const target = new URL(endpoint, url).href;
      await tab.setRequestInterception(true);
      tab.on('request', (request) => {
        if (request.url() === target && request.method() === 'POST') {
          batches.push(JSON.parse(request.postData() ?? 'null'));
          void request.respond({ status: 202, contentType: 'application/json', body: '{}' });
        } else {
          void request.continue();
        }
      });
    }
    await tab.evaluateOnNewDocument((seed) => {
      window.__zmotEvents = [];
      document.addEventListener('zmot-event', (event) => window.__zmotEvents.push(event.detail));
      try {
        for (const [key, value] of Object.entries(seed)) if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      } catch {
        // about:blank and other opaque documents have no storage.
      }
    }, items);
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.zmot !== undefined, { timeout: 5000 });
    const results = [];
    for (const script of scripts) results.push(await tab.evaluate(script));
    return { url: tab.url(), events: await tab.evaluate(() => window.__zmotEvents), batches, results };
  } finally {
    await context.close();
  }
}
