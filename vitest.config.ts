import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    // Each test file gets a fresh worker: some tests set process.env.TZ or
    // spawn servers, and must not leak into others.
    isolate: true,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
