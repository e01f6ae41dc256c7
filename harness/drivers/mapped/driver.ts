import type { z } from 'zod';
import { markdownToAdf } from '../../../lib/content/index.ts';
import { NotTestableError, UnsupportedVerbError } from '../../errors.ts';
import type { Dialect } from '../../targets/spec.ts';
import { type BulkVerbs, emulatedBulk } from '../bulk/verbs.ts';
import type { DriverContext } from '../context.ts';
import { callTool, TargetError, type ToolOutcome } from '../tool-call.ts';
import type { Session } from '../../connect/session.ts';
import type { Driver, IssueChanges, NewIssue } from '../types.ts';
import { describeShape, readFields, readFirst, readPath } from './answer.ts';
import { type ChunkAnswer, JiraBulkFailuresSchema, nativeBulkCreate } from './bulk.ts';
import { listedCall } from './listed-call.ts';
import * as out from './outputs.ts';
import type { DialectFile, VerbMapping } from './schema.ts';
import { fillPath, fillTemplate, mentions, type Variables } from './template.ts';

/** How a verb's tool is called: straight by default; a discovery dialect routes operations first. */
export type ToolCaller = (
  session: Session,
  tool: string,
  args: Record<string, unknown>,
) => Promise<ToolOutcome>;

/** One verb's call: the tool that answered and what it answered. */
interface Answered {
  verb: string;
  tool: string;
  mapping: VerbMapping;
  payload: unknown;
}

const adf = (markdown: string | undefined) => (markdown === undefined ? undefined : markdownToAdf(markdown));
const csv = (list: readonly string[] | undefined) => (list?.length ? list.join(',') : undefined);

/**
 * Runs a dialect file: each verb fills its mapping's template from the verb's variables, calls the
 * tool, and reads its answer through the mapping's paths. A verb the file does not map is
 * `unsupported` (with the file's reason); an answer the paths cannot read is `not-testable`, naming
 * the shape seen — the harness's limit, never the server's `failed`.
 */
export function mappedDriver(dialect: Dialect | 'file', file: DialectFile, call: ToolCaller = callTool) {
  return (ctx: DriverContext): Driver => {
    // A routed dialect (v2) names operations, not listed tools, so only a straight call asks tools/list.
    const invoke =
      call === callTool
        ? listedCall(ctx.session, file.name)
        : (_verb: string, tool: string, args: Record<string, unknown>) => call(ctx.session, tool, args);

    /**
     * `asked`: the options that change what the answer means (a filter, a page token). One the mapping
     * has no input for would be dropped silently and the answer read as if it had been honoured.
     */
    async function perform(verb: string, vars: Variables, asked: Variables = {}): Promise<Answered> {
      const mapping = file.verbs[verb];
      const refused = refusedVerb(file, verb);
      if (refused) throw refused;
      if (!mapping) throw new UnsupportedVerbError(verb, `the ${file.name} dialect maps no tool for ${verb}`);
      const { tool, args } = toolCall(verb, mapping, { cloudId: ctx.cloudId, ...vars });
      const dropped = Object.keys(asked).find((key) => asked[key] !== undefined && !mentions(mapping, key));
      if (dropped !== undefined)
        throw new UnsupportedVerbError(
          verb,
          `${tool} has no input the ${file.name} dialect maps to "${dropped}" (asked ${dropped}=${JSON.stringify(asked[dropped])}); its answer would ignore it`,
        );
      const outcome = await invoke(verb, tool, args);
      if (!outcome.ok) throw outcome.error;
      // A server that answers errors as plain results: the file says how they read.
      const marker = file.errors?.textStartsWith;
      if (marker && typeof outcome.payload === 'string' && outcome.payload.startsWith(marker))
        throw new TargetError(tool, outcome.payload, false, false);
      for (const [path, defect] of Object.entries(mapping.answer?.defects ?? {}))
        if (readPath(outcome.payload, path) !== undefined)
          throw new TargetError(tool, `${defect} (the answer holds "${path}")`, false, false);
      return { verb, tool, mapping, payload: outcome.payload };
    }

    function toolCall(verb: string, mapping: VerbMapping, vars: Variables) {
      if (mapping.tool !== undefined)
        return { tool: mapping.tool, args: asArgs(fillTemplate(mapping.args ?? {}, vars)) };
      const rest = mapping.rest;
      const tool = rest && file.passthrough?.tools[rest.method];
      if (!rest || !tool)
        throw new UnsupportedVerbError(verb, `the ${file.name} dialect has no tool for HTTP ${rest?.method}`);
      const query = fillTemplate(rest.query ?? {}, vars) as Record<string, unknown> | undefined;
      const args = fillTemplate(file.passthrough?.args ?? {}, {
        path: fillPath(rest.path, vars),
        // Passthrough tools take query values as strings.
        query: query && Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
        body: fillTemplate(rest.body, vars),
      });
      return { tool, args: asArgs(args) };
    }

    function unreadable(a: Answered, problem: string): NotTestableError {
      return new NotTestableError(
        `${a.verb}: ${a.tool} answered ${describeShape(a.payload)}, a shape the ${file.name} dialect does not map (${problem})`,
      );
    }

    function parse<S extends z.ZodType>(a: Answered, value: unknown, schema: S): z.output<S> {
      const fields = a.mapping.answer?.fields ?? {};
      const parsed = schema.safeParse(readFields(value, fields));
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      throw unreadable(a, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }

    function items(a: Answered): unknown[] {
      const path = a.mapping.answer?.list ?? '';
      const list = readFirst(a.payload, path);
      if (!Array.isArray(list)) throw unreadable(a, `no list at "${[path].flat().join('" or "')}"`);
      return list;
    }

    const one = async <S extends z.ZodType>(verb: string, vars: Variables, schema: S, asked?: Variables) => {
      const a = await perform(verb, vars, asked);
      return parse(a, a.payload, schema);
    };
    const many = async <S extends z.ZodType>(verb: string, vars: Variables, schema: S, asked?: Variables) => {
      const a = await perform(verb, vars, asked);
      return items(a).map((item) => parse(a, item, schema));
    };
    const none = async (verb: string, vars: Variables) => {
      await perform(verb, vars);
    };
    const created = <T extends { id: string; key: string }>(ref: T): T => {
      ctx.created?.({ kind: 'issue', id: ref.id, key: ref.key });
      return ref;
    };
    const withRunLabel = (labels: readonly string[] | undefined) => {
      const all = [...new Set([...(labels ?? []), ...(ctx.runLabel ? [ctx.runLabel] : [])])];
      return all.length > 0 ? all : undefined;
    };

    const base: Omit<Driver, 'bulkCreate' | 'bulkEdit' | 'bulkTransition'> = {
      dialect,
      session: ctx.session,
      whoAmI: () => one('whoAmI', {}, out.UserOut),
      accessibleSites: () => many('accessibleSites', {}, out.SiteOut),
      findUsers: (query) => many('findUsers', { query }, out.UserOut),
      listProjects: (options = {}) => many('listProjects', { ...options }, out.ProjectOut, options),
      issueTypes: (project) => many('issueTypes', { project }, out.IssueTypeOut),
      async createFields(project, issueTypeId, options = {}) {
        const byName = mentions(file.verbs.createFields, 'issueTypeName');
        const issueTypeName = byName ? await typeName(project, issueTypeId) : undefined;
        const fields = await many('createFields', { project, issueTypeId, issueTypeName }, out.FieldMetaOut);
        return fields.filter((f) => !options.requiredOnly || f.required);
      },
      createIssue: async (input) => created(await one('createIssue', issueVariables(input), out.IssueRefOut)),
      createEpic: async (input) =>
        created(
          await one(
            'createEpic',
            { ...input, descriptionAdf: adf(input.description), labels: withRunLabel([]) },
            out.IssueRefOut,
          ),
        ),
      getIssue: (key, options = {}) =>
        one('getIssue', { key, fields: csv(options.fields), fieldList: options.fields }, out.IssueOut),
      editIssue: async (key, changes) =>
        none('editIssue', {
          key,
          ...changes,
          descriptionAdf: adf(changes.description),
          labelAdds: changes.addLabels?.map((label) => ({ add: label })),
          allLabels: mentions(file.verbs.editIssue, 'allLabels') ? await allLabels(key, changes) : undefined,
        }),
      transitions: (key) => many('transitions', { key }, out.TransitionOut),
      transition: (key, transitionId, fields) => none('transition', { key, transitionId, fields }),
      addComment: (key, markdown) => one('addComment', { key, markdown, adf: adf(markdown) }, out.CommentOut),
      editComment: (key, commentId, markdown) =>
        one('editComment', { key, commentId, markdown, adf: adf(markdown) }, out.CommentOut),
      comments: (key) => many('comments', { key }, out.CommentOut),
      async searchIssues(jql, options = {}) {
        const single = file.verbs.searchIssues?.singlePage;
        const size = options.maxResults ?? single?.defaultMaxResults;
        const noToken = `${file.verbs.searchIssues?.tool ?? 'the search'} returns at most maxResults issues and no page token`;
        if (single && options.pageToken) throw new UnsupportedVerbError('searchIssues', noToken);
        // One more than asked tells a complete page from one that leaves matches out of reach.
        const maxResults = single && size !== undefined ? size + 1 : options.maxResults;
        const a = await perform(
          'searchIssues',
          { jql, ...options, maxResults, fields: csv(options.fields), fieldList: options.fields },
          { pageToken: options.pageToken },
        );
        const answer = a.mapping.answer;
        const token = answer?.nextPageToken ? readFirst(a.payload, answer.nextPageToken) : undefined;
        const total = answer?.total ? readFirst(a.payload, answer.total) : undefined;
        const found = items(a);
        if (single && size !== undefined && found.length > size)
          throw new UnsupportedVerbError(
            'searchIssues',
            `${noToken}: more than ${size} issues match and the rest cannot be fetched`,
          );
        return {
          issues: found.map((item) => parse(a, item, out.IssueOut)),
          ...(typeof token === 'string' ? { nextPageToken: token } : {}),
          ...(typeof total === 'number' ? { total } : {}),
        };
      },
      linkTypes: async () => (await many('linkTypes', {}, out.LinkTypeOut)).map((t) => t.name),
      linkIssues: (type, inwardKey, outwardKey) => none('linkIssues', { type, inwardKey, outwardKey }),
      logWork: (key, timeSpent) => one('logWork', { key, timeSpent }, out.WorklogOut),
      spaces: () => many('spaces', {}, out.SpaceOut),
      async pagesInSpace(spaceId, options = {}) {
        const asked = { cursor: options.cursor };
        return { pages: await many('pagesInSpace', { spaceId, ...options }, out.PageOut, asked) };
      },
      getPage: (id) => one('getPage', { id }, out.PageOut),
      createPage: async (input) => {
        const page = await one('createPage', { ...input }, out.PageOut);
        ctx.created?.({ kind: 'page', id: page.id });
        return page;
      },
      updatePage: (id, changes) => one('updatePage', { id, ...changes }, out.PageOut),
      pageDescendants: (id) => many('pageDescendants', { id }, out.PageOut),
      footerComments: (pageId) => many('footerComments', { pageId }, out.CommentOut),
      addFooterComment: (pageId, markdown, options = {}) =>
        one('addFooterComment', { pageId, markdown, ...options }, out.CommentOut, {
          parentCommentId: options.parentCommentId,
        }),
      searchContent: (cql, options = {}) => many('searchContent', { cql, ...options }, out.ContentHitOut),
      search: (query) => many('search', { query, cloudId: ctx.cloudId }, out.SearchHitOut),
      fetch: async (ari) => {
        const a = await perform('fetch', { ari, cloudId: ctx.cloudId });
        const entity = out.FetchedOut.safeParse(a.payload);
        if (!entity.success) throw unreadable(a, 'not an object');
        return entity.data;
      },
      async graphContext(identifier, objectType) {
        const a = await perform('graphContext', { identifier, objectType, cloudId: ctx.cloudId });
        const ari = readFirst(a.payload, 'ari');
        if (typeof ari !== 'string') throw unreadable(a, 'no "ari"');
        return { ari, neighbours: items(a).map((item) => parse(a, item, out.NeighbourOut)) };
      },
      graphObjects: (identifiers) =>
        many('graphObjects', { identifiers, cloudId: ctx.cloudId }, out.GraphObjectOut),
    };
    return { ...base, ...bulkVerbs(base) };

    /** What the createIssue mapping (and a native bulk's items) is filled from. */
    function issueVariables(input: NewIssue): Variables {
      return {
        ...input,
        descriptionAdf: adf(input.description),
        labels: withRunLabel(input.labels),
        cloudId: ctx.cloudId,
      };
    }

    /** A server that takes the issue type by name: the name of the id, through the dialect's issueTypes. */
    async function typeName(project: string, issueTypeId: string): Promise<string> {
      const types = await base.issueTypes(project).catch((error: unknown) => {
        if (!(error instanceof UnsupportedVerbError)) throw error;
        throw new UnsupportedVerbError(
          'createFields',
          `the ${file.name} dialect asks for create fields by issue type name, and issueTypes is unsupported: ${error.reason}`,
        );
      });
      const type = types.find((t) => t.id === issueTypeId);
      if (!type)
        throw new TargetError(
          file.verbs.issueTypes?.tool ?? 'issueTypes',
          `${project} lists no issue type with id ${issueTypeId}`,
          false,
          false,
        );
      return type.name;
    }

    /** A server that replaces labels: the labels after the change, the current ones read when some are added. */
    async function allLabels(key: string, changes: IssueChanges): Promise<string[] | undefined> {
      if (!changes.addLabels?.length) return changes.labels;
      const current = changes.labels ?? (await base.getIssue(key)).labels;
      return [...new Set([...current, ...changes.addLabels])];
    }

    /** Each bulk verb: refused when the file says so, native when it maps a bulk tool, else emulated. */
    function bulkVerbs(single: typeof base): BulkVerbs {
      const emulated = emulatedBulk(single);
      const refused = (verb: keyof BulkVerbs, reason: string) => () =>
        Promise.reject(new UnsupportedVerbError(verb, reason));
      const pick = <V extends keyof BulkVerbs>(verb: V): BulkVerbs[V] => {
        const reason = file.unsupported[verb];
        return reason !== undefined ? refused(verb, reason) : emulated[verb];
      };
      const native = file.verbs.bulkCreate;
      return {
        bulkCreate:
          native?.bulk && native.tool
            ? (inputs) =>
                nativeBulkCreate(
                  inputs,
                  native.bulk?.chunk ?? inputs.length,
                  (part) => bulkChunk(native, part),
                  (problem) => new NotTestableError(`bulkCreate: ${native.tool} answered ${problem}`),
                )
            : pick('bulkCreate'),
        bulkEdit: pick('bulkEdit'),
        bulkTransition: pick('bulkTransition'),
      };
    }

    /** One native bulk call; an error whose text embeds Jira's answer (all items failed) is read as that answer. */
    async function bulkChunk(mapping: VerbMapping, part: readonly NewIssue[]): Promise<ChunkAnswer> {
      const tool = mapping.tool ?? '';
      const each = file.verbs[mapping.bulk?.each ?? ''];
      const list = part.map((input) => fillTemplate(each?.args ?? {}, issueVariables(input)));
      const outcome = await invoke(
        'bulkCreate',
        tool,
        asArgs(fillTemplate(mapping.args ?? {}, { items: list })),
      );
      const payload = outcome.ok ? outcome.payload : embeddedJson(outcome.error.targetMessage);
      const failures = JiraBulkFailuresSchema.safeParse(
        readFirst(payload, mapping.answer?.failures ?? 'errors'),
      );
      if (!outcome.ok && !failures.success) return { error: outcome.error.targetMessage };
      const a = { verb: 'bulkCreate', tool, mapping, payload };
      if (!failures.success) throw unreadable(a, 'no list of Jira failures');
      const refs = items(a).map((item) => created(parse(a, item, out.IssueRefOut)));
      return { created: refs, failures: failures.data };
    }
  };
}

const BULK_VERBS: ReadonlySet<string> = new Set(['bulkCreate', 'bulkEdit', 'bulkTransition']);

/**
 * Why a dialect file refuses a verb whatever the server lists (not mapped, or not testable), or
 * undefined: known before any session opens, so a check that needs such a verb starts no server.
 */
export function refusedVerb(file: DialectFile, verb: string): Error | undefined {
  const missing = file.notTestable[verb];
  if (missing !== undefined) return new NotTestableError(`${verb}: ${missing}`);
  const reason = file.unsupported[verb];
  // A bulk verb is emulated through single calls unless the file refuses it.
  if (BULK_VERBS.has(verb))
    return reason === undefined || file.verbs[verb]?.bulk
      ? undefined
      : new UnsupportedVerbError(verb, reason);
  if (file.verbs[verb]) return undefined;
  return new UnsupportedVerbError(verb, reason ?? `the ${file.name} dialect maps no tool for ${verb}`);
}

function embeddedJson(text: string): unknown {
  try {
    return JSON.parse(text.slice(text.indexOf('{'))) as unknown;
  } catch {
    return undefined;
  }
}

function asArgs(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
