/** Loading the config file (JSON) at the edge; validation is `parseConfig`'s. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../config.ts';

/**
 * The config from `configPath`, else `<dataDir>/config.json` when it exists, else the defaults.
 * Errors name the file and the key path.
 */
export async function loadConfig(configPath: string | undefined, dataDir: string): Promise<{ ok: true; config: Config } | { ok: false; errors: string[] }> {
  const file = configPath ?? path.join(dataDir, 'config.json');
  if (!configPath && !existsSync(file)) return { ok: true, config: DEFAULT_CONFIG };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ok: false, errors: [`${file}: config file not found.`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${file}: not valid JSON (${(e as Error).message}).`] };
  }
  const parsed = parseConfig(json);
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors.map((e) => `${file}: ${e}`) };
}

/** Today's calendar date in a time zone, as YYYY-MM-DD (the only clock read of a build). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
