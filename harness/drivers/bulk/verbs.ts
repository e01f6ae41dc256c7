import { randomBytes } from 'node:crypto';
import type { Driver } from '../types.ts';
import { emulateBulk } from './emulate.ts';

export type BulkVerbs = Pick<Driver, 'bulkCreate' | 'bulkEdit' | 'bulkTransition'>;
type SingleVerbs = Pick<
  Driver,
  'session' | 'createIssue' | 'editIssue' | 'transition' | 'getIssue' | 'searchIssues'
>;

/**
 * The bulk verbs of a dialect without bulk tools, from its single verbs. A dialect with a native bulk
 * tool overrides the verb it has (`{...emulatedBulk(base), bulkCreate: native}`).
 */
export function emulatedBulk(verbs: SingleVerbs): BulkVerbs {
  return {
    bulkCreate(items, options) {
      // A label per item, unique to this bulk: the lookup that keeps a retry from duplicating an issue.
      const batch = `bulk-${randomBytes(5).toString('hex')}`;
      const label = (index: number) => `${batch}-${index}`;
      return emulateBulk(
        verbs.session,
        items,
        {
          label,
          run: (item, index) =>
            verbs.createIssue({ ...item, labels: [...(item.labels ?? []), label(index)] }),
          async recover(_item, index) {
            const page = await verbs.searchIssues(`labels = "${label(index)}"`, {
              maxResults: 1,
              fields: ['labels'],
            });
            const found = page.issues[0];
            return found ? { id: found.id, key: found.key } : undefined;
          },
        },
        options,
      );
    },
    // An edit sets values, so repeating one that had taken effect changes nothing: no lookup needed.
    bulkEdit: (items, options) =>
      emulateBulk(
        verbs.session,
        items,
        {
          async run(item) {
            await verbs.editIssue(item.key, item.changes);
            return { key: item.key };
          },
        },
        options,
      ),
    bulkTransition: (items, options) =>
      emulateBulk(
        verbs.session,
        items,
        {
          async run(item) {
            await verbs.transition(item.key, item.transitionId);
            return { key: item.key };
          },
          async recover(item) {
            if (item.to === undefined) return undefined;
            const issue = await verbs.getIssue(item.key, { fields: ['status'] });
            return issue.status === item.to ? { id: issue.id, key: issue.key } : undefined;
          },
        },
        options,
      ),
  };
}
