import { defineConfig } from "vitest/config";

// Browser tests: real Chromium against the built dist/, served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: "Europe/Copenhagen" }
  }
});
