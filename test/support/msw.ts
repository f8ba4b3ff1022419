// One msw worker for a test file: start it before the tests, clear its handlers after each.
import { setupWorker } from 'msw/browser';

export const worker = setupWorker();

export async function startWorker(): Promise<void> {
  await worker.start({ quiet: true, onUnhandledRequest: 'error' });
}
