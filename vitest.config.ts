import { defineConfig } from "vitest/config";

// Unit tests only; the browser tests against the built site have their own config.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    env: { TZ: "Europe/Copenhagen" },
    testTimeout: 60_000,
    // loaders run inside beforeAll hooks; a loaded 2-core machine needs more than the default 10 s
    hookTimeout: 180_000
  }
});
