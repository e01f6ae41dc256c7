import { Ajv, type Options } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

export type SchemaDialect = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

const DIALECT_URIS: Record<string, SchemaDialect> = {
  'http://json-schema.org/draft-04/schema': 'draft-04',
  'http://json-schema.org/draft-06/schema': 'draft-06',
  'http://json-schema.org/draft-07/schema': 'draft-07',
  'https://json-schema.org/draft/2019-09/schema': '2019-09',
  'https://json-schema.org/draft/2020-12/schema': '2020-12',
};

/** The dialect a `$schema` names (trailing `#` and http/https ignored), or undefined when unknown. */
export function dialectOf(uri: string): SchemaDialect | undefined {
  const key = uri.replace(/#$/, '');
  return (
    DIALECT_URIS[key] ??
    DIALECT_URIS[key.replace(/^https:/, 'http:')] ??
    DIALECT_URIS[key.replace(/^http:/, 'https:')]
  );
}

// Strict mode would refuse keywords JSON Schema lets a schema carry (annotations, vendor keys);
// conformance only asks that the schema is valid against its dialect's meta-schema and compiles.
const OPTIONS: Options = { strict: false, logger: false, allErrors: true };

/** Dialects ajv 8 compiles; draft-04 needs a validator this project does not ship. */
export type CompilableDialect = Exclude<SchemaDialect, 'draft-04'>;

function validator(dialect: CompilableDialect): Ajv | Ajv2019 | Ajv2020 {
  const ajv =
    dialect === '2020-12'
      ? new Ajv2020(OPTIONS)
      : dialect === '2019-09'
        ? new Ajv2019(OPTIONS)
        : new Ajv(OPTIONS);
  if (dialect === 'draft-06') ajv.addMetaSchema(draft06);
  addFormats.default(ajv);
  return ajv;
}

const shared = new Map<CompilableDialect, Ajv | Ajv2019 | Ajv2020>();

/** Results by dialect and shape: servers with thousands of tools repeat a few shapes with other words. */
const known = new Map<string, string | undefined>();
const KNOWN_CAP = 10_000;

/** The schema without its descriptions and titles (any string is valid there), as the key of its shape. */
function shapeKey(dialect: CompilableDialect, schema: object): string {
  return `${dialect}\u0000${JSON.stringify(schema, (key, value: unknown) =>
    (key === 'description' || key === 'title') && typeof value === 'string' ? undefined : value,
  )}`;
}

/**
 * Compiles a schema under a dialect; the problem as text, or undefined when it compiles. One
 * validator per dialect, the schema removed after: a fresh one per schema costs tens of
 * milliseconds, which 10,000 tools turn into minutes (issue 14). Schemas that name an `$id`
 * (tools may reuse one, which a shared validator would refuse) get a validator of their own.
 */
export function compileProblem(schema: object, dialect: CompilableDialect): string | undefined {
  const key = shapeKey(dialect, schema);
  if (known.has(key)) return known.get(key);
  if (known.size >= KNOWN_CAP) known.clear();
  const problem = compileOnce(schema, dialect, key.includes('"$id"'));
  known.set(key, problem);
  return problem;
}

function compileOnce(schema: object, dialect: CompilableDialect, own: boolean): string | undefined {
  let ajv = own ? undefined : shared.get(dialect);
  if (!ajv) {
    ajv = validator(dialect);
    if (!own) shared.set(dialect, ajv);
  }
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    if (!own) ajv.removeSchema(schema);
  }
}
