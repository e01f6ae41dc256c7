import { z } from 'zod';
import type { Driver, FieldMeta } from '../../drivers/types.ts';
import { NotTestableError } from '../../errors.ts';
import type { IdentityName } from '../../targets/identities.ts';
import type { CheckContext } from '../context.ts';
import { issueType } from '../helpers.ts';
import type { FieldKind } from './kinds.ts';

/** What a check writes (in Jira's write shapes) and what each write must read back as, normalised. */
export interface Values {
  first: unknown;
  second: unknown;
  expectFirst: unknown;
  expectSecond: unknown;
}

export interface Kit {
  ctx: CheckContext;
  driver: Driver;
  field: FieldMeta;
}

export interface ValueSpec {
  values(kit: Kit): Values | Promise<Values>;
  /** The value as read back, reduced to what is compared (ids, instants, plain text); null when empty. */
  read(raw: unknown): unknown;
}

const Option = z.object({ id: z.string(), value: z.string() }).loose();
const OptionTree = Option.extend({ children: z.array(Option).optional() });
const Cascade = z.object({ id: z.string(), child: z.object({ id: z.string() }).loose().optional() }).loose();
const User = z.object({ accountId: z.string() }).loose();
const Sprint = z.object({ id: z.number(), state: z.string() }).loose();

/** Parses what came back; a shape the schema does not know is returned as is, so the comparison shows it. */
function parsed<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  pick: (value: z.output<S>) => unknown,
): unknown {
  if (raw === null || raw === undefined) return null;
  const result = schema.safeParse(raw);
  return result.success ? pick(result.data) : raw;
}

const empty = (list: unknown[]) => (list.length === 0 ? null : list);
const same = (first: unknown, second: unknown): Values => ({
  first,
  second,
  expectFirst: first,
  expectSecond: second,
});
const asIs = (raw: unknown) => raw ?? null;

type OptionTreeValue = z.output<typeof OptionTree>;

export function optionTree(field: FieldMeta): OptionTreeValue[] {
  const list = z.array(OptionTree).safeParse(field.allowedValues ?? []);
  return list.success ? list.data : [];
}

function twoOptions(field: FieldMeta): [OptionTreeValue, OptionTreeValue] {
  const [a, b] = optionTree(field);
  if (!a || !b)
    throw new NotTestableError(`${field.name} (${field.id}) offering at least two options in its context`);
  return [a, b];
}

/** Text of an ADF document, or of the Markdown Rovo renders it as (markup stripped). */
function plainText(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.replace(/[*_`#>]/g, '').trim();
  const text = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const n = node as { text?: unknown; content?: unknown };
    return (
      (typeof n.text === 'string' ? n.text : '') +
      (Array.isArray(n.content) ? n.content.map(text).join('') : '')
    );
  };
  return text(raw).trim();
}

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Someone other than the check's own identity, for the second value of a user field. */
async function otherPerson(ctx: CheckContext, me: string): Promise<string> {
  for (const as of ['admin', 'viewer', 'outsider'] as IdentityName[]) {
    try {
      const other = await (await ctx.driver(as)).whoAmI();
      if (other.accountId !== me) return other.accountId;
    } catch (error) {
      if (!(error instanceof NotTestableError)) throw error;
    }
  }
  throw new NotTestableError(
    'a second identity (admin, viewer or outsider) so a user field can change hands',
  );
}

async function people(kit: Kit): Promise<[string, string]> {
  const me = (await kit.driver.whoAmI()).accountId;
  return [me, await otherPerson(kit.ctx, me)];
}

/** Open sprint ids learned from issues already in a sprint: Rovo v1 has no board or sprint tool. */
async function openSprints(kit: Kit): Promise<number[]> {
  const clause = `cf[${kit.field.id.replace('customfield_', '')}]`;
  const page = await kit.driver.searchIssues(`${clause} is not EMPTY`, {
    maxResults: 50,
    fields: [kit.field.id],
  });
  const ids = page.issues.flatMap((i) => {
    const sprints = z.array(Sprint).safeParse(i.fields[kit.field.id]);
    return sprints.success ? sprints.data.filter((s) => s.state !== 'closed').map((s) => s.id) : [];
  });
  return [...new Set(ids)].sort((a, b) => a - b);
}

const optionIds = (raw: unknown) =>
  parsed(z.array(Option), raw, (list) => empty(list.map((o) => o.id).sort()));
const accountIds = (raw: unknown) =>
  parsed(z.array(User), raw, (list) => empty(list.map((u) => u.accountId).sort()));

/** Jira's `+0000` offsets, as an ISO instant. */
function instant(raw: unknown): unknown {
  if (typeof raw !== 'string') return asIs(raw);
  const t = Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? raw : new Date(t).toISOString();
}

export const VALUE_SPECS: Record<FieldKind, ValueSpec> = {
  text: {
    values: ({ ctx }) => same(`REF-${ctx.runId}-A`, `REF-${ctx.runId}-B`),
    read: asIs,
  },
  textarea: {
    values() {
      const [first, second] = [
        'Given a full cart, when the shopper pays, then one page is shown.',
        'Given an empty cart, the pay button is disabled.',
      ];
      return { first: adf(first), second: adf(second), expectFirst: first, expectSecond: second };
    },
    read: plainText,
  },
  number: { values: () => same(3.5, 8), read: asIs },
  'story-points': { values: () => same(5, 13), read: asIs },
  select: selectLike(),
  radio: selectLike(),
  'multi-select': multiOptions(),
  checkboxes: multiOptions(),
  'cascading-select': {
    values({ field }) {
      const parents = optionTree(field).filter((o) => (o.children?.length ?? 0) > 0);
      const [a, b] = [parents[0], parents[1] ?? parents[0]];
      const [childA, childB] = [a?.children?.[0], b?.children?.[b === a ? 1 : 0]];
      if (!a || !b || !childA || !childB)
        throw new NotTestableError(`${field.name} (${field.id}) with two parent options that have children`);
      return {
        first: { value: a.value, child: { value: childA.value } },
        second: { id: b.id, child: { id: childB.id } },
        expectFirst: `${a.id}/${childA.id}`,
        expectSecond: `${b.id}/${childB.id}`,
      };
    },
    read: (raw) => parsed(Cascade, raw, (c) => `${c.id}/${c.child?.id ?? ''}`),
  },
  'user-picker': {
    async values(kit) {
      const [me, other] = await people(kit);
      return { first: { accountId: me }, second: { accountId: other }, expectFirst: me, expectSecond: other };
    },
    read: (raw) => parsed(User, raw, (u) => u.accountId),
  },
  'multi-user-picker': {
    async values(kit) {
      const [me, other] = await people(kit);
      return {
        first: [{ accountId: me }],
        second: [{ accountId: me }, { accountId: other }],
        expectFirst: [me],
        expectSecond: [me, other].sort(),
      };
    },
    read: accountIds,
  },
  date: { values: () => same('2026-12-01', '2027-01-15'), read: asIs },
  datetime: {
    values: () => ({
      first: '2026-12-01T09:30:00.000+0100',
      second: '2027-01-15T17:45:00.000+0000',
      expectFirst: '2026-12-01T08:30:00.000Z',
      expectSecond: '2027-01-15T17:45:00.000Z',
    }),
    read: instant,
  },
  labels: {
    values: ({ ctx }) => ({
      first: [`cf-${ctx.runId}-a`],
      second: [`cf-${ctx.runId}-b`, `cf-${ctx.runId}-a`],
      expectFirst: [`cf-${ctx.runId}-a`],
      expectSecond: [`cf-${ctx.runId}-a`, `cf-${ctx.runId}-b`],
    }),
    read: (raw) => parsed(z.array(z.string()), raw, (l) => empty([...l].sort())),
  },
  url: {
    values: ({ ctx }) =>
      same(
        `https://runbooks.example/${ctx.runId}/checkout`,
        `https://runbooks.example/${ctx.runId}/payments`,
      ),
    read: asIs,
  },
  sprint: {
    async values(kit) {
      const [a, b] = await openSprints(kit);
      if (a === undefined || b === undefined)
        throw new NotTestableError(
          `two open (active or future) sprints, learned from issues already in them through ${kit.field.name}`,
        );
      return { first: a, second: b, expectFirst: [a], expectSecond: [b] };
    },
    read: (raw) =>
      parsed(z.array(Sprint), raw, (list) =>
        empty(list.filter((s) => s.state !== 'closed').map((s) => s.id)),
      ),
  },
  'epic-link': {
    async values({ ctx, driver }) {
      const epic = await issueType(driver, ctx, 'Epic');
      const target = (n: number) =>
        driver.createIssue({
          project: ctx.site.sandboxProject,
          issueType: epic.name,
          summary: ctx.unique(`Epic Link target ${n}`),
        });
      const [first, second] = [(await target(1)).key, (await target(2)).key];
      return same(first, second);
    },
    read: asIs,
  },
};

function selectLike(): ValueSpec {
  return {
    values({ field }) {
      const [a, b] = twoOptions(field);
      return { first: { value: a.value }, second: { id: b.id }, expectFirst: a.id, expectSecond: b.id };
    },
    read: (raw) => parsed(Option, raw, (o) => o.id),
  };
}

function multiOptions(): ValueSpec {
  return {
    values({ field }) {
      const [a, b] = twoOptions(field);
      return {
        first: [{ value: a.value }],
        second: [{ value: a.value }, { id: b.id }],
        expectFirst: [a.id],
        expectSecond: [a.id, b.id].sort(),
      };
    },
    read: optionIds,
  };
}
