// Test-runner commands for the look of a page (puppeteer, Node side of `web-test-runner`):
// - `screenshot` { x, y, width, height }: a PNG (base64) of that rectangle of the test page, in CSS pixels,
//   for tests that check what is drawn: which end of the stars is filled, where a bar starts, which way
//   a chevron points.
// - `media-features` { features: [{ name, value }] }: emulates CSS media features the built-in
//   `emulateMedia` does not reach under puppeteer (`forced-colors`); `[]` resets them.
// - `a11y-tree`: the page's accessibility tree as Chromium gives it to screen readers (roles, names,
//   states), shadow roots included.
// - `save-screenshot` { path }: the whole test page as a JPEG at `path`, relative to test/screenshots/ (git-ignored),
//   for a reviewer to look at; no test compares its pixels.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sessions = new WeakMap();

export function pageCommands() {
  return {
    name: 'zmot-page-commands',
    async executeCommand({ command, payload, session }) {
      if (!['screenshot', 'media-features', 'a11y-tree', 'save-screenshot'].includes(command)) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs the puppeteer (Chrome) launcher`);
      const page = session.browser.getPage(session.id);
      if (command === 'a11y-tree') return page.accessibility.snapshot({ interestingOnly: false });
      if (command === 'save-screenshot') {
        const root = fileURLToPath(new URL('./screenshots/', new URL('..', import.meta.url)));
        const path = resolve(root, payload.path);
        if (!path.startsWith(root)) throw new Error(`save-screenshot: ${payload.path} is outside test/screenshots/`);
        await mkdir(dirname(path), { recursive: true });
        await page.screenshot({ path, type: 'jpeg', quality: 60, fullPage: true });
        return true;
      }
      if (command === 'media-features') {
        // Through the DevTools protocol: puppeteer's emulateMediaFeatures refuses `forced-colors`. The
        // emulation lasts as long as the session, so each page keeps its own.
        let client = sessions.get(page);
        if (!client) {
          client = await page.createCDPSession();
          sessions.set(page, client);
        }
        await client.send('Emulation.setEmulatedMedia', { features: payload.features });
        return true;
      }
      const { x, y, width, height } = payload;
      return page.screenshot({ clip: { x, y, width, height }, encoding: 'base64', captureBeyondViewport: false });
    },
  };
}
