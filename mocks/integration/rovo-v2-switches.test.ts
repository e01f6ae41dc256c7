import { afterEach, describe, expect, it } from 'vitest';
import { UPSTREAM_ERROR } from '../rovo/v2/server/envelope.ts';
import { basic, cloudIdOf, v2Clients } from './v2-clients.ts';

const { cloudWith, connect, closeClouds } = v2Clients();
afterEach(closeClouds);

describe('the v2 profile switches', () => {
  it('Q1 single-execute lists one execute tool that runs every tier', async () => {
    const cloud = cloudWith({ Q1: 'single-execute' });
    const c = await connect(cloud);
    const names = await c.names();
    expect(names).toContain('execute');
    expect(names).not.toContain('executeWrite');
    const r = await c.call('execute', { name: 'listJiraIssueLinkTypes', cloudId: cloudIdOf(cloud) });
    expect(r.isError).toBe(false);
  });

  it('Q2 teamwork-graph and Q13 list rename the operations they choose', async () => {
    const c = await connect(cloudWith({ Q2: 'teamwork-graph', Q13: 'list' }));
    const names = await c.names();
    expect(names).toEqual(expect.arrayContaining(['getTeamworkGraphContext', 'addTeamworkGraphContext']));
    expect(names).not.toContain('getGraphContext');
    const found = await c.call('discover', { query: 'who can be assigned to this issue' });
    expect(JSON.stringify(found.json)).toContain('listJiraIssueAssignableUsers');
    expect(JSON.stringify(found.json)).not.toContain('findJiraIssueAssignableUsers');
  });

  it('Q3 goal-name-inputs takes goal and answers name and inputs only', async () => {
    const c = await connect(cloudWith({ Q3: 'goal-name-inputs' }));
    const r = await c.call('discover', { goal: 'link two Jira issues together' });
    const first = (r.json.operations as Record<string, unknown>[])[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(['inputs', 'name']);
    expect((await c.call('discover', { query: 'link issues' })).isError).toBe(true);
  });

  it('Q4 alias runs a v1 name as its v2 operation; Q5 accept runs a write through executeRead', async () => {
    const cloud = cloudWith({ Q4: 'alias', Q5: 'accept' });
    const c = await connect(cloud);
    const r = await c.call('executeRead', {
      name: 'getTransitionsForJiraIssue',
      cloudId: cloudIdOf(cloud),
      inputs: { issueIdOrKey: 'DEMO-1' },
    });
    expect(r.isError).toBe(false);
    const w = await c.call('executeRead', {
      name: 'createJiraIssueLink',
      cloudId: cloudIdOf(cloud),
      inputs: { linkType: 'Relates', inwardIssue: 'DEMO-1', outwardIssue: 'DEMO-2' },
    });
    expect(w.isError).toBe(false);
  });

  it('Q6 strict refuses an unknown key in inputs and in primary arguments, naming it', async () => {
    const cloud = cloudWith({ Q6: 'strict' });
    const c = await connect(cloud);
    const r = await c.call('executeRead', {
      name: 'listJiraIssueTransitions',
      cloudId: cloudIdOf(cloud),
      inputs: { issueIdOrKey: 'DEMO-1', bogus: 1 },
    });
    expect(r.json.message).toContain('unknown key(s) "bogus"');
    const p = await c.call('getJiraIssue', {
      cloudId: cloudIdOf(cloud),
      issueIdOrKey: 'DEMO-1',
      issueTypeName: 'x',
    });
    expect(p.json.message).toContain('"issueTypeName"');
  });

  it('Q7 with-meta-tools keeps discover in ?tools=all; a flat operation takes cloudId itself', async () => {
    const cloud = cloudWith({ Q7: 'with-meta-tools' });
    const c = await connect(cloud, { path: '/v2/mcp?tools=all' });
    expect((await c.names()).slice(0, 2)).toEqual(['discover', 'executeRead']);
    const r = await c.call('listJiraIssueLinkTypes', { cloudId: cloudIdOf(cloud) });
    expect(r.isError).toBe(false);
  });

  it('Q8 filter keeps only the groups ?capabilities= names; ignored (default) keeps all', async () => {
    const filtered = await connect(cloudWith({ Q8: 'filter' }), { path: '/v2/mcp?capabilities=READ_JIRA' });
    const names = await filtered.names();
    expect(names).toContain('getJiraIssue');
    expect(names).not.toContain('createJiraIssue');
    expect(names).not.toContain('getConfluenceContent');
    const ignored = await connect(cloudWith(), { path: '/v2/mcp?capabilities=READ_JIRA' });
    expect(await ignored.names()).toContain('createJiraIssue');
  });

  it('Q9 and Q10 shape the success envelope; Q25 the resources', async () => {
    const always = await connect(cloudWith());
    const r = await always.call('getAccessibleAtlassianResources', {});
    const site = always.cloud.store.site;
    expect(r.json).toEqual({
      data: { resources: [{ cloudId: site.cloudId, url: `https://${site.host}`, name: site.name }] },
    });
    expect(r.structured).toEqual(r.json);
    const known = await connect(cloudWith({ Q9: 'known-clients', Q10: 'data', Q25: 'v1-array' }));
    const v1 = await known.call('getAccessibleAtlassianResources', {});
    expect((v1.json.data as { id: string }[]).map((row) => row.id)).toEqual([site.cloudId, site.cloudId]);
    expect(v1.structured).toBeUndefined();
    const cursor = await connect(cloudWith({ Q9: 'known-clients' }), { clientName: 'cursor' });
    expect((await cursor.call('atlassianUserInfo', {})).structured).toBeDefined();
  });

  it('Q14 hides disabled groups from discover and execute by default; permission-error names the group', async () => {
    const hidden = cloudWith();
    const h = await connect(hidden);
    const inputs = { issueIdOrKey: 'DEMO-1' };
    const found = await h.call('discover', { query: 'delete an issue' });
    expect(JSON.stringify(found.json)).not.toContain('deleteJiraIssue');
    const r = await h.call('executeDestructive', {
      name: 'deleteJiraIssue',
      cloudId: cloudIdOf(hidden),
      inputs,
    });
    expect(r.json.message).toContain('Unknown operation "deleteJiraIssue"');
    const shown = cloudWith({ Q14: 'permission-error' });
    const s = await connect(shown);
    expect(JSON.stringify((await s.call('discover', { query: 'delete an issue' })).json)).toContain(
      'deleteJiraIssue',
    );
    const p = await s.call('executeDestructive', {
      name: 'deleteJiraIssue',
      cloudId: cloudIdOf(shown),
      inputs,
    });
    expect(p.json.message).toContain('needs the delete_jira permission group');
    expect(shown.store.issueKeys.has('DEMO-1')).toBe(true);
  });

  it('an admin who enables delete_jira lets executeDestructive delete', async () => {
    const cloud = cloudWith();
    cloud.rovoV2.profile.disabledGroups = [];
    const c = await connect(cloud, { who: 'admin' });
    const created = await c.call('createJiraIssue', {
      cloudId: cloudIdOf(cloud),
      projectKey: 'DEMO',
      issueType: 'Task',
      summary: 'to delete',
    });
    const inputs = { issueIdOrKey: created.json.key };
    expect(
      (await c.call('executeWrite', { name: 'deleteJiraIssue', cloudId: cloudIdOf(cloud), inputs })).isError,
    ).toBe(true);
    const deleted = await c.call('executeDestructive', {
      name: 'deleteJiraIssue',
      cloudId: cloudIdOf(cloud),
      inputs,
    });
    expect(deleted.json).toEqual({ deleted: true, issueIdOrKey: created.json.key });
    expect(cloud.store.issueKeys.has(String(created.json.key))).toBe(false);
  });

  it('Q16 anonymous-twg opens a Teamwork-Graph-only session for a bad or classic credential; challenge answers 401', async () => {
    const classic = basic('max.member@acme-conformance.example', 'classic-fixture-member-2b8d4f6a1c9e7035');
    const anonymous = await connect(cloudWith({ Q16: 'anonymous-twg' }), { auth: classic });
    expect((await anonymous.names()).sort()).toEqual([
      'addGraphContext',
      'getGraphContext',
      'getGraphObject',
    ]);
    await expect(connect(cloudWith(), { auth: classic })).rejects.toThrow(/invalid_token/);
    await expect(connect(cloudWith(), { auth: basic('nobody@example.com', 'x') })).rejects.toThrow(
      /invalid_token/,
    );
  });

  it('Q17 generic hides the site error behind the upstream text; specific shows it', async () => {
    const generic = cloudWith();
    const g = await connect(generic);
    const missing = { cloudId: cloudIdOf(generic), issueIdOrKey: 'DEMO-99999' };
    expect((await g.call('getJiraIssue', missing)).json).toEqual({ error: true, message: UPSTREAM_ERROR });
    const s = await connect(cloudWith({ Q17: 'specific' }));
    expect(String((await s.call('getJiraIssue', missing)).json.message)).toContain('does not exist');
  });

  it('Q21 html is the body format a createConfluenceContent without one is read as', async () => {
    const cloud = cloudWith();
    const c = await connect(cloud);
    const space = [...cloud.store.spaces.values()][0];
    const r = await c.call('createConfluenceContent', {
      cloudId: cloudIdOf(cloud),
      parent: { spaceId: String(space?.id) },
      contentType: 'page',
      title: 'v2 html default',
      body: { value: '<p><strong>bold</strong></p>' },
    });
    expect(r.isError).toBe(false);
    expect(JSON.stringify(r.json)).not.toContain('<strong>');
  });

  it('Q22 17 drops getLoomVideo and the graph tools; Q23 hints annotates reads and executeDestructive', async () => {
    const seventeen = await connect(cloudWith({ Q22: '17' }));
    expect(await seventeen.names()).toHaveLength(17);
    const cloud = cloudWith({ Q23: 'hints' });
    const tools = await (await connect(cloud)).tools();
    expect(tools.find((t) => t.name === 'getJiraIssue')?.annotations).toEqual({ readOnlyHint: true });
    expect(tools.find((t) => t.name === 'executeDestructive')?.annotations).toEqual({
      destructiveHint: true,
    });
  });

  it('Q24 cutover serves the v2 tools on /v1/mcp and /v1/mcp/authv2; the default keeps v1 there', async () => {
    const cutover = cloudWith({}, 'cutover');
    for (const path of ['/v1/mcp', '/v1/mcp/authv2'])
      expect(await (await connect(cutover, { path })).names()).toContain('discover');
    const before = await connect(cloudWith(), { path: '/v1/mcp' });
    expect(await before.names()).not.toContain('discover');
  });
});
