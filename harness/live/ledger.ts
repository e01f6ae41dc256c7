import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import type { RunSettings } from '../config/settings.ts';
import { LiveError } from './errors.ts';

const Kind = z.enum(['issue', 'page']);
export type ArtifactKind = z.infer<typeof Kind>;

/**
 * One line of a ledger. `intent` is written before a create call goes out (so a run killed during
 * the call still says what it may have made), `created` as soon as the answer names the artifact and
 * before the call returns, and one of the outcomes when teardown or the janitor dealt with it.
 */
export const LedgerEntrySchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('intent'),
    at: z.string(),
    runId: z.string(),
    ref: z.string(),
    kind: Kind,
    /** The summary or title sent, to find the artifact when the answer never came. */
    title: z.string(),
    /** The sandbox project key or space id it goes to. */
    container: z.string(),
  }),
  z.object({
    event: z.literal('created'),
    at: z.string(),
    runId: z.string(),
    ref: z.string(),
    kind: Kind,
    id: z.string(),
    key: z.string().optional(),
  }),
  z.object({
    /** A create call answered without creating anything (or the janitor found nothing it made). */
    event: z.literal('refused'),
    at: z.string(),
    runId: z.string(),
    ref: z.string(),
    detail: z.string(),
  }),
  z.object({
    event: z.enum(['deleted', 'closed', 'gone', 'failed']),
    at: z.string(),
    runId: z.string(),
    kind: Kind,
    id: z.string(),
    key: z.string().optional(),
    detail: z.string(),
  }),
]);
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type Outcome = Extract<LedgerEntry, { event: 'deleted' | 'closed' | 'gone' | 'failed' }>;

/** Where a run's ledger goes unless `--ledger` says otherwise. */
export function ledgerDirOf(settings: RunSettings): string {
  return settings.ledgerDir ?? join(resolve(PACKAGE_ROOT, settings.reportsDir), 'ledger');
}

export const ledgerPath = (dir: string, runId: string) => join(dir, `${runId}.jsonl`);

/**
 * An append-only JSON-lines file per run. Each entry is one write of one line followed by fsync, so
 * what a call appended is on disk before the call returns, and a kill can tear at most the last line.
 * Several worker processes append to the same file; O_APPEND keeps their lines whole.
 */
export class Ledger {
  constructor(
    readonly path: string,
    readonly runId: string,
  ) {}

  append(entry: LedgerEntry): void {
    mkdirSync(join(this.path, '..'), { recursive: true });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** Every entry of a ledger; a torn last line (a kill mid-write) is dropped, any other bad line names itself. */
export function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const entries: LedgerEntry[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: z.ZodSafeParseResult<LedgerEntry> | undefined;
    try {
      parsed = LedgerEntrySchema.safeParse(JSON.parse(line));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) entries.push(parsed.data);
    else if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim() !== ''))
      throw new LiveError(
        'LEDGER_INVALID',
        `${path} line ${i + 1} is not a ledger entry; fix or remove the line, then run janitor again`,
      );
  });
  return entries;
}

export const ledgerFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => join(dir, f))
    : [];

export interface Artifact {
  runId: string;
  kind: ArtifactKind;
  id: string;
  key?: string | undefined;
}

export interface Unsettled {
  /** Created and not yet deleted, closed or found gone, newest first (children before parents). */
  artifacts: Artifact[];
  /** Create calls whose answer never reached the ledger. */
  intents: Extract<LedgerEntry, { event: 'intent' }>[];
}

/** What a ledger still owes: artifacts without a final outcome, intents without a created entry. */
export function unsettled(entries: readonly LedgerEntry[]): Unsettled {
  const created = new Map<string, Artifact>();
  const answered = new Set<string>();
  for (const e of entries) {
    if (e.event === 'refused') answered.add(e.ref);
    else if (e.event === 'created') {
      answered.add(e.ref);
      created.set(`${e.kind}:${e.id}`, { runId: e.runId, kind: e.kind, id: e.id, key: e.key });
    } else if (e.event === 'deleted' || e.event === 'closed' || e.event === 'gone') {
      created.delete(`${e.kind}:${e.id}`);
    }
  }
  return {
    artifacts: [...created.values()].reverse(),
    intents: entries.filter(
      (e): e is Extract<LedgerEntry, { event: 'intent' }> => e.event === 'intent' && !answered.has(e.ref),
    ),
  };
}
