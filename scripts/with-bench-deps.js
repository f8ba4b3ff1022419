// `node --import ./scripts/with-bench-deps.js scripts/bench-….js`: installs bench/'s tools if needed
// (scripts/deps.js), then resolves from bench/node_modules the packages the root's node_modules does not have
// (Lighthouse, puppeteer-core, the peers the size benchmark compares with). The processes a benchmark starts
// (npm run bench runs each section's commands) inherit it through NODE_OPTIONS.
import { register } from 'node:module';
import { ensureDeps } from './deps.js';

ensureDeps('bench');
register('../bin/resolve-server.js', import.meta.url, { data: { parentURL: new URL('../bench/package.json', import.meta.url).href } });
const flag = `--import=${import.meta.url}`;
if (!process.env.NODE_OPTIONS?.includes(flag)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${flag}`.trim();
