/** The collector as a library (`zmot/collector`): run it inside another Node program or test against it. */
export { createCollector, type Collector, type CollectorOptions } from './server.js';
export { openStore, describeStore, type StoreOptions } from './store/open.js';
export type { Store } from './store/types.js';
export { buildReport, type Report, type PeriodMetrics, type ZmotMetrics, type UmotMetrics } from './metrics.js';
export { formatReport } from './report.js';
export { parseImport, CSV_COLUMNS } from './import.js';
export { homePage, type HomeLink } from './home.js';
export { STRICT_CSP } from './csp.js';
export { main } from './cli.js';
