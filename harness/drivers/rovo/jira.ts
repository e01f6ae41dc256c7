import type { Driver } from '../types.ts';
import { allCreateFields, FieldMetaPageSchema } from '../shapes/jira.ts';
import type { ParsedCall } from './call.ts';
import { ProjectPageSchema } from './schemas.ts';

/** Jira verbs data cannot say: Rovo v1's offset-paged lists, read to the end. */
export function rovoJira(call: ParsedCall): Pick<Driver, 'listProjects' | 'createFields'> {
  return {
    async listProjects(options = {}) {
      const out = [];
      for (let startAt = 0; ;) {
        const page = await call(
          'listProjects',
          'getVisibleJiraProjects',
          {
            startAt,
            maxResults: 50,
            ...(options.action ? { action: options.action } : {}),
            ...(options.query ? { searchString: options.query } : {}),
          },
          ProjectPageSchema,
        );
        out.push(...page.values.map((p) => ({ id: p.id, key: p.key, name: p.name })));
        startAt += page.values.length;
        if (page.isLast !== false || page.values.length === 0) break;
      }
      return out;
    },
    createFields: (project, issueTypeId, options = {}) =>
      allCreateFields((startAt) =>
        call(
          'createFields',
          'getJiraIssueTypeMetaWithFields',
          {
            projectIdOrKey: project,
            issueTypeId,
            startAt,
            maxResults: 50,
            requiredFieldsOnly: options.requiredOnly ?? false,
          },
          FieldMetaPageSchema,
        ),
      ),
  };
}
