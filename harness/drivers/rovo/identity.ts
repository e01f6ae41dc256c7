import { z } from 'zod';
import type { Driver } from '../types.ts';
import { callAndParse } from '../tool-call.ts';
import type { DriverContext } from '../context.ts';
import { MeSchema, ResourcesSchema, UserSchema } from './schemas.ts';

export function rovoIdentity(ctx: DriverContext): Pick<Driver, 'whoAmI' | 'accessibleSites' | 'findUsers'> {
  return {
    async whoAmI() {
      const me = await callAndParse(ctx.session, 'atlassianUserInfo', {}, MeSchema);
      return {
        accountId: me.account_id,
        displayName: me.name,
        email: me.email,
        active: me.account_status === 'active',
      };
    },
    async accessibleSites() {
      const rows = await callAndParse(ctx.session, 'getAccessibleAtlassianResources', {}, ResourcesSchema);
      return rows.map((r) => ({ cloudId: r.id, url: r.url, name: r.name, scopes: r.scopes }));
    },
    async findUsers(query) {
      const users = await callAndParse(
        ctx.session,
        'lookupJiraAccountId',
        { cloudId: ctx.cloudId, searchString: query },
        z.union([z.array(UserSchema), z.object({ users: z.array(UserSchema) }).loose()]),
      );
      const list = Array.isArray(users) ? users : users.users;
      return list.map((u) => ({
        accountId: u.accountId,
        displayName: u.displayName,
        email: u.emailAddress,
        active: u.active,
      }));
    },
  };
}
