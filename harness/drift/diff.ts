import type { SurfaceSnapshot, SurfaceTool } from './surface.ts';

/**
 * What changed between a recorded surface and the current one. Breaking means an agent that worked
 * against the baseline can now fail: a tool it calls is gone, a call it makes is now refused (a new
 * required parameter, a narrower type, an enum value removed, a property removed from a closed schema,
 * a tighter bound). Everything else (a new tool, a new optional parameter, a wider enum, changed
 * descriptions or annotations) is reported but does not break.
 */
export type ChangeKind =
  | 'tool-removed'
  | 'tool-added'
  | 'required-added'
  | 'required-removed'
  | 'property-removed'
  | 'property-added'
  | 'type-narrowed'
  | 'type-widened'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'constraint-narrowed'
  | 'constraint-widened'
  | 'schema-changed'
  | 'description-changed'
  | 'annotations-changed';

const BREAKING: ReadonlySet<ChangeKind> = new Set([
  'tool-removed',
  'required-added',
  'property-removed',
  'type-narrowed',
  'enum-value-removed',
  'constraint-narrowed',
  'schema-changed',
]);

export interface SurfaceChange {
  tool: string;
  /** Where in the input schema, e.g. `fields[]` or `additional_fields.labels`; empty for the tool itself. */
  path: string;
  kind: ChangeKind;
  breaking: boolean;
  detail: string;
}

type Schema = Record<string, unknown>;
const asSchema = (v: unknown): Schema =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const show = (v: unknown) => JSON.stringify(v);
const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** The JSON types a schema accepts; undefined when it names none (anything goes). */
function typesOf(s: Schema): Set<string> | undefined {
  return s.type === undefined ? undefined : new Set(list(s.type).map(String));
}

const accepts = (types: Set<string> | undefined, t: string) =>
  types === undefined || types.has(t) || (t === 'integer' && types.has('number'));

/** Upper bounds shrink to narrow, lower bounds grow to narrow. */
const BOUNDS: Record<string, 'upper' | 'lower'> = {
  maximum: 'upper',
  exclusiveMaximum: 'upper',
  maxLength: 'upper',
  maxItems: 'upper',
  minimum: 'lower',
  exclusiveMinimum: 'lower',
  minLength: 'lower',
  minItems: 'lower',
};

function compareSchemas(
  tool: string,
  path: string,
  before: Schema,
  after: Schema,
  out: SurfaceChange[],
): void {
  const add = (kind: ChangeKind, detail: string) =>
    out.push({ tool, path, kind, breaking: BREAKING.has(kind), detail });

  const [tb, ta] = [typesOf(before), typesOf(after)];
  const lost = tb === undefined ? (ta === undefined ? [] : ['any']) : [...tb].filter((t) => !accepts(ta, t));
  const gained =
    ta === undefined ? (tb === undefined ? [] : ['any']) : [...ta].filter((t) => !accepts(tb, t));
  if (lost.length > 0)
    add('type-narrowed', `type ${show(before.type ?? 'any')} → ${show(after.type ?? 'any')}`);
  else if (gained.length > 0)
    add('type-widened', `type ${show(before.type ?? 'any')} → ${show(after.type ?? 'any')}`);

  if (before.enum !== undefined || after.enum !== undefined) {
    const [eb, ea] = [list(before.enum).map(show), list(after.enum).map(show)];
    if (after.enum === undefined) add('enum-value-added', `enum ${eb.join(', ')} no longer restricted`);
    else if (before.enum === undefined) add('enum-value-removed', `now restricted to ${ea.join(', ')}`);
    else {
      const removed = eb.filter((v) => !ea.includes(v));
      const added = ea.filter((v) => !eb.includes(v));
      if (removed.length > 0) add('enum-value-removed', `enum value ${removed.join(', ')} removed`);
      if (added.length > 0) add('enum-value-added', `enum value ${added.join(', ')} added`);
    }
  }

  for (const [bound, direction] of Object.entries(BOUNDS)) {
    const [b, a] = [before[bound], after[bound]];
    if (b === a) continue;
    const tighter =
      typeof a === 'number' && (typeof b !== 'number' || (direction === 'upper' ? a < b : a > b));
    add(
      tighter ? 'constraint-narrowed' : 'constraint-widened',
      `${bound} ${show(b ?? 'none')} → ${show(a ?? 'none')}`,
    );
  }

  if (before.description !== after.description) add('description-changed', 'description changed');

  for (const composite of ['anyOf', 'oneOf', 'allOf', 'not', 'const', 'pattern', 'format'])
    if (show(before[composite]) !== show(after[composite]))
      add('schema-changed', `${composite} changed (not classified further: treated as breaking)`);

  const closedBefore = before.additionalProperties === false;
  const closedAfter = after.additionalProperties === false;
  if (!closedBefore && closedAfter) add('property-removed', 'additional properties are no longer accepted');

  const [pb, pa] = [asSchema(before.properties), asSchema(after.properties)];
  const [rb, ra] = [new Set(list(before.required).map(String)), new Set(list(after.required).map(String))];
  for (const name of Object.keys(pb))
    if (!(name in pa))
      out.push({
        tool,
        path: join(path, name),
        kind: 'property-removed',
        breaking: closedAfter,
        detail: closedAfter
          ? 'parameter removed (the schema refuses unknown parameters)'
          : 'parameter removed',
      });
  for (const name of Object.keys(pa)) {
    const at = join(path, name);
    const nowRequired = ra.has(name);
    if (!(name in pb)) {
      out.push({
        tool,
        path: at,
        kind: nowRequired ? 'required-added' : 'property-added',
        breaking: nowRequired,
        detail: nowRequired ? 'new required parameter' : 'new optional parameter',
      });
      continue;
    }
    if (nowRequired && !rb.has(name))
      out.push({
        tool,
        path: at,
        kind: 'required-added',
        breaking: true,
        detail: 'parameter is now required',
      });
    if (!nowRequired && rb.has(name))
      out.push({
        tool,
        path: at,
        kind: 'required-removed',
        breaking: false,
        detail: 'parameter is now optional',
      });
    compareSchemas(tool, at, asSchema(pb[name]), asSchema(pa[name]), out);
  }
  if (before.items !== undefined || after.items !== undefined)
    compareSchemas(tool, `${path}[]`, asSchema(before.items), asSchema(after.items), out);
}

function compareTools(before: SurfaceTool, after: SurfaceTool): SurfaceChange[] {
  const out: SurfaceChange[] = [];
  if (before.descriptionDigest !== after.descriptionDigest)
    out.push({
      tool: after.name,
      path: '',
      kind: 'description-changed',
      breaking: false,
      detail: 'tool description changed',
    });
  if (show(before.annotations) !== show(after.annotations))
    out.push({
      tool: after.name,
      path: '',
      kind: 'annotations-changed',
      breaking: false,
      detail: `annotations ${show(before.annotations)} → ${show(after.annotations)}`,
    });
  compareSchemas(after.name, '', before.inputSchema, after.inputSchema, out);
  return out;
}

/** Every change from `before` to `after`, tools in name order; a removed tool with an added twin is named as a likely rename. */
export function diffSurfaces(
  before: Pick<SurfaceSnapshot, 'tools'>,
  after: Pick<SurfaceSnapshot, 'tools'>,
): SurfaceChange[] {
  const was = new Map(before.tools.map((t) => [t.name, t]));
  const now = new Map(after.tools.map((t) => [t.name, t]));
  const added = after.tools.filter((t) => !was.has(t.name));
  const changes: SurfaceChange[] = [];
  for (const old of before.tools) {
    const current = now.get(old.name);
    if (current) {
      changes.push(...compareTools(old, current));
      continue;
    }
    const twin = added.find((t) => show(t.inputSchema) === show(old.inputSchema));
    changes.push({
      tool: old.name,
      path: '',
      kind: 'tool-removed',
      breaking: true,
      detail: twin ? `tool removed (${twin.name} has the same input schema: renamed?)` : 'tool removed',
    });
  }
  for (const t of added)
    changes.push({ tool: t.name, path: '', kind: 'tool-added', breaking: false, detail: 'tool added' });
  return changes.sort((a, b) =>
    a.tool === b.tool ? (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) : a.tool < b.tool ? -1 : 1,
  );
}

/** One line per change, breaking ones marked, for evidence and the CLI. */
export function describeChange(c: SurfaceChange): string {
  return `${c.breaking ? 'BREAKING ' : ''}${c.tool}${c.path ? ` ${c.path}` : ''}: ${c.detail}`;
}
