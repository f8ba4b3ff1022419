/** One console warning per distinct message per page: a developer sees it, the console does not fill up. */
const warned = new Set<string>();

export function warnOnce(message: string): void {
  if (!warned.has(message)) console.warn(`zmot: ${message}`);
  warned.add(message);
}
