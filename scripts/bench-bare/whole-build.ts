/** The bench's whole-build run, in its own process so its peak memory is its own: prints JSON. */
import { runBuild } from '../../src/pipeline/build.ts';

const [dataDir, outDir] = process.argv.slice(2) as [string, string];
const start = performance.now();
const code = await runBuild({ dataDir, outDir, log: () => {} });
console.log(JSON.stringify({ code, ms: performance.now() - start, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
