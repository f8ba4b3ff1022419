// Browser tests: real Chromium (Debian's), TypeScript through esbuild, msw's worker served at its root path.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, chromiumArgs } from './scripts/chromium.js';
import { zmotCommands } from './test/support/wtr-commands.js';
import { pageCommands } from './test/support/wtr-page.js';
import { collectorMiddleware, telemetryCommands } from './test/telemetry/wtr-telemetry.js';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: ['test/**/*.test.ts', '!test/collector/**', '!test/package/**', '!test/scripts/**'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  // 20 s: axe over the whole dashboard (report, comments, reputation) took over 10 s on a shared 2-core machine at load 13.
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
      // Each test page in a browser context (a window) of its own: as tabs of one window, all but the newest
      // would be hidden, and with concurrency 2 a test could find its page hidden (no animation frames, no
      // viewable impressions). Only one window has the focus at a time, though, and a viewable impression
      // needs a focused document: emulate focus for every test page, as Playwright does by default.
      createPage: async ({ browser }) => {
        const page = await (await browser.createBrowserContext()).newPage();
        const client = await page.createCDPSession();
        await client.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig, target: 'es2022', define: { __ZMOT_VERSION__: '"test"' } }),
    zmotCommands(),
    pageCommands(),
    telemetryCommands(),
  ],
  middleware: [
    function mockServiceWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
    collectorMiddleware,
  ],
};
