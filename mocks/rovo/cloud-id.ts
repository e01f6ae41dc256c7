import type { SiteStore } from '../atlassian/store.ts';
import { RovoToolError } from './tools/define.ts';

/**
 * `cloudId` may be the site's UUID, its host name, or a URL on the site (rovo-surface.md 2).
 * Anything else is refused with a message that says how to find the right value.
 */
export function checkCloudId(store: SiteStore, value: string): void {
  const v = value.trim();
  if (v.toLowerCase() === store.site.cloudId) return;
  let host = v.toLowerCase();
  if (/^https?:\/\//i.test(v)) {
    try {
      host = new URL(v).host.toLowerCase();
    } catch {
      host = '';
    }
  }
  if (host === store.site.host) return;
  throw new RovoToolError(
    `Cloud ID '${value}' does not match any site you can access. Pass the site's cloudId (a UUID) or its host name, e.g. '${store.site.host}'; getAccessibleAtlassianResources lists them.`,
  );
}
