import { HarnessError } from '../errors.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { dataFileOf } from './index.ts';
import { refusedVerb } from './mapped/driver.ts';
import type { DialectFile } from './mapped/schema.ts';
import type { Driver } from './types.ts';

/** Every verb of a driver; the type below fails to compile when Driver gains one this list lacks. */
const VERBS = [
  'whoAmI',
  'accessibleSites',
  'findUsers',
  'listProjects',
  'issueTypes',
  'createFields',
  'createIssue',
  'createEpic',
  'getIssue',
  'editIssue',
  'transitions',
  'transition',
  'addComment',
  'editComment',
  'comments',
  'searchIssues',
  'linkTypes',
  'linkIssues',
  'logWork',
  'bulkCreate',
  'bulkEdit',
  'bulkTransition',
  'spaces',
  'pagesInSpace',
  'getPage',
  'createPage',
  'updatePage',
  'pageDescendants',
  'footerComments',
  'addFooterComment',
  'searchContent',
  'search',
  'fetch',
  'graphContext',
  'graphObjects',
] as const satisfies readonly Exclude<keyof Driver, 'dialect' | 'session'>[];
type Verb = (typeof VERBS)[number];
const listsEveryVerb: Exclude<keyof Driver, 'dialect' | 'session' | Verb> extends never ? true : never = true;
void listsEveryVerb;
const isVerb = (name: string | symbol): name is Verb =>
  (VERBS as readonly (string | symbol)[]).includes(name);

/**
 * The driver a check asks for. A data dialect's driver opens its session with the first verb the
 * file does not refuse outright: a check whose verb the dialect cannot express is `unsupported`
 * without starting the server (seconds per check for a spawned one). Its `session` exists once a
 * verb has reached the server. Other dialects open the session at once.
 */
export function driverOnDemand(target: TargetSpec, open: () => Promise<Driver>): Promise<Driver> {
  const file = dataFileOf(target);
  return file ? Promise.resolve(onDemand(target, file, open)) : open();
}

function onDemand(target: TargetSpec, file: DialectFile, open: () => Promise<Driver>): Driver {
  let opening: Promise<Driver> | undefined;
  let opened: Driver | undefined;
  const driver = () => (opening ??= open().then((d) => (opened = d)));
  const verb =
    (name: Verb) =>
    async (...args: unknown[]): Promise<unknown> => {
      const refused = refusedVerb(file, name);
      if (refused) throw refused;
      const d = await driver();
      return (d[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  return new Proxy({} as Driver, {
    get(_target, name) {
      if (isVerb(name)) return verb(name);
      if (name === 'dialect') return target.dialectFile === undefined ? target.dialect : 'file';
      if (name === 'session') {
        if (opened) return opened.session;
        throw new HarnessError(
          'TARGET_UNRESOLVED',
          'the driver has no session before a verb reached its server',
        );
      }
      return undefined;
    },
  });
}
