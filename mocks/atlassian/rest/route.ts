import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';

export interface RestContext {
  store: SiteStore;
  actor: Actor;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  request: Request;
  /** The parsed JSON body; a 400 in Jira's words when it is not JSON. */
  body(): Promise<unknown>;
}

/** What a handler may return besides a plain JSON body (200). */
export class RestReply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

export type RestHandler = (c: RestContext) => unknown;

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RestHandler;
}

/** `route('GET', '/issue/:idOrKey', h)`; the path is relative to the product's REST base. */
export function route(method: string, path: string, handler: RestHandler): Route {
  const names: string[] = [];
  const source = path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}/?$`), names, handler };
}

export function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const all = query.getAll(name).flatMap((v) => v.split(','));
  return all.length > 0 ? all.map((s) => s.trim()).filter(Boolean) : undefined;
}
