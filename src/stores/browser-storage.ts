/** Connects `$assessments` to this browser's localStorage, once per page. */
import { connectStorage } from './assessments.ts';

let connected = false;

function usableStorage(): Storage | undefined {
  try {
    const storage = window.localStorage;
    // Some private modes expose localStorage but refuse every write.
    const probe = 'cairn:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

export function connectBrowserStorage(): void {
  if (connected || typeof window === 'undefined') return;
  connected = true;
  connectStorage(usableStorage(), window);
}
