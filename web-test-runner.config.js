// Browser tests: real Chromium (Debian's), TypeScript through esbuild, msw's worker served at its root path.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, chromiumArgs } from './scripts/chromium.js';
import { zmotCommands } from './test/support/wtr-commands.js';
import { collectorMiddleware, telemetryCommands } from './test/telemetry/wtr-telemetry.js';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: ['test/**/*.test.ts', '!test/collector/**'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig, target: 'es2022', define: { __ZMOT_VERSION__: '"test"' } }),
    zmotCommands(),
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
