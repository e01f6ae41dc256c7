import type { RunSettings } from '../config/settings.ts';
import { closeKinds, setupFor } from '../kinds/index.ts';
import { redact } from '../redact.ts';
import { truncateText } from '../records/bounds.ts';
import type { TargetKind } from '../targets/spec.ts';

/**
 * Kinds tried once before any check: those whose server is the user's and cheap to reach from the
 * CLI's own process. Mocks are the harness's, a live target has its own preflight, and a container
 * would be started twice (its checks still stop trying after the first unanswered initialize).
 */
const TRIED: ReadonlySet<TargetKind> = new Set(['http', 'stdio']);

/**
 * Opens one plain session to each such target, before any check runs. A target whose initialize gets
 * no answer twice (request timeout, refused connection, answers under another id) is returned
 * with the reason and the exchange: its checks then fail at once, and a run against a server that
 * never answers takes one request timeout instead of one per check. An HTTP status or a JSON-RPC
 * error is an answer: such a target is left to its checks.
 */
export async function findUnreachable(settings: RunSettings): Promise<RunSettings['unreachable']> {
  const tried = settings.targets.filter((t) => TRIED.has(t.kind));
  if (tried.length === 0) return undefined;
  // The SDK loads only when a target is tried: a run of mocks starts without it.
  const { ConnectFailedError, connect } = await import('../connect/session.ts');
  const found: NonNullable<RunSettings['unreachable']> = {};
  try {
    await Promise.all(
      tried.map(async (target) => {
        // Twice: a server that starts slowly under load may miss one request timeout.
        for (let attempt = 1; ; attempt++) {
          try {
            const setup = await setupFor(target, settings);
            const session = await connect(target, {
              credentials: setup.site.identities.member ?? { kind: 'none' },
              requestTimeoutMs: settings.requestTimeoutMs,
              ...setup.connect,
            });
            await session.close();
            return;
          } catch (error) {
            if (!(error instanceof ConnectFailedError) || !error.unanswered) return;
            if (attempt < 2) continue;
            found[target.name] = redact({
              reason: truncateText(error.message),
              exchange: error.transport.frames.map((f) => ({ direction: f.direction, message: f.message })),
            });
            return;
          }
        }
      }),
    );
  } finally {
    await closeKinds();
  }
  return Object.keys(found).length > 0 ? found : undefined;
}
