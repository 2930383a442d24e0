import { defineConfig } from "vitest/config";

// Two projects: "unit" runs without a build; "browser" tests the built site (dist/) and the packed
// engine package in Chromium, and runs after `astro build` (see the test:site script). Browser test files share one machine's two
// cores with a real browser, so they run one at a time.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/site/*.test.ts", "test/package/*.test.ts", "**/node_modules/**"] },
      },
      {
        extends: true,
        test: { name: "browser", include: ["test/site/*.test.ts", "test/package/*.test.ts"], fileParallelism: false, testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
