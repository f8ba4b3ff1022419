// React 19 host: React sets custom elements' properties (`data`) and listens to their events (`onzmot-event`).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from 'zmot/react';
import 'zmot/define';
import { ridgeHiker, trailRunner } from '../shared/feeds';
import { eventLine } from '../shared/log';

function App() {
  const [compact, setCompact] = useState(false);
  const [feed, setFeed] = useState<object>(trailRunner);
  const [log, setLog] = useState<string[]>([]);
  const record = (event: Event) => setLog((lines) => [...lines, eventLine(event)]);
  return (
    <main>
      <zmot-rating id="rating" data={feed} variant={compact ? 'compact' : 'full'} no-structured-data onzmot-event={record} onzmot-error={record} />
      <zmot-testimonials id="testimonials" data={feed} layout="grid" min-rating={4} limit={2} no-structured-data onzmot-event={record} />
      <zmot-rating id="broken" product="nowhere" feed="/missing/{product}.json" onzmot-error={record} />
      <button id="compact" type="button" onClick={() => setCompact((c) => !c)}>Compact</button>
      <button id="next" type="button" onClick={() => setFeed(ridgeHiker)}>Next product</button>
      <ul id="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
