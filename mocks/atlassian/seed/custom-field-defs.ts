import type { CustomFieldDef, FieldRule } from '../entities/custom-fields.ts';
import { CUSTOM_FIELD_TYPES, type CustomFieldSeed } from './custom-fields.ts';

/** Seeded custom fields as the store keeps them: project keys and issue-type names resolved to ids. */
export function customFieldDefs(
  seeds: readonly CustomFieldSeed[],
  projectIdOf: (key: string) => string,
  issueTypeIdOf: (name: string) => string,
): CustomFieldDef[] {
  const rule = (s: { projects?: string[]; issueTypes?: string[] }): FieldRule => ({
    ...(s.projects ? { projectIds: new Set(s.projects.map(projectIdOf)) } : {}),
    ...(s.issueTypes ? { issueTypeIds: new Set(s.issueTypes.map(issueTypeIdOf)) } : {}),
  });
  return seeds.map((f) => {
    const info: { custom: string; type: string; items?: string } = CUSTOM_FIELD_TYPES[f.type];
    return {
      id: f.id,
      name: f.name,
      description: f.description,
      type: f.type,
      kind: CUSTOM_FIELD_TYPES[f.type].kind,
      schema: {
        type: info.type,
        ...(info.items ? { items: info.items } : {}),
        custom: info.custom,
        customId: Number(f.id.slice('customfield_'.length)),
      },
      contexts: f.contexts.map((c) => ({
        ...rule(c),
        options: c.options.map((o) => ({ id: o.id, value: o.value, children: o.children ?? [] })),
        ...(c.default !== undefined ? { defaultValue: c.default } : {}),
      })),
      screens: (f.screens ?? [{ operations: ['create', 'edit'] as const }]).map((s) => ({
        ...rule(s),
        operations: new Set(s.operations),
      })),
      required: f.required.map(rule),
    };
  });
}

/** Whether a rule covers the project and issue type. */
export function covers(rule: FieldRule, projectId: string, issueTypeId: string): boolean {
  return (
    (rule.projectIds === undefined || rule.projectIds.has(projectId)) &&
    (rule.issueTypeIds === undefined || rule.issueTypeIds.has(issueTypeId))
  );
}
