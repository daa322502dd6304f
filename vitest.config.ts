import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the compiled CLI on real documents; give them room on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
