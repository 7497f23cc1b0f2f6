/**
 * Registers the service worker that keeps the whole site offline, and tells
 * the reader when a newer build is ready instead of swapping it under them.
 */
export function registerServiceWorker(banner: HTMLElement | null): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let accepted = false;
  const offer = (worker: ServiceWorker) => {
    if (!banner) return;
    banner.hidden = false;
    banner.querySelector('button')?.addEventListener(
      'click',
      () => {
        accepted = true;
        worker.postMessage('skip-waiting');
      },
      { once: true },
    );
  };
  container.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  void container
    .register('/sw.js')
    .then((registration) => {
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && container.controller) offer(worker);
        });
      });
    })
    .catch(() => {
      // Offline use is a bonus: a browser that refuses service workers still has the site.
    });
}
