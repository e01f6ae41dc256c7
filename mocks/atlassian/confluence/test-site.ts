import { AtlassianError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import { loadSiteSeed } from '../seed/load.ts';
import { SiteStore } from '../store.ts';

/** A fixture site for unit tests (the default one unless named), on a fixed clock, and its people as actors. */
export function testSite(site = 'default') {
  const store = new SiteStore(loadSiteSeed(site), () => new Date('2026-10-01T12:00:00.000Z'));
  const actor = (handle: 'admin' | 'member' | 'viewer' | 'outsider' | 'former'): Actor => {
    const user = store.userByHandle(handle);
    if (!user) throw new Error(`no ${handle} in the fixture`);
    return { accountId: user.accountId };
  };
  return { store, actor };
}

/** Runs `fn` and returns the Atlassian error it throws (status and body), failing when it does not throw. */
export function failure(fn: () => unknown): { status: number; body: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AtlassianError) return { status: error.status, body: error.body };
    throw error;
  }
  throw new Error('expected an Atlassian error, but the call succeeded');
}

/** The title of a v2 error body (`errors[0].title`). */
export function v2Title(body: unknown): string | undefined {
  const errors = (body as { errors?: { title?: string }[] } | undefined)?.errors;
  return errors?.[0]?.title;
}
