/** The built site served on a free localhost port, under its base path. */
export { serveSite as serve } from '../../src/preview/serve.ts';
