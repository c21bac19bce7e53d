import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import type { WeekAction } from '../../src/report/actions.ts';
import type { CsmReport, ReportModel } from '../../src/report/model.ts';
import { actionGroups, actionsSummary, csmChanges, dueText, NO_ACTIONS } from '../../src/views/csm.ts';
import { atomXml, csmFeed, teamFeed, xmlText } from '../../src/views/feed.ts';
import { accountId, makeModel, MARKUP_NAME } from '../fixtures/site/make-model.ts';

const action = (o: Partial<WeekAction>): WeekAction => ({
  key: 'A1:cadence', accountId: 'A1', accountName: 'Acme', priority: 'P1', rule: 'cadence', reason: 'r', due: '2026-11-20', when: 'today', ...o,
});

/** The first CSM of the fixture with a hostile account name on one of its actions, new since the previous build. */
function hostile(): { model: ReportModel; csm: CsmReport } {
  const model = makeModel();
  const csm = model.csms[0]!;
  const evil = action({ key: `${csm.book[1]}:health`, accountId: csm.book[1]!, accountName: `${MARKUP_NAME} & "Co" 'Ltd' ]]> \u0001`, rule: 'health', reason: 'health never updated', due: null, when: 'overdue' });
  csm.actions = [evil, ...csm.actions];
  csm.actionChanges = { previousAsOf: '2026-11-19', added: [evil.key], cleared: [] };
  return { model, csm };
}

describe('this week on the CSM page', () => {
  it('an empty list of actions says so in a sentence', () => {
    const csm = { ...makeModel().csms[0]!, actions: [] };
    expect(actionsSummary(csm, '2026-11-20')).toBe(NO_ACTIONS);
    expect(NO_ACTIONS).toBe('Nothing is due this week: every account of the book is on time.');
    expect(actionGroups(csm, '2026-11-20')).toEqual([]);
  });

  it('the summary counts each group, and groups keep the urgency order', () => {
    const csm = {
      ...makeModel().csms[0]!,
      actions: [action({ when: 'overdue', due: '2026-11-10' }), action({ key: 'A2:health', when: 'this week', due: '2026-11-25' }), action({ key: 'A3:renewal-question', rule: 'renewal-question', when: 'later', due: '2026-12-20' })],
    };
    expect(actionsSummary(csm, '2026-11-20')).toBe('3 actions: 1 overdue, 1 due by 2026-11-27, 1 to prepare ahead.');
    expect(actionGroups(csm, '2026-11-20').map((g) => [g.heading, g.items.length])).toEqual([['Overdue', 1], ['Due this week', 1], ['Ahead: ask or prepare now', 1]]);
  });

  it('says when an action is due in words, counted from T', () => {
    const T = '2026-11-20';
    expect(dueText(action({ when: 'overdue', due: '2026-11-13' }), T)).toBe('was due 2026-11-13 (7 days ago)');
    expect(dueText(action({ when: 'overdue', due: '2026-11-19' }), T)).toBe('was due 2026-11-19 (1 day ago)');
    expect(dueText(action({ when: 'overdue', due: null }), T)).toBe('overdue: never done');
    expect(dueText(action({ when: 'today' }), T)).toBe('due today (2026-11-20)');
    expect(dueText(action({ when: 'this week', due: '2026-11-24' }), T)).toBe('due 2026-11-24 (in 4 days)');
    expect(dueText(action({ rule: 'renewal-question', when: 'later', due: '2026-12-20' }), T)).toBe('ask by 2026-12-20 (in 30 days)');
    expect(dueText(action({ rule: 'misprioritized', when: 'this week', due: null }), T)).toBe('this week');
  });

  it('what changed lists the CSM\u2019s new and cleared actions and only their own book accounts of the org changes', () => {
    const model = makeModel();
    const csm = model.csms[0]!; // book: accounts 0-5
    const c = csmChanges(model, csm);
    expect(c.newActions.map((i) => i.action.key)).toEqual(csm.actions.slice(0, 1).map((a) => a.key));
    expect(c.cleared).toEqual([{ account: { id: accountId(0), name: 'Acme Robotics' }, title: 'Hold an EBR' }]);
    expect(Object.fromEntries(c.groups.map((g) => [g.id, g.accounts.map((a) => a.id)]))).toEqual({
      'turned-red': [accountId(2)],
      'became-cadence-overdue': [accountId(0)],
      'became-non-engaged': [],
      'entered-renewal-window': [],
    });
  });
});

describe('Atom feeds', () => {
  it('xmlText escapes markup and drops characters XML 1.0 does not allow', () => {
    expect(xmlText(`<a href="x">&'\u0000\u0001\u001f\t\n`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t\n');
  });

  it('a CSM feed: digest first, then each new action, then each changed book account, ids as tag: URIs, updated = T', () => {
    const { model, csm } = hostile();
    const feed = csmFeed(model, csm);
    expect(feed.id).toBe('tag:example.com,2026:cs-report/csm/alex-moreno');
    expect(feed.updated).toBe('2026-11-20T00:00:00Z');
    expect(feed.entries.map((e) => e.id)).toEqual([
      'tag:example.com,2026-11-20:cs-report/csm/alex-moreno/week',
      `tag:example.com,2026-11-20:cs-report/csm/alex-moreno/action/${accountId(1)}%3Ahealth`,
      `tag:example.com,2026-11-20:cs-report/csm/alex-moreno/turned-red/${accountId(2)}`,
      `tag:example.com,2026-11-20:cs-report/csm/alex-moreno/became-cadence-overdue/${accountId(0)}`,
    ]);
    expect(feed.entries[1]!.href).toBe(`/csm/alex-moreno/#action-${accountId(1)}-health`);
    expect(feed.entries[2]).toMatchObject({ title: 'Turned red: Cobalt Freight', href: `/accounts/${accountId(2)}/` });
  });

  it('a hostile account name is escaped in the XML: no markup of it survives, and the text is intact', () => {
    const { model, csm } = hostile();
    const xml = atomXml(csmFeed(model, csm));
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('New action: Update the health score, &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot; &apos;Ltd&apos; ]]&gt; </title>');
    // Every element opened is closed, in order (well-formedness of the structure; the browser suite parses the XML).
    const tags = [...xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)];
    const stack: string[] = [];
    for (const [, close, name, self] of tags) {
      if (self) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(tags.filter((t) => t[2] === 'entry' && !t[1]).length).toBe(4);
  });

  it('links are site paths without a siteUrl, and absolute under the siteUrl with one', () => {
    const { model, csm } = hostile();
    const feed = csmFeed(model, csm);
    expect(atomXml(feed)).toContain('<link rel="self" type="application/atom+xml" href="/csm/alex-moreno/feed.xml"/>');
    expect(atomXml(feed, 'https://example.gitlab.io/')).toContain('<link rel="alternate" type="text/html" href="https://example.gitlab.io/csm/alex-moreno/"/>');
  });

  it("a team feed holds each of its CSMs' entries, titled with the CSM's name", () => {
    const model = makeModel();
    const team = model.teams[0]!;
    const feed = teamFeed(model, team);
    expect(feed.id).toBe('tag:example.com,2026:cs-report/team/dana-whitfield');
    const digests = feed.entries.filter((e) => e.id.endsWith('/week'));
    expect(digests.map((e) => e.title.split(':')[0])).toEqual(['Alex Moreno', 'Bea Lindqvist', 'Chidi Okafor']);
  });

  it('config siteUrl: an https: URL is accepted; http: or a bare path is refused', () => {
    expect(parseConfig({ siteUrl: 'https://example.gitlab.io/cs-report/' }).ok).toBe(true);
    const http = parseConfig({ siteUrl: 'http://example.com/' });
    expect(http.ok ? [] : http.errors).toEqual(['siteUrl: must be an https: URL, e.g. "https://example.gitlab.io/cs-report/"']);
    expect(parseConfig({ siteUrl: '/cs-report/' }).ok).toBe(false);
    expect(parseConfig({ windows: { successPlanStaleMonths: 0 } }).ok).toBe(false);
  });
});
