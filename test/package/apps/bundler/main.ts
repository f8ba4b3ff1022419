// Plain TypeScript through a bundler: the package's classes, `zmot/define`, typed events on `document`.
import { summarise, ZmotRating } from 'zmot';
import 'zmot/define';
import { trailRunner } from '../shared/feeds';
import { eventLine } from '../shared/log';

const log = document.getElementById('log')!;
document.addEventListener('zmot-event', (event) => {
  const item = document.createElement('li');
  item.textContent = `${eventLine(event)} ${event.detail.id.length > 0}`;
  log.append(item);
});
const rating = document.querySelector('zmot-rating')!;
rating.data = trailRunner;
document.body.dataset.sameClass = String(customElements.get('zmot-rating') === ZmotRating);
document.body.dataset.summary = summarise(trailRunner).rating.toFixed(2);
