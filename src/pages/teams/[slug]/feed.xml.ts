/** `/teams/<slug>/feed.xml`: a team's Atom feed for its manager: its CSMs' actions, new actions and book changes. */
import { loadReport } from '../../../report/load.ts';
import type { TeamReport } from '../../../report/model.ts';
import { atomResponse, teamFeed } from '../../../views/feed.ts';

export function getStaticPaths() {
  return loadReport().teams.map((team) => ({ params: { slug: team.slug }, props: { team } }));
}

export function GET({ props }: { props: { team: TeamReport } }): Response {
  const model = loadReport();
  return atomResponse(teamFeed(model, props.team), model.config.siteUrl);
}
