/** Content collections: the metric definitions (one MDX file per metric key) and the per-account facts. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { METRIC_KEYS } from './report/model.ts';
import { ACCOUNT_FACT_KEYS } from './report/views.ts';

const metrics = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/metrics' }),
  schema: z.strictObject({ key: z.enum(METRIC_KEYS) }),
});

const facts = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/facts' }),
  schema: z.strictObject({ key: z.enum(ACCOUNT_FACT_KEYS) }),
});

export const collections = { metrics, facts };
