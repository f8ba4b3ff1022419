// Test-runner commands for the look of a page (puppeteer, Node side of `web-test-runner`):
// - `screenshot` { x, y, width, height }: a PNG (base64) of that rectangle of the test page, in CSS pixels,
//   for tests that check what is drawn: which end of the stars is filled, where a bar starts, which way
//   a chevron points.
// - `media-features` { features: [{ name, value }] }: emulates CSS media features the built-in
//   `emulateMedia` does not reach under puppeteer (`forced-colors`); `[]` resets them.
export function pageCommands() {
  return {
    name: 'zmot-page-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot' && command !== 'media-features') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs the puppeteer (Chrome) launcher`);
      const page = session.browser.getPage(session.id);
      if (command === 'media-features') {
        await page.emulateMediaFeatures(payload.features);
        return true;
      }
      const { x, y, width, height } = payload;
      return page.screenshot({ clip: { x, y, width, height }, encoding: 'base64', captureBeyondViewport: false });
    },
  };
}
