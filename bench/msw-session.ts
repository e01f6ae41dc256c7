import { connect, type Session } from '../harness/connect/session.ts';
import { closeMockRuntime, freshCloud, mockSiteFacts } from '../harness/targets/mock-runtime.ts';
import type { FakeCloud } from '../mocks/cloud.ts';

export const TARGET = { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'bench' } as const;

/** A member session on a fresh mock cloud through the msw mount, closed after `use`. */
export async function withMswSession<T>(
  use: (session: Session, cloudId: string, cloud: FakeCloud) => Promise<T>,
): Promise<T> {
  const cloud = await freshCloud({});
  const site = mockSiteFacts(cloud);
  const session = await connect(TARGET, {
    credentials: site.identities.member ?? { kind: 'none' },
    requestTimeoutMs: 10_000,
  });
  try {
    return await use(session, site.cloudId, cloud);
  } finally {
    await session.close();
    await closeMockRuntime();
  }
}
