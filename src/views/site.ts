/** What the chrome of every page (header and footer) shows. */
import type { ReportModel } from '../report/model.ts';
import { exportRows } from './data-quality.ts';
import { formatExportTime } from './format.ts';

/** What the header and footer of every page show: the as-of date and each export's time. */
export interface SiteMeta {
  asOf: string;
  fiscalQuarter: string;
  exports: { file: string; time: string }[];
}

const siteMetas = new WeakMap<ReportModel, SiteMeta>();

/** The page chrome's facts, computed once per model. */
export function siteMeta(model: ReportModel): SiteMeta {
  let meta = siteMetas.get(model);
  if (!meta) {
    meta = {
      asOf: model.asOf,
      fiscalQuarter: model.fiscalQuarter,
      exports: exportRows(model)
        .filter((r) => r.present)
        .map((r) => ({ file: r.file, time: formatExportTime(r.exportTime) })),
    };
    siteMetas.set(model, meta);
  }
  return meta;
}
