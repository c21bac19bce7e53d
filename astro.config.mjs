// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The build script (scripts/build.ts) computes the report model first and runs Astro with
// REPORT_MODEL pointing at it; pages only read that model. REPORT_BASE_PATH is the config's
// `basePath`, the URL path the site is served under (src/views/links.ts puts it before every link).
export default defineConfig({
  base: process.env.REPORT_BASE_PATH || '/',
  integrations: [mdx()],
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // MDX content modules carry Astro's own "use astro:head-inject" directive; the bundler's
        // note that it may not be preserved is expected and says nothing about the site.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
