/**
 * The behaviour of the WAI-ARIA carousel pattern for a host that renders one slide at a time: which slide
 * is current, previous/next with wrap-around, arrow keys, swipe, and automatic rotation that only runs when
 * asked for and pauses on hover, on focus, in a hidden tab and under `prefers-reduced-motion`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface CarouselHost extends ReactiveControllerHost, HTMLElement {
  autoplay: boolean;
  /** Milliseconds each slide shows while rotating. */
  interval: number;
}

export type Step = 'next' | 'prev';

const SWIPE = 40; // px a finger must travel sideways to change slides

export class Carousel implements ReactiveController {
  index = 0;
  count = 0;
  private choice: 'play' | 'stop' | undefined;
  private hovered = false;
  private focused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private motion: MediaQueryList | undefined;
  private swipe: { id: number; x: number; y: number } | undefined;
  private readonly refresh = () => this.host.requestUpdate();

  constructor(
    private readonly host: CarouselHost,
    /** Called when the visitor (not the rotation) changes slides. */
    private readonly onStep: (step: Step) => void,
  ) {
    host.addController(this);
  }

  /** Rotation is on (`autoplay`, not stopped by the visitor or, unless they restart it, by reduced motion). */
  get playing(): boolean {
    if (!this.host.autoplay || this.count < 2) return false;
    return this.choice ? this.choice === 'play' : !this.motion?.matches;
  }

  /** Rotation is on and not paused by hover, focus or a hidden tab: slides are changing by themselves. */
  get rotating(): boolean {
    return this.playing && !this.hovered && !this.focused && document.visibilityState === 'visible';
  }

  hostConnected(): void {
    this.motion = matchMedia('(prefers-reduced-motion: reduce)');
    this.motion.addEventListener('change', this.refresh);
    document.addEventListener('visibilitychange', this.refresh);
  }

  hostDisconnected(): void {
    this.motion?.removeEventListener('change', this.refresh);
    document.removeEventListener('visibilitychange', this.refresh);
    this.stopTimer();
  }

  hostUpdated(): void {
    if (!this.rotating) this.stopTimer();
    else if (this.timer === undefined) this.startTimer();
  }

  /** Shows slide `index` (wrapping around); `step` says the visitor asked for it. */
  go(index: number, step?: Step): void {
    if (this.count < 1) return;
    this.index = ((index % this.count) + this.count) % this.count;
    this.stopTimer(); // a full interval for the slide just shown
    this.host.requestUpdate();
    if (step) this.onStep(step);
  }

  next = (): void => this.go(this.index + 1, 'next');
  prev = (): void => this.go(this.index - 1, 'prev');

  /** The rotation control: stop, or start again. */
  toggle = (): void => {
    this.choice = this.playing ? 'stop' : 'play';
    this.host.requestUpdate();
  };

  onPointerEnter = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse') this.setHovered(true);
  };

  onPointerLeave = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse') this.setHovered(false);
  };

  onFocusIn = (): void => {
    this.focused = true;
    this.host.requestUpdate();
  };

  onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (to && (event.currentTarget as Node).contains(to)) return;
    this.focused = false;
    this.host.requestUpdate();
  };

  onKeyDown = (event: KeyboardEvent): void => {
    if ((event.target as Element).closest('select, input, textarea')) return;
    const rtl = this.host.matches(':dir(rtl)');
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward) this.next();
    else if (event.key === back) this.prev();
    else if (event.key === 'Home' && this.index !== 0) this.go(0, 'prev');
    else if (event.key === 'End' && this.index !== this.count - 1) this.go(this.count - 1, 'next');
    else return;
    event.preventDefault();
  };

  onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' && event.isPrimary) this.swipe = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };

  onPointerUp = (event: PointerEvent): void => {
    const start = this.swipe;
    this.swipe = undefined;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    if (Math.abs(dx) < SWIPE || Math.abs(dx) < Math.abs(event.clientY - start.y)) return;
    // A finger moving left brings the next slide in (from the right), mirrored in right-to-left pages.
    const forward = this.host.matches(':dir(rtl)') ? dx > 0 : dx < 0;
    if (forward) this.next();
    else this.prev();
  };

  onPointerCancel = (): void => {
    this.swipe = undefined;
  };

  private setHovered(hovered: boolean): void {
    this.hovered = hovered;
    this.host.requestUpdate();
  }

  private startTimer(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.go(this.index + 1);
    }, Math.max(1000, this.host.interval || 0));
  }

  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
