// Plugs the custom-field types (the Sprint field) into the field registry.
import '../../../atlassian/jira/fields/custom/index.ts';
import { AtlassianError } from '../../../atlassian/errors.ts';
import { testSite } from '../../../atlassian/confluence/test-site.ts';
import { runOperation } from './index.ts';

type Handle = 'admin' | 'member' | 'viewer' | 'outsider' | 'former';

/** A fresh test site and `call(operation, who, inputs)` through the operation map. */
export function operationSite() {
  const site = testSite();
  const call = (name: string, who: Handle, inputs: Record<string, unknown> = {}) =>
    runOperation(name, inputs, { store: site.store, actor: site.actor(who) });
  /** The error a call throws: its class name and code, and the site's HTTP status and body when it is one. */
  const refusal = (name: string, who: Handle, inputs: Record<string, unknown> = {}) => {
    try {
      call(name, who, inputs);
    } catch (e) {
      const err = e as Error & { code?: string };
      return {
        name: err.name,
        code: err.code,
        message: err.message,
        ...(e instanceof AtlassianError ? { status: e.status, body: e.body } : {}),
      };
    }
    throw new Error(`${name} succeeded`);
  };
  return { ...site, call, refusal };
}
