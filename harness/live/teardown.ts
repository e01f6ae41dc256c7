import { z } from 'zod';
import { CLOSED_LABEL, runLabelOf } from './guard.ts';
import { type Artifact, type Ledger, type LedgerEntry, type Outcome, unsettled } from './ledger.ts';
import { type AtlassianRest, errorText } from './rest.ts';

export type Settled = Pick<Outcome, 'event' | 'kind' | 'id' | 'key' | 'detail'>;

/** What teardown or the janitor did, artifact by artifact. */
export interface CleanupReport {
  outcomes: Settled[];
}

export function summarize(report: CleanupReport): string {
  const count = (event: Settled['event']) => report.outcomes.filter((o) => o.event === event).length;
  const lines = [
    `${count('deleted')} deleted, ${count('closed')} closed (deletion not permitted), ${count('gone')} already gone, ${count('failed')} failed`,
  ];
  for (const o of report.outcomes.filter((x) => x.event === 'closed' || x.event === 'failed'))
    lines.push(`  ${o.event} ${o.kind} ${o.key ?? o.id}: ${o.detail}`);
  return lines.join('\n');
}

const Transitions = z.object({
  transitions: z.array(
    z
      .object({
        id: z.string(),
        name: z.string(),
        to: z.object({ statusCategory: z.object({ key: z.string() }).loose() }).loose(),
      })
      .loose(),
  ),
});

/** Where deletion is refused, an issue is moved to a done status and labelled, so it is closed and findable. */
async function closeIssue(rest: AtlassianRest, a: Artifact, why: string): Promise<Settled> {
  const ref = encodeURIComponent(a.key ?? a.id);
  const notes: string[] = [why];
  const listed = await rest.jira(`/issue/${ref}/transitions`);
  const done = Transitions.safeParse(listed.body).data?.transitions.find(
    (t) => t.to.statusCategory.key === 'done',
  );
  if (done) {
    const moved = await rest.jira(`/issue/${ref}/transitions`, {
      method: 'POST',
      body: { transition: { id: done.id } },
    });
    notes.push(
      moved.status < 300 ? `moved to done by "${done.name}"` : `not moved to done (${errorText(moved)})`,
    );
  } else notes.push('no transition to a done status');
  const labelled = await rest.jira(`/issue/${ref}`, {
    method: 'PUT',
    body: { update: { labels: [{ add: CLOSED_LABEL }] } },
  });
  if (labelled.status >= 300)
    return {
      event: 'failed',
      kind: 'issue',
      id: a.id,
      key: a.key,
      detail: `${notes.join('; ')}; labelling refused (${errorText(labelled)})`,
    };
  return {
    event: 'closed',
    kind: 'issue',
    id: a.id,
    key: a.key,
    detail: `${notes.join('; ')}; labelled ${CLOSED_LABEL}`,
  };
}

async function removeIssue(rest: AtlassianRest, a: Artifact): Promise<Settled> {
  const answer = await rest.jira(`/issue/${encodeURIComponent(a.key ?? a.id)}?deleteSubtasks=true`, {
    method: 'DELETE',
  });
  if (answer.status === 204 || answer.status === 200)
    return { event: 'deleted', kind: 'issue', id: a.id, key: a.key, detail: 'deleted' };
  if (answer.status === 404)
    return { event: 'gone', kind: 'issue', id: a.id, key: a.key, detail: 'not found (deleted already)' };
  if (answer.status === 403) return closeIssue(rest, a, `deletion refused (${errorText(answer)})`);
  return { event: 'failed', kind: 'issue', id: a.id, key: a.key, detail: errorText(answer) };
}

export async function labelPage(rest: AtlassianRest, id: string, labels: string[]) {
  return rest.confluenceV1(`/content/${encodeURIComponent(id)}/label`, {
    method: 'POST',
    body: labels.map((name) => ({ prefix: 'global', name })),
  });
}

/** Pages go to the trash, then out of it; a space that does not allow purging keeps them in the trash. */
async function removePage(rest: AtlassianRest, a: Artifact): Promise<Settled> {
  const id = encodeURIComponent(a.id);
  const trashed = await rest.confluence(`/pages/${id}`, { method: 'DELETE' });
  if (trashed.status === 404)
    return { event: 'gone', kind: 'page', id: a.id, detail: 'not found (deleted already)' };
  if (trashed.status === 403) {
    const labelled = await labelPage(rest, a.id, [CLOSED_LABEL]);
    return labelled.status < 300
      ? {
          event: 'closed',
          kind: 'page',
          id: a.id,
          detail: `deletion refused (${errorText(trashed)}); labelled ${CLOSED_LABEL}`,
        }
      : {
          event: 'failed',
          kind: 'page',
          id: a.id,
          detail: `deletion refused (${errorText(trashed)}); labelling refused (${errorText(labelled)})`,
        };
  }
  if (trashed.status >= 300) return { event: 'failed', kind: 'page', id: a.id, detail: errorText(trashed) };
  const purged = await rest.confluence(`/pages/${id}?purge=true`, { method: 'DELETE' });
  return {
    event: 'deleted',
    kind: 'page',
    id: a.id,
    detail:
      purged.status < 300 ? 'deleted and purged' : `moved to the trash; purge refused (${errorText(purged)})`,
  };
}

export function removeArtifact(rest: AtlassianRest, a: Artifact): Promise<Settled> {
  return (a.kind === 'issue' ? removeIssue : removePage)(rest, a);
}

const JqlPage = z.object({
  issues: z.array(
    z.object({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()) }).loose(),
  ),
  nextPageToken: z.string().nullish(),
});

/** Issues a JQL query finds, every page of them, with the named fields. */
export async function jqlIssues(rest: AtlassianRest, jql: string, fields: string[]) {
  const found: z.infer<typeof JqlPage>['issues'] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const answer = await rest.jira('/search/jql', {
      method: 'POST',
      body: { jql, fields, maxResults: 100, ...(token ? { nextPageToken: token } : {}) },
    });
    const parsed = JqlPage.safeParse(answer.body);
    if (!parsed.success) throw new Error(`JQL search "${jql}" failed: ${errorText(answer)}`);
    found.push(...parsed.data.issues);
    token = parsed.data.nextPageToken ?? undefined;
    if (!token) break;
  }
  return found;
}

const PageList = z.object({ results: z.array(z.object({ id: z.string(), title: z.string() }).loose()) });

/** The artifact an unanswered create call made, looked up by its run label and summary, or by title in its space. */
async function findIntent(
  rest: AtlassianRest,
  intent: Extract<LedgerEntry, { event: 'intent' }>,
): Promise<Artifact | undefined> {
  if (intent.kind === 'issue') {
    const issues = await jqlIssues(rest, `labels = "${runLabelOf(intent.runId)}"`, ['summary']);
    const hit = issues.find((i) => i.fields.summary === intent.title);
    return hit && { runId: intent.runId, kind: 'issue', id: hit.id, key: hit.key };
  }
  const query = new URLSearchParams({ 'space-id': intent.container, title: intent.title });
  const answer = await rest.confluence(`/pages?${query}`);
  const hit = PageList.safeParse(answer.body).data?.results.find((p) => p.title === intent.title);
  return hit && { runId: intent.runId, kind: 'page', id: hit.id };
}

/**
 * Settles a ledger: finds what unanswered create calls made, then deletes every artifact newest first
 * (children before parents), closing and labelling what may not be deleted. Each outcome is appended
 * to the ledger as it happens, so a teardown cut short resumes where it stopped.
 */
export async function settle(
  rest: AtlassianRest,
  ledger: Ledger,
  entries: readonly LedgerEntry[],
): Promise<CleanupReport> {
  const owed = unsettled(entries);
  const at = () => new Date().toISOString();
  const artifacts = [...owed.artifacts];
  for (const intent of owed.intents) {
    const found = await findIntent(rest, intent);
    if (!found) {
      ledger.append({
        event: 'refused',
        at: at(),
        runId: intent.runId,
        ref: intent.ref,
        detail: 'no such artifact: the call created nothing',
      });
      continue;
    }
    ledger.append({
      event: 'created',
      at: at(),
      runId: intent.runId,
      ref: intent.ref,
      kind: found.kind,
      id: found.id,
      ...(found.key ? { key: found.key } : {}),
    });
    artifacts.unshift(found);
  }
  const outcomes: Settled[] = [];
  for (const a of artifacts) {
    let outcome: Settled;
    try {
      outcome = await removeArtifact(rest, a);
    } catch (error) {
      outcome = { event: 'failed', kind: a.kind, id: a.id, key: a.key, detail: (error as Error).message };
    }
    ledger.append({ ...outcome, at: at(), runId: a.runId });
    outcomes.push(outcome);
  }
  return { outcomes };
}
