/**
 * Viewable impressions (IAB/MRC): a widget is viewable when at least half of its pixels are in the viewport
 * while the document is visible, focused and not prerendering, for one continuous second. An element of
 * zero area never counts. A widget too tall to show half of itself counts once it fills half the viewport's
 * height (checked at every tenth of its area). One `IntersectionObserver` watches every widget.
 */
interface Watch {
  /** Enough of it is in the viewport. */
  seen: boolean;
  timer?: ReturnType<typeof setTimeout> | undefined;
  viewable: () => void;
}

const watched = new Map<Element, Watch>();
let observer: IntersectionObserver | undefined;

function pageViewable(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus() && !(document as Document & { prerendering?: boolean }).prerendering;
}

function check(element: Element, watch: Watch): void {
  if (watch.seen && pageViewable()) {
    watch.timer ??= setTimeout(() => {
      unwatch(element);
      watch.viewable();
    }, 1000);
  } else {
    clearTimeout(watch.timer);
    watch.timer = undefined;
  }
}

const checkAll = () => watched.forEach((watch, element) => check(element, watch));

function observed(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    const watch = watched.get(entry.target);
    if (!watch) continue;
    const { width, height } = entry.boundingClientRect;
    const root = entry.rootBounds;
    watch.seen =
      entry.isIntersecting &&
      width * height > 0 &&
      (entry.intersectionRatio >= 0.5 || (!!root && entry.intersectionRect.height >= root.height / 2));
    check(entry.target, watch);
  }
}

/** Calls `viewable` once `element` has been viewable for one continuous second. */
export function watch(element: Element, viewable: () => void): void {
  if (!observer) {
    observer = new IntersectionObserver(observed, { threshold: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
    // A prerendered page is hidden until it is shown: activation is a visibilitychange too.
    document.addEventListener('visibilitychange', checkAll);
    addEventListener('focus', checkAll);
    addEventListener('blur', checkAll);
  }
  unwatch(element);
  watched.set(element, { seen: false, viewable });
  observer.observe(element);
}

/** Stops watching `element`. */
export function unwatch(element: Element): void {
  const watch = watched.get(element);
  if (!watch) return;
  clearTimeout(watch.timer);
  watched.delete(element);
  observer?.unobserve(element);
}
