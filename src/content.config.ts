/**
 * Content collections: the metric definitions (one MDX file per metric key), the per-account facts,
 * the QBR's per-quarter plays numbers, the President's Club numbers, and QBR narratives.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { METRIC_KEYS } from './report/model.ts';
import { ACCOUNT_FACT_KEYS, PLAY_KEYS } from './views/labels.ts';
import { PRESIDENTS_CLUB_KEYS } from './views/presidents-club.ts';

const metrics = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/metrics' }),
  schema: z.strictObject({ key: z.enum(METRIC_KEYS) }),
});

const facts = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/facts' }),
  schema: z.strictObject({ key: z.enum(ACCOUNT_FACT_KEYS) }),
});

const plays = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/plays' }),
  schema: z.strictObject({ key: z.enum(PLAY_KEYS) }),
});

const presidentsClub = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/presidents-club' }),
  schema: z.strictObject({ key: z.enum(PRESIDENTS_CLUB_KEYS) }),
});

/**
 * A manager's narrative of a quarter: `src/content/qbr/<quarter>/<org or team slug>.mdx`, shown on
 * that QBR page. The id keeps the path's case (`FY27-Q3/org`) so it reads as the page's address.
 */
const qbr = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './src/content/qbr', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: z.strictObject({ author: z.string().min(1) }),
});

export const collections = { metrics, facts, plays, presidentsClub, qbr };
