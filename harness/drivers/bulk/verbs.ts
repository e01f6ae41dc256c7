import { randomBytes } from 'node:crypto';
import type { BulkOptions, Driver } from '../types.ts';
import { emulateBulk, type ItemDone, type ItemOperation } from './emulate.ts';

export type BulkVerbs = Pick<Driver, 'bulkCreate' | 'bulkEdit' | 'bulkTransition'>;
type SingleVerbs = Pick<
  Driver,
  'session' | 'createIssue' | 'editIssue' | 'transition' | 'getIssue' | 'searchIssues'
>;

/** An item's run for a verb that changes the existing issue the item names. */
function changing<I extends { key: string }>(
  act: (item: I) => Promise<unknown>,
): (item: I) => Promise<ItemDone> {
  return async (item) => {
    await act(item);
    return { key: item.key };
  };
}

/**
 * The bulk verbs of a dialect without bulk tools, from its single verbs. A dialect with a native bulk
 * tool overrides the verb it has (`{...emulatedBulk(base), bulkCreate: native}`).
 */
export function emulatedBulk(verbs: SingleVerbs): BulkVerbs {
  const bulk = <I>(items: readonly I[], op: ItemOperation<I>, options?: BulkOptions) =>
    emulateBulk(verbs.session, items, op, options);
  return {
    bulkCreate(items, options) {
      // A label per item, unique to this bulk: the lookup that keeps a retry from duplicating an issue.
      const batch = `bulk-${randomBytes(5).toString('hex')}`;
      const label = (index: number) => `${batch}-${index}`;
      return bulk(
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
      bulk(items, { run: changing((item) => verbs.editIssue(item.key, item.changes)) }, options),
    bulkTransition: (items, options) =>
      bulk(
        items,
        {
          run: changing((item) => verbs.transition(item.key, item.transitionId)),
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
