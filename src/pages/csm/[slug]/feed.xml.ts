/** `/csm/<slug>/feed.xml`: a CSM's Atom feed of the week's actions, new actions and book changes. */
import { loadReport } from '../../../report/load.ts';
import type { CsmReport } from '../../../report/model.ts';
import { atomResponse, csmFeed } from '../../../views/feed.ts';

export function getStaticPaths() {
  return loadReport().csms.map((csm) => ({ params: { slug: csm.slug }, props: { csm } }));
}

export function GET({ props }: { props: { csm: CsmReport } }): Response {
  const model = loadReport();
  return atomResponse(csmFeed(model, props.csm), model.config.siteUrl);
}
