// The bench's floor for reading: papaparse's bare streaming parse of every CSV in a folder, records
// counted and dropped. Plain JavaScript so that the floor pays no type stripping at start-up.
import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const dir = process.argv[2] ?? 'data';
let rows = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
  await new Promise((resolve, reject) => {
    Papa.parse(createReadStream(path.join(dir, file), 'utf8'), { step: () => void rows++, complete: resolve, error: reject });
  });
}
console.log(`${rows} records`);
