// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The build script (scripts/build.ts) computes the report model first and runs Astro with
// REPORT_MODEL pointing at it; pages only read that model.
export default defineConfig({
  integrations: [mdx()],
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
});
