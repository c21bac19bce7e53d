/**
 * Builds the sample org once for the whole browser suite and serves it on localhost under a base
 * path, as GitLab Pages serves a project: every test then also checks that links, assets and search
 * work under it. The build writes history snapshots into its data folder, so it runs on a copy of data/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runBuild } from '../../src/pipeline/build.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site's address with its base path and no trailing slash, e.g. `http://127.0.0.1:41234/cs-report`. */
    siteUrl: string;
    /** The origin alone, for hrefs read from the pages (they hold the base path). */
    siteOrigin: string;
    /** The built site on disk. */
    siteDir: string;
    /** The copy of the sample exports the site was built from. */
    dataDir: string;
  }
}

/** The base path the suite's site is built for and served under (no trailing slash). */
export const BASE_PATH = '/cs-report';

/** Source-system links of the suite's site (the config's `links`). */
export const SOURCE_LINKS = {
  account: 'https://crm.example.com/account/{id}',
  opportunity: 'https://crm.example.com/opportunity/{id}',
  successPlan: 'https://cs.example.com/plan/{id}',
  cta: 'https://cs.example.com/cta/{id}',
};

/** Builds and serves the site; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(path.join(tmpdir(), 'browser-site-'));
  const dataDir = path.join(work, 'data');
  const siteDir = path.join(work, 'site');
  cpSync(path.resolve(import.meta.dirname, '../../data'), dataDir, { recursive: true });
  const configFile = path.join(dataDir, 'config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(configFile, JSON.stringify({ ...config, basePath: `${BASE_PATH}/`, links: SOURCE_LINKS }));
  const lines: string[] = [];
  const code = await runBuild({ dataDir, outDir: siteDir, log: (line) => lines.push(line) });
  if (code !== 0) throw new Error(`the sample build exited with ${code}:\n${lines.join('\n')}`);
  const server = await serve(siteDir, `${BASE_PATH}/`);
  project.provide('siteUrl', `${server.origin}${BASE_PATH}`);
  project.provide('siteOrigin', server.origin);
  project.provide('siteDir', siteDir);
  project.provide('dataDir', dataDir);
  return async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  };
}
