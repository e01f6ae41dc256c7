import type { z } from 'zod';
import type { FieldMeta } from '../types.ts';
import type { FieldMetaPageSchema } from './schemas.ts';

type FieldMetaRow = NonNullable<z.output<typeof FieldMetaPageSchema>['fields']>[number];

/** Jira's create-metadata field as the driver contract has it; Rovo and legacy servers both pass Jira's shape on. */
export function toFieldMeta(f: FieldMetaRow): FieldMeta {
  return {
    id: f.fieldId,
    name: f.name,
    required: f.required,
    schema: f.schema,
    allowedValues: f.allowedValues,
    hasDefaultValue: f.hasDefaultValue,
  };
}
