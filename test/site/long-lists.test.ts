/**
 * The long lists of the onboarding page and the 1:1 agendas: tools from 20 rows on, none below,
 * and downloads with the same rows as the table, formulas neutralised.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../src/report/one-on-one.ts';
import { csvText } from '../../src/views/csv.ts';
import { agendaCsv, agendaSections } from '../../src/views/one-on-one.ts';
import { cohortRows, cohortTools } from '../../src/views/onboarding.ts';
import { makeModel } from '../fixtures/site/make-model.ts';

const FORMULA = '=1+2';

/** A week-3 agenda whose one list holds the first `n` accounts of the fixture, the first named like a formula. */
function agendaOf(n: number): { model: ReturnType<typeof makeModel>; agenda: Agenda } {
  const model = makeModel();
  model.accounts[0]!.name = FORMULA;
  const accounts = model.accounts.slice(0, n).map((a) => ({ id: a.id, name: a.name, csmEmail: a.csmEmail, detail: `-why ${a.id}` }));
  return { model, agenda: { week: 3, title: 'Adoption', sections: [{ id: 'adoption-risk', title: 'Adoption risk', accounts }] } };
}

describe('1:1 agenda lists', () => {
  it('a list of 19 accounts has no tools; a list of 20 has CSM and health filters and its own download', () => {
    const short = agendaOf(19);
    expect(agendaSections(short.model, 'team-a', short.agenda)[0]!.tools).toBeNull();
    const long = agendaOf(20);
    const tools = agendaSections(long.model, 'team-a', long.agenda)[0]!.tools!;
    expect(tools.csvHref).toBe('/downloads/one-on-one/team-a/week-3/adoption-risk.csv');
    expect(tools.tableId).toBe('adoption-risk-table');
    expect(tools.filters.map((f) => [f.label, f.column])).toEqual([['CSM', 1], ['Health', 2]]);
    expect(tools.filters[1]!.options).toEqual(['Green', 'none', 'Red', 'Yellow']);
  });

  it('the download has the rows of the list in order, with formula-like cells neutralised', () => {
    const { model, agenda } = agendaOf(20);
    const section = agendaSections(model, 'team-a', agenda)[0]!;
    const rows = Papa.parse<Record<string, string>>(csvText(agendaCsv(section)), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r['Account ID'])).toEqual(model.accounts.slice(0, 20).map((a) => a.id));
    expect(rows[0]!.Account).toBe(`'${FORMULA}`);
    expect(rows[0]!.Why).toBe(`'-why ${model.accounts[0]!.id}`);
  });
});

describe('onboarding cohort table', () => {
  it('gets team, CSM, quarter and overdue filters from 20 rows on, none at 19', () => {
    const rows = cohortRows(makeModel());
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(cohortTools(rows.slice(0, 19))).toBeNull();
    const tools = cohortTools(rows.slice(0, 20))!;
    expect(tools.filters.map((f) => f.label)).toEqual(['Team', 'CSM', 'Quarter', 'Overdue']);
    expect(tools.csvHref).toBe('/downloads/onboarding.csv');
  });

  it('gives each cohort account the fiscal quarter of its onboarding start (fiscal year from February)', () => {
    const model = makeModel();
    model.config = { ...model.config, fiscalYearStartMonth: 2 };
    model.onboarding.cohort = [
      { ...model.onboarding.cohort[0]!, start: '2026-01-31' },
      { ...model.onboarding.cohort[1]!, start: '2026-02-01' },
    ];
    expect(cohortRows(model).map((r) => r.quarter)).toEqual(['FY26-Q4', 'FY27-Q1']);
  });
});
