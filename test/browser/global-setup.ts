/**
 * Builds the sample org once for the whole browser suite and serves it on localhost.
 * The build writes history snapshots into its data folder, so it runs on a copy of data/.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runBuild } from '../../src/pipeline/build.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the served site, e.g. `http://127.0.0.1:41234`. */
    siteUrl: string;
    /** The built site on disk. */
    siteDir: string;
    /** The copy of the sample exports the site was built from. */
    dataDir: string;
  }
}

/** Builds and serves the site; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(path.join(tmpdir(), 'browser-site-'));
  const dataDir = path.join(work, 'data');
  const siteDir = path.join(work, 'site');
  cpSync(path.resolve(import.meta.dirname, '../../data'), dataDir, { recursive: true });
  const lines: string[] = [];
  const code = await runBuild({ dataDir, outDir: siteDir, log: (line) => lines.push(line) });
  if (code !== 0) throw new Error(`the sample build exited with ${code}:\n${lines.join('\n')}`);
  const server = await serve(siteDir);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', siteDir);
  project.provide('dataDir', dataDir);
  return async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  };
}
