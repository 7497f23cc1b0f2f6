import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

import { serviceWorker } from './scripts/service-worker.mjs';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  integrations: [preact(), serviceWorker()],
  i18n: {
    locales: ['en', 'fr', 'es', 'ar'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  build: { inlineStylesheets: 'never' },
  server: { port: 4321 },
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  // A strict Content Security Policy: only this site's own scripts (inline ones by hash),
  // no connection, font or frame from anywhere else.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
