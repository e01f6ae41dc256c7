import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { CLOSED_LABEL, MARKER_LABEL } from './guard.ts';
import { Ledger, ledgerFiles, readLedger } from './ledger.ts';
import { type AtlassianRest, errorText } from './rest.ts';
import { type CleanupReport, jqlIssues, removeArtifact, type Settled, settle } from './teardown.ts';

/** A run label: `rovo-mcp-conformance-<runId>`, not the marker or the closed label. */
const RUN_LABEL = new RegExp(`^${MARKER_LABEL}-(?!closed$)[a-z0-9-]+$`);

export interface JanitorOptions {
  ledgerDir: string;
  /** Only what is older than this is touched, so a run in progress keeps its artifacts. */
  olderThanMs: number;
  sandboxProject: string | undefined;
  sandboxSpaceId: string | undefined;
  now?: number;
}

export interface JanitorReport extends CleanupReport {
  ledgers: number;
}

const minutes = (ms: number) => Math.floor(ms / 60_000);

/** Labelled sandbox issues older than the cutoff that teardown has not closed. */
async function strayIssues(rest: AtlassianRest, project: string, olderThanMs: number, cutoff: number) {
  const age = minutes(olderThanMs) > 0 ? ` AND created <= "-${minutes(olderThanMs)}m"` : '';
  const issues = await jqlIssues(
    rest,
    `project = "${project}" AND labels is not EMPTY${age} ORDER BY created DESC`,
    ['labels', 'created'],
  );
  return issues.filter((i) => {
    const labels = z.array(z.string()).catch([]).parse(i.fields.labels);
    const created = Date.parse(z.string().catch('').parse(i.fields.created));
    return labels.some((l) => RUN_LABEL.test(l)) && !labels.includes(CLOSED_LABEL) && !(created > cutoff);
  });
}

const CqlPage = z.object({
  results: z.array(
    z.object({ content: z.object({ id: z.string(), type: z.string() }).loose().optional() }).loose(),
  ),
  _links: z.object({ next: z.string().optional() }).loose().optional(),
});

/** Marked pages of the sandbox space older than the cutoff that teardown has not closed. */
async function strayPages(rest: AtlassianRest, spaceId: string, olderThanMs: number): Promise<string[]> {
  const age = minutes(olderThanMs) > 0 ? ` and created <= now("-${minutes(olderThanMs)}m")` : '';
  const cql = `type = page and label = "${MARKER_LABEL}" and label != "${CLOSED_LABEL}"${age}`;
  const ids: string[] = [];
  for (let start = 0; start < 10_000;) {
    const answer = await rest.confluenceV1(
      `/search?${new URLSearchParams({ cql, start: String(start), limit: '100' })}`,
    );
    const parsed = CqlPage.safeParse(answer.body);
    if (!parsed.success) throw new Error(`CQL search "${cql}" failed: ${errorText(answer)}`);
    const found = parsed.data.results.flatMap((r) => (r.content?.type === 'page' ? [r.content.id] : []));
    ids.push(...found);
    if (parsed.data.results.length === 0 || !parsed.data._links?.next) break;
    start += parsed.data.results.length;
  }
  // The space is checked per page: CQL's space field takes keys, the ledger knows ids.
  const inSpace: string[] = [];
  for (const id of ids) {
    const page = await rest.confluence(`/pages/${encodeURIComponent(id)}`);
    if (z.object({ spaceId: z.string() }).loose().safeParse(page.body).data?.spaceId === spaceId)
      inSpace.push(id);
  }
  return inSpace;
}

/**
 * Sweeps what runs left behind: first every ledger older than the cutoff (runs killed before their
 * teardown, including create calls whose answer never came), then anything in the sandbox that still
 * carries a run label and is older than the cutoff (a ledger lost with its machine). Closed artifacts
 * (deletion refused earlier) are left alone.
 */
export async function sweep(rest: AtlassianRest, options: JanitorOptions): Promise<JanitorReport> {
  const now = options.now ?? Date.now();
  const cutoff = now - options.olderThanMs;
  const outcomes: Settled[] = [];
  let ledgers = 0;
  for (const path of ledgerFiles(options.ledgerDir)) {
    if (statSync(path).mtimeMs > cutoff) continue;
    ledgers++;
    const report = await settle(rest, new Ledger(path, basename(path, '.jsonl')), readLedger(path));
    outcomes.push(...report.outcomes);
  }
  const seen = new Set(outcomes.map((o) => `${o.kind}:${o.id}`));
  const sweepOne = async (kind: 'issue' | 'page', id: string, key?: string) => {
    if (seen.has(`${kind}:${id}`)) return;
    seen.add(`${kind}:${id}`);
    try {
      outcomes.push(await removeArtifact(rest, { runId: 'unknown', kind, id, key }));
    } catch (error) {
      outcomes.push({ event: 'failed', kind, id, key, detail: (error as Error).message });
    }
  };
  if (options.sandboxProject)
    for (const issue of await strayIssues(rest, options.sandboxProject, options.olderThanMs, cutoff))
      await sweepOne('issue', issue.id, issue.key);
  if (options.sandboxSpaceId)
    for (const id of await strayPages(rest, options.sandboxSpaceId, options.olderThanMs))
      await sweepOne('page', id);
  return { ledgers, outcomes };
}
