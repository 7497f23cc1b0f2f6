import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{domain,cli,stores,islands}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The CLI tests start Node processes; a busy machine must not fail them on time alone.
    testTimeout: 30_000,
  },
});
