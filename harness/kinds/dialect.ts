import type { RunSettings } from '../config/settings.ts';
import { HarnessError } from '../errors.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { closeKinds, setupFor } from './index.ts';

/**
 * Settles `dialect: auto` once per target, before any check, from the target's whole tools/list. A
 * server whose tools fit no dialect stops the run here with a config error (exit 2) naming what it
 * listed; a server that cannot be reached keeps `auto`, so its checks say why one by one.
 */
export async function resolveDialects(settings: RunSettings): Promise<RunSettings> {
  try {
    const targets: TargetSpec[] = [];
    for (const target of settings.targets) targets.push(await resolveDialect(target, settings));
    return { ...settings, targets };
  } finally {
    await closeKinds();
  }
}

async function resolveDialect(target: TargetSpec, settings: RunSettings): Promise<TargetSpec> {
  // An unreachable target's checks already fail with the reason found before any check.
  // A target with its own dialect file is mapped by it: there is nothing to detect.
  if (target.dialect !== 'auto' || target.dialectFile !== undefined || settings.unreachable?.[target.name])
    return target;
  // The SDK and the drivers load only for a target whose dialect is to be detected.
  const [{ connect }, { detectSessionDialect }] = await Promise.all([
    import('../connect/session.ts'),
    import('../drivers/index.ts'),
  ]);
  const setup = await setupFor(target, settings);
  const credentials = setup.site.identities.member ?? Object.values(setup.site.identities)[0];
  if (!credentials) return target;
  let session;
  try {
    session = await connect(target, {
      credentials,
      requestTimeoutMs: settings.requestTimeoutMs,
      ...setup.connect,
    });
  } catch {
    return target;
  }
  try {
    const dialect = await detectSessionDialect(session);
    return { ...target, dialect, reason: `${target.reason}; dialect ${dialect}, detected from tools/list` };
  } catch (error) {
    if (error instanceof HarnessError && error.code === 'CONFIG_INVALID') throw error;
    return target;
  } finally {
    await session.close().catch(() => undefined);
  }
}
