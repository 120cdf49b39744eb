/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Two pages: the app (index.html) and the GraphQL explorer (graphiql.html), each its own entry
// so GraphiQL's editor never weighs on the app's first load. Hashed file names under assets/
// let the api serve them with a year-long cache (apps/api/src/web).
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: { '@tracker/domain/thai-date': here('../../libs/domain/src/shared/thai-date.ts') },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Lists each entry's files and their static imports: tools/check-bundle-size.mjs reads it.
    manifest: true,
    // GraphiQL's editor (monaco) is its own entry and far above Vite's 500 kB warning; the app's
    // own budget is checked by tools/check-bundle-size.mjs.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { app: here('index.html'), graphiql: here('graphiql.html') },
      // GraphiQL's packages carry React Compiler directives ("use no memo") a bundle cannot keep;
      // harmless, and hundreds of lines of noise in every build.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: [here('src/test/setup.ts')],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
