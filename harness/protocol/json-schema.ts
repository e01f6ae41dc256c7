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

/** Compiles a schema under a dialect; the problem as text, or undefined when it compiles. */
export function compileProblem(schema: object, dialect: CompilableDialect): string | undefined {
  // One validator per schema: tools may reuse `$id`s, which a shared instance would refuse.
  const ajv = validator(dialect);
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
