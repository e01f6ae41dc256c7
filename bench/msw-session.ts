import { connect, type Session } from '../harness/connect/session.ts';
import { setupFor } from '../harness/kinds/index.ts';
import { closeWorkerCloud } from '../harness/kinds/worker-cloud.ts';
import { mutantSettings } from '../harness/scenario/mutants.ts';
import type { FakeCloud } from '../mocks/cloud.ts';

export const TARGET = { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'bench' } as const;

/** A member session on a fresh mock cloud through the msw mount, closed after `use`. */
export async function withMswSession<T>(
  use: (session: Session, cloudId: string, cloud: FakeCloud) => Promise<T>,
): Promise<T> {
  const { site, cloud, connect: reach } = await setupFor(TARGET, mutantSettings());
  if (!cloud) throw new Error('rovo-mock has no cloud');
  const session = await connect(TARGET, {
    credentials: site.identities.member ?? { kind: 'none' },
    requestTimeoutMs: 10_000,
    ...reach,
  });
  try {
    return await use(session, site.cloudId, cloud);
  } finally {
    await session.close();
    await closeWorkerCloud();
  }
}
