import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { META_OPERATIONS, OPERATION_SERVICES } from '../operations/index.ts';
import { CATALOGUE_PATH, chosenOperations, loadOperationCatalogue, parseOperationCatalogue } from './load.ts';

const catalogue = loadOperationCatalogue();
const SITE_PRODUCTS = new Set(['platform', 'rovo-search', 'teamwork-graph', 'jira', 'confluence']);

describe('the operation catalogue', () => {
  it('holds every operation once, each with sources and a confidence mark', () => {
    const names = catalogue.operations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(catalogue.operations.length).toBeGreaterThan(200);
    for (const op of catalogue.operations) expect(op.sources.length).toBeGreaterThan(0);
  });

  it('has the 21 primary tools of the GA list among its default choices', () => {
    const primary = chosenOperations(catalogue)
      .filter((o) => o.primary)
      .map((o) => o.name);
    expect(primary.sort()).toEqual(
      [
        'atlassianUserInfo',
        'getAccessibleAtlassianResources',
        'search',
        'discover',
        'executeRead',
        'executeWrite',
        'executeDestructive',
        'getJiraIssue',
        'searchJiraIssuesUsingJql',
        'createJiraIssue',
        'editJiraIssue',
        'transitionJiraIssue',
        'addOrEditJiraIssueComment',
        'getConfluenceContent',
        'createConfluenceContent',
        'updateConfluenceContent',
        'searchConfluence',
        'getLoomVideo',
        'getGraphContext',
        'getGraphObject',
        'addGraphContext',
      ].sort(),
    );
  });

  it('records both names of each naming conflict, and a profile chooses between them', () => {
    const names = (choices?: Record<string, 'a' | 'b'>) =>
      chosenOperations(catalogue, choices).map((o) => o.name);
    expect(names()).toContain('findJiraIssueAssignableUsers');
    expect(names()).not.toContain('listJiraIssueAssignableUsers');
    expect(names({ Q13: 'b' })).toContain('listJiraIssueAssignableUsers');
    expect(names({ Q2: 'b' })).toEqual(
      expect.arrayContaining(['getTeamworkGraphContext', 'addTeamworkGraphContext']),
    );
    expect(names({ Q2: 'b' })).not.toContain('getGraphContext');
    expect(names({ Q1: 'b' })).toContain('execute');
    expect(names({ Q1: 'b' })).not.toContain('executeRead');
    expect(catalogue.byName.get('discover')?.conflicts).toEqual([
      expect.objectContaining({ question: 'Q3', kind: 'parameter', alternatives: ['goal'] }),
    ]);
  });

  it('keeps the v1 names of the rename table as recall only', () => {
    const v1 = new Map(catalogue.operations.flatMap((o) => o.v1Names.map((n) => [n, o.name] as const)));
    expect(
      Object.fromEntries(
        [
          'getConfluencePage',
          'createConfluencePage',
          'updateConfluencePage',
          'searchConfluenceUsingCql',
          'getConfluenceSpaces',
          'getPagesInConfluenceSpace',
          'getConfluencePageDescendants',
          'getConfluencePageFooterComments',
          'createConfluenceInlineComment',
          'getVisibleJiraProjects',
          'getJiraProjectIssueTypesMetadata',
          'addCommentToJiraIssue',
          'getTransitionsForJiraIssue',
          'getIssueLinkTypes',
          'getJiraIssueRemoteIssueLinks',
          'createIssueLink',
          'addWorklogToJiraIssue',
          'getIssueWorklog',
          'findAssignableUsers',
          'getToolDescription',
        ].map((n) => [n, v1.get(n)]),
      ),
    ).toEqual({
      getConfluencePage: 'getConfluenceContent',
      createConfluencePage: 'createConfluenceContent',
      updateConfluencePage: 'updateConfluenceContent',
      searchConfluenceUsingCql: 'searchConfluence',
      getConfluenceSpaces: 'listConfluenceSpaces',
      getPagesInConfluenceSpace: 'listConfluenceContent',
      getConfluencePageDescendants: 'getConfluenceContentDescendants',
      getConfluencePageFooterComments: 'listConfluenceComments',
      createConfluenceInlineComment: 'createConfluenceComment',
      getVisibleJiraProjects: 'listJiraProjects',
      getJiraProjectIssueTypesMetadata: 'listJiraProjectIssueTypesMetadata',
      addCommentToJiraIssue: 'addOrEditJiraIssueComment',
      getTransitionsForJiraIssue: 'listJiraIssueTransitions',
      getIssueLinkTypes: 'listJiraIssueLinkTypes',
      getJiraIssueRemoteIssueLinks: 'listJiraIssueRemoteIssueLinks',
      createIssueLink: 'createJiraIssueLink',
      addWorklogToJiraIssue: 'addOrEditJiraIssueWorklog',
      getIssueWorklog: 'listJiraIssueWorklogs',
      // Both options of Q13 keep the preview name.
      findAssignableUsers: 'listJiraIssueAssignableUsers',
      getToolDescription: 'getContentFormatGuide',
    });
  });

  it('marks every operation of a product the site does not model as not modelled, with the reason', () => {
    for (const op of catalogue.operations.filter((o) => !SITE_PRODUCTS.has(o.product))) {
      expect(op.modelled, op.name).toBe(false);
      expect(op.notModelledReason, op.name).toMatch(/^The fake site does not model /);
    }
  });
});

describe('the site services behind the catalogue', () => {
  const modelled = catalogue.operations.filter((o) => o.modelled && !META_OPERATIONS.has(o.name));

  it('back every modelled operation, and nothing else', () => {
    expect(modelled.map((o) => o.name).filter((n) => !OPERATION_SERVICES.has(n))).toEqual([]);
    expect([...OPERATION_SERVICES.keys()].filter((n) => !catalogue.byName.get(n)?.modelled)).toEqual([]);
    for (const name of META_OPERATIONS) expect(catalogue.byName.get(name)?.product).toBe('platform');
  });

  it.each(modelled.map((o) => [o.name, o] as const))(
    '%s takes exactly the inputs the catalogue advertises',
    (name, op) => {
      const service = OPERATION_SERVICES.get(name);
      const json = z.toJSONSchema(service?.input ?? z.object({}), { io: 'input' }) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      const advertised = Object.keys(op.inputSchema.properties ?? {}).filter((k) => k !== 'cloudId');
      expect(Object.keys(json.properties ?? {}).sort()).toEqual(advertised.sort());
      expect([...(json.required ?? [])].sort()).toEqual(
        (op.inputSchema.required ?? []).filter((k) => k !== 'cloudId').sort(),
      );
      expect(service?.backedBy.length).toBeGreaterThan(0);
    },
  );
});

type Doc = { operations: Record<string, unknown>[] };
type Props = { properties: Record<string, unknown>; required: string[] };

describe('the catalogue schema', () => {
  const pristine = () => JSON.parse(readFileSync(CATALOGUE_PATH, 'utf8')) as Doc;
  const at = (doc: Doc, name: string) => {
    const op = doc.operations.find((o) => o.name === name);
    if (!op) throw new Error(name);
    return op;
  };
  const inputs = (doc: Doc, name: string) => at(doc, name).inputSchema as Props;

  const cases: [string, (d: Doc) => void, string][] = [
    [
      'a duplicate name',
      (d) => void (at(d, 'getJiraIssue').name = 'searchJiraIssuesUsingJql'),
      'duplicate operation "searchJiraIssuesUsingJql"',
    ],
    ['a missing reason', (d) => void delete at(d, 'getLoomVideo').notModelledReason, 'says why'],
    [
      'a reason on a modelled operation',
      (d) => void (at(d, 'getJiraIssue').notModelledReason = 'because of something'),
      'says why',
    ],
    [
      'cloudId among inputs',
      (d) => void (inputs(d, 'listJiraBoards').properties.cloudId = { type: 'string' }),
      'cloudId is not an input of a non-primary operation',
    ],
    [
      'a delete group at the write tier',
      (d) => void (at(d, 'deleteJiraIssue').tier = 'write'),
      'delete groups run at the destructive tier',
    ],
    [
      'a read group at the write tier',
      (d) => void (at(d, 'listJiraBoards').tier = 'write'),
      'read groups run at the read tier',
    ],
    [
      'a group of another product',
      (d) => void (at(d, 'listJiraBoards').permissionGroup = 'read_confluence'),
      'read_confluence is not a group of jira',
    ],
    [
      'a lone conflict option',
      (d) => void (d.operations = d.operations.filter((o) => o.name !== 'listJiraIssueAssignableUsers')),
      '"listJiraIssueAssignableUsers" must be in the catalogue as the other option of Q13',
    ],
    [
      'a v1 name still in the catalogue',
      (d) => void (at(d, 'getJiraIssue').v1Names = ['searchJiraIssuesUsingJql']),
      'is an operation of the catalogue, not a retired v1 name',
    ],
    [
      'an enum on a number',
      (d) => void (inputs(d, 'listJiraBoards').properties.startAt = { type: 'integer', enum: ['1'] }),
      '"enum" belongs on string schemas only',
    ],
    [
      'a required input that is not a property',
      (d) => void inputs(d, 'listJiraBoards').required.push('ghost'),
      '"ghost" is required but not a property',
    ],
    [
      'an array without items',
      (d) => void (inputs(d, 'listJiraBoards').properties.x = { type: 'array' }),
      'an array schema names its items',
    ],
    ['an unknown key', (d) => void (at(d, 'listJiraBoards').colour = 'blue'), 'Unrecognized key: "colour"'],
    ['a bad source tag', (d) => void (at(d, 'listJiraBoards').sources = ['t catj']), '.sources[0]'],
  ];

  it.each(cases)('refuses %s, naming the path', (_what, edit, message) => {
    const doc = pristine();
    edit(doc);
    expect(() => parseOperationCatalogue(doc, 'broken.json')).toThrow(message);
  });

  it('says which file cannot be read', () => {
    expect(() => loadOperationCatalogue(`${CATALOGUE_PATH}.missing`)).toThrow(/cannot be read as JSON/);
  });
});
