/** `metrics.json`: the report model's numbers in the exact format of METRICS.md "Output". */
import { METRIC_KEYS, PRESIDENTS_CLUB_CATEGORIES, type ReportModel, type Scorecard } from './model.ts';

const values = (card: Scorecard) => Object.fromEntries(METRIC_KEYS.map((k) => [k, card[k].value]));
const statuses = (card: Scorecard) => Object.fromEntries(METRIC_KEYS.map((k) => [k, card[k].status]));

/** The metrics.json document of a model (emails are already lower case in the model). */
export function metricsJson(model: ReportModel): unknown {
  return {
    asOf: model.asOf,
    fiscalQuarter: model.fiscalQuarter,
    org: { metrics: values(model.org.scorecard), status: statuses(model.org.scorecard) },
    teams: model.teams.map((t) => ({ manager: t.manager, name: t.name, metrics: values(t.scorecard), status: statuses(t.scorecard) })),
    csms: model.csms.map((c) => ({
      email: c.email,
      name: c.name,
      manager: c.manager,
      role: c.role,
      metrics: values(c.scorecard),
      status: statuses(c.scorecard),
      presidentsClub: {
        fiscalYear: c.presidentsClub.fiscalYear,
        ...Object.fromEntries(PRESIDENTS_CLUB_CATEGORIES.map((k) => [k, c.presidentsClub[k]])),
        categoryPoints: Object.fromEntries(PRESIDENTS_CLUB_CATEGORIES.map((k) => [k, c.presidentsClub.categoryPoints[k]])),
        points: c.presidentsClub.points,
        rank: c.presidentsClub.rank,
      },
    })),
  };
}
