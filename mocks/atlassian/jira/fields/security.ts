import { jiraApiBase } from '../../urls.ts';
import { holds, inSecurityLevel } from '../access.ts';
import { type FieldHandler, NOT_ON_SCREEN } from './types.ts';

const INVALID = 'Security Level: The security level is invalid.';

/**
 * Jira's `security` field: on the screen only in projects with an issue security scheme, settable
 * only with Set issue security, and only to a level the caller belongs to (or null to clear).
 */
export const SECURITY_FIELD: FieldHandler = {
  id: 'security',
  name: 'Security Level',
  custom: false,
  schema: { type: 'securitylevel', system: 'security' },
  orderable: true,
  navigable: true,
  operations: ['set'],
  onScreen: (scope) => scope.project.securityLevels.length > 0,
  required: () => false,
  allowedValues: (scope) =>
    scope.project.securityLevels.map((l) => ({
      self: `${jiraApiBase(scope.store)}/securitylevel/${l.id}`,
      id: l.id,
      name: l.name,
      description: l.description,
    })),
  set(draft, value, ctx) {
    if (!holds(ctx.store, ctx.actorId, ctx.project, 'SET_ISSUE_SECURITY')) return NOT_ON_SCREEN('security');
    if (value === null) {
      draft.securityLevelId = null;
      return undefined;
    }
    const ref = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const level = ctx.project.securityLevels.find((l) => l.id === ref.id || l.name === ref.name);
    if (!level || !inSecurityLevel(ctx.store, ctx.actorId, ctx.project, level.id)) return INVALID;
    draft.securityLevelId = level.id;
    return undefined;
  },
  hasValue: (draft) => draft.securityLevelId !== null,
  read(issue, store) {
    const level = store.projects
      .get(issue.projectId)
      ?.securityLevels.find((l) => l.id === issue.securityLevelId);
    return level
      ? { self: `${jiraApiBase(store)}/securitylevel/${level.id}`, id: level.id, name: level.name }
      : undefined;
  },
};
