import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{domain,cli,stores,islands}/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
