/** `npm run build -- --data DIR --out DIR --as-of YYYY-MM-DD [--config FILE] [--allow-drop]` */
import { parseArgs } from 'node:util';
import { runBuild } from '../src/pipeline/build.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist' },
    'as-of': { type: 'string' },
    config: { type: 'string' },
    'allow-drop': { type: 'boolean', default: false },
  },
});

process.exitCode = await runBuild({
  dataDir: values.data,
  outDir: values.out,
  asOf: values['as-of'],
  configPath: values.config,
  allowDrop: values['allow-drop'],
});
