import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';

/**
 * Issue entity properties (`/issue/{key}/properties`): JSON values under a key, read by whoever sees
 * the issue and set or deleted by whoever edits it. Keys are at most 255 characters, values 32 KB.
 */

export const MAX_PROPERTY_KEY = 255;
export const MAX_PROPERTY_BYTES = 32_768;

function propertiesOf(store: SiteStore, issueId: string): Map<string, unknown> {
  let map = store.jiraExtras.issueProperties.get(issueId);
  if (!map) {
    map = new Map();
    store.jiraExtras.issueProperties.set(issueId, map);
  }
  return map;
}

const notFound = (key: string) => jiraError(404, [`The property with key '${key}' does not exist.`]);

/** `GET /issue/{key}/properties`: the keys. */
export function listIssuePropertyKeys(store: SiteStore, actor: Actor, idOrKey: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  return {
    keys: [...propertiesOf(store, issue.id).keys()].map((key) => ({
      self: `${jiraApiBase(store)}/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
      key,
    })),
  };
}

/** `GET /issue/{key}/properties/{propertyKey}` → `{key, value}`. */
export function getIssueProperty(store: SiteStore, actor: Actor, idOrKey: string, key: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  const map = propertiesOf(store, issue.id);
  if (!map.has(key)) throw notFound(key);
  return { key, value: map.get(key) };
}

function editable(store: SiteStore, actor: Actor, idOrKey: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  if (!holds(store, actor.accountId, projectOf(store, issue), 'EDIT_ISSUES'))
    throw jiraError(403, ['You do not have permission to edit this issue.']);
  return issue;
}

/** `PUT /issue/{key}/properties/{propertyKey}`: 201 when the key is new, 200 when it is replaced. */
export function setIssueProperty(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  key: string,
  value: unknown,
) {
  const issue = editable(store, actor, idOrKey);
  if (key.trim() === '' || key.length > MAX_PROPERTY_KEY)
    throw jiraError(400, [`The property key must be between 1 and ${MAX_PROPERTY_KEY} characters.`]);
  if (value === undefined) throw jiraError(400, ['The property value must be valid JSON.']);
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_PROPERTY_BYTES)
    throw jiraError(400, [`The property value must not exceed ${MAX_PROPERTY_BYTES} bytes.`]);
  const map = propertiesOf(store, issue.id);
  const created = !map.has(key);
  map.set(key, structuredClone(value));
  return { status: created ? 201 : 200 };
}

/** `DELETE /issue/{key}/properties/{propertyKey}` → 204. */
export function deleteIssueProperty(store: SiteStore, actor: Actor, idOrKey: string, key: string): void {
  const issue = editable(store, actor, idOrKey);
  if (!propertiesOf(store, issue.id).delete(key)) throw notFound(key);
}
