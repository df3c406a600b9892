// Vite builds three pages into dist/ (embedded by web.go): the explorer
// (index.html), GraphiQL (graphiql.html) and the views' embed (embed.html).
// Everything comes from npm packages at build time; the built pages load
// nothing from elsewhere.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

// dist/.gitkeep is committed so that `//go:embed all:dist` compiles before
// the first build; Vite empties dist/, so put it back after each build.
const keepGitkeep = {
  name: 'counterpoint-keep-gitkeep',
  closeBundle() {
    writeFileSync(resolve(here, 'dist/.gitkeep'), '');
  },
};

export default defineConfig({
  root: here,
  base: '/',
  plugins: [keepGitkeep],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        index: resolve(here, 'index.html'),
        graphiql: resolve(here, 'graphiql.html'),
        embed: resolve(here, 'embed.html'),
      },
      // GraphiQL's dependencies mark modules "use client" (a React Server
      // Components hint that means nothing in a bundle).
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    // `npm run dev` proxies the API to a running server.
    proxy: { '/graphql': process.env.COUNTERPOINT_API || 'http://127.0.0.1:8080' },
  },
});
