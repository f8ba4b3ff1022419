// Browser tests: real Chromium (Debian's), TypeScript through esbuild, msw's worker served at its root path.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The test tools are test/'s dependencies (test/package.json, installed by scripts/deps.js), not the root's.
const fromTest = (name) => import(pathToFileURL(createRequire(new URL('./test/package.json', import.meta.url)).resolve(name)).href);
const { esbuildPlugin } = await fromTest('@web/dev-server-esbuild');
const { chromeLauncher } = await fromTest('@web/test-runner-chrome');
import { chromiumPath, chromiumArgs } from './scripts/chromium.js';
import { zmotCommands } from './test/support/wtr-commands.js';
import { pageCommands } from './test/support/wtr-page.js';
import { collectorMiddleware, telemetryCommands } from './test/telemetry/wtr-telemetry.js';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: ['test/**/*.test.ts', '!test/collector/**', '!test/package/**', '!test/scripts/**', '!test/node_modules/**'],
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
      if (context.url === '/mockServiceWorker.js') context.url = '/test/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
    collectorMiddleware,
  ],
};
