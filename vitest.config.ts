import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the compiled CLI on real documents; give them room on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // npm run coverage: the compiled CLI that tests start as child processes writes V8 coverage here (c8 maps it back to src).
    env: process.env.CLI_COVERAGE_DIR ? { NODE_V8_COVERAGE: path.resolve(process.env.CLI_COVERAGE_DIR) } : {},
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The code the tests run in this process; what the compiled CLI runs in child processes is collected
      // by Node (NODE_V8_COVERAGE) and mapped back to src by c8. npm run coverage prints both as one table.
      reportsDirectory: 'coverage/in-process',
      reporter: ['json', 'html'],
    },
  },
});
