import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Lab and connector tests start real servers; their own timeouts say how long each may take.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
