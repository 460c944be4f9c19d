import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

/**
 * Shared vitest settings. The `@newind/source` export condition makes every
 * `@newind/*` import resolve to its `src/*.ts`, so tests never need a build of
 * the packages they import (typecheck does the same through `customConditions`).
 */
export const sourceConditions = ["@newind/source"];

export default defineConfig({
  resolve: { conditions: [...sourceConditions, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [...sourceConditions, ...defaultServerConditions] } },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    env: { NO_COLOR: "1", FORCE_COLOR: "0" },
  },
});
