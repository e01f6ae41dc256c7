import { renderUserRef } from '../../users.ts';
import { type Codec, isRecord, listCodec, refused, stored } from './codec.ts';

/**
 * User pickers take `{accountId}` on Cloud (names are refused since the GDPR changes). Stored as
 * `{accountId}`; read as Jira's user object. The refusal wording follows the assignee's
 * ("Specify a valid value for assignee"), with the field id in its place (inferred).
 */
export const userpicker: Codec = {
  operations: ['set'],
  write(value, ctx) {
    const accountId = isRecord(value) ? value.accountId : undefined;
    const user = typeof accountId === 'string' ? ctx.store.users.get(accountId) : undefined;
    if (!user?.active) return refused(`Specify a valid value for ${ctx.def.id}`);
    return stored({ accountId: user.accountId });
  },
  read: (value, ctx) =>
    isRecord(value) && typeof value.accountId === 'string'
      ? renderUserRef(ctx.store, value.accountId, ctx.viewer)
      : null,
};

export const multiuserpicker: Codec = listCodec(userpicker, (v) =>
  isRecord(v) && typeof v.accountId === 'string' ? v.accountId : '',
);
