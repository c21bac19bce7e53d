/**
 * `npm run check -- --data DIR [--config FILE] [--as-of YYYY-MM-DD] [--out DIR] [--allow-drop]`: the
 * build without writing. Reads and validates the exports, applies every rule of the build (the
 * reject rate, the drop check against the previous build's history, the --out refusals when --out
 * is given) and exits with the build's code: 0 fine, 2 fatal, 3 too many rejected rows, 4 a
 * suspicious drop. Nothing is written or renamed, not even a damaged history file (it is reported).
 */
import { parseArgs } from 'node:util';
import { EXIT, evaluate } from '../src/pipeline/build.ts';
import { describeError } from '../src/pipeline/errors.ts';
import { checkOut } from '../src/pipeline/site-dir.ts';
import { keepHeapNearLiveSize } from '../src/pipeline/heap.ts';

keepHeapNearLiveSize();

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        data: { type: 'string', default: 'data' },
        config: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        'allow-drop': { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: npm run check -- --data DIR [--config FILE] [--as-of YYYY-MM-DD] [--out DIR] [--allow-drop]`);
    return EXIT.fatal;
  }
  const out = args.out;
  const result = await evaluate(
    { dataDir: args.data!, configPath: args.config, asOf: args['as-of'], allowDrop: args['allow-drop'] },
    true,
    async (historyDir) => {
      if (out === undefined) return null;
      const state = await checkOut(out, args.data!, historyDir);
      return state.kind === 'refused' ? state.message : null;
    },
  );
  const code = typeof result === 'number' ? result : result.code;
  console.log(code === EXIT.ok ? '\nThe exports are fine to build from.' : `\nThe build would stop (exit code ${code}).`);
  return code;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`error   ${describeError(e)}`);
  process.exitCode = EXIT.failed;
}
