import type { Session } from '../connect/session.ts';
import { REVISIONS, type Revision } from '../protocol/revisions.ts';
import type { CheckContext } from './context.ts';

export interface PerRevision<T> {
  /** Revisions the target agreed to, with what the probe found in a session at that revision. */
  spoken: { revision: Revision; result: T }[];
  /** Revisions it answered with another version (legitimate: servers need not speak every revision). */
  unspoken: { revision: Revision; negotiated: string }[];
}

/** Runs `probe` once per known revision, in a session that asked for that revision. */
export async function perRevision<T>(
  ctx: CheckContext,
  probe: (session: Session, revision: Revision) => Promise<T>,
): Promise<PerRevision<T>> {
  const out: PerRevision<T> = { spoken: [], unspoken: [] };
  for (const revision of REVISIONS) {
    const session = await ctx.connect('member', { protocolVersion: revision });
    const negotiated = session.protocolVersion ?? 'none';
    if (negotiated === revision) out.spoken.push({ revision, result: await probe(session, revision) });
    else out.unspoken.push({ revision, negotiated });
  }
  return out;
}

/** "2025-06-18 → 2025-11-25" lines for evidence. */
export function describeUnspoken(unspoken: PerRevision<unknown>['unspoken']): string {
  return unspoken.map((u) => `${u.revision} answered with ${u.negotiated}`).join(', ');
}
