/**
 * `dist/zmot-dashboard.js` (and `zmot/dashboard` for bundlers): `<zmot-dashboard>` with its chart library.
 * Never part of the drop-in. Defines the element as `zmot-dashboard` when that name is free (the collector's
 * page, or a page without the drop-in), and always as `zmot-dashboard-app`, the name under which the drop-in's
 * `zmot-dashboard` loader shows it.
 */
import { ZmotDashboard } from '../elements/dashboard/dashboard.js';
import { APP_TAG } from '../elements/dashboard/loader.js';

export { ZmotDashboard, type ZmotExportDetail } from '../elements/dashboard/dashboard.js';
export type { Report, SiteInfo, SitesAnswer, PeriodMetrics, BreakdownRow } from '../report/types.js';

if (!customElements.get('zmot-dashboard')) customElements.define('zmot-dashboard', ZmotDashboard);
if (!customElements.get(APP_TAG)) customElements.define(APP_TAG, class ZmotDashboardApp extends ZmotDashboard {});
