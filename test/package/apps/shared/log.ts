/** One line of an app's event log: `zmot-event render rating trail-runner-2`, `zmot-error http nowhere`. */
export function eventLine(event: Event): string {
  const detail = ((event as CustomEvent<Record<string, unknown>>).detail ?? {}) as Record<string, unknown>;
  return [event.type, detail.type ?? detail.reason, detail.widget, detail.product].filter(Boolean).join(' ');
}
