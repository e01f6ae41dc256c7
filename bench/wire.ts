import { connect, type Session } from '../harness/connect/session.ts';
import { WireValidator } from '../harness/protocol/wire.ts';
import { setupFor } from '../harness/kinds/index.ts';
import { closeWorkerCloud } from '../harness/kinds/worker-cloud.ts';
import { mutantSettings } from '../harness/scenario/mutants.ts';
import type { Bench } from './stats.ts';
import { timeIt } from './stats.ts';
import { TARGET } from './msw-session.ts';
import { callsPerSecond } from './transport.ts';

const REPEAT = 2000;

/** Frames validated per second, for a frame of one kind taken from a real session. */
async function framesPerSecond(session: Session, pick: (json: string) => boolean): Promise<number> {
  const frames = session.frames.filter((f) => pick(JSON.stringify(f.message)));
  const elapsed = await timeIt(() => {
    for (let i = 0; i < REPEAT; i++) {
      const validator = new WireValidator();
      for (const f of frames) validator.frame(f);
    }
    return Promise.resolve();
  });
  return (REPEAT * frames.length * 1000) / elapsed;
}

/** What validating every frame against the SDK schemas costs, as every check against a mock pays it. */
export const wireBench: Bench = {
  title: 'Wire validation of every frame',
  async run() {
    const { site, connect: reach } = await setupFor(TARGET, mutantSettings());
    const credentials = site.identities.member ?? { kind: 'none' as const };
    const plain = await connect(TARGET, { credentials, requestTimeoutMs: 10_000, ...reach });
    const validator = new WireValidator();
    const watched = await connect(TARGET, {
      credentials,
      requestTimeoutMs: 10_000,
      ...reach,
      observe: validator,
    });
    await watched.client.listTools();
    const args = { cloudId: site.cloudId };
    // Interleaved rounds, best of each: the machine's load hits both sides alike.
    let without = 0;
    let withWire = 0;
    for (let round = 0; round < 3; round++) {
      without = Math.max(without, await callsPerSecond(() => plain.callTool('getIssueLinkTypes', args), 500));
      withWire = Math.max(
        withWire,
        await callsPerSecond(() => watched.callTool('getIssueLinkTypes', args), 500),
      );
    }
    const listing = await framesPerSecond(watched, (j) => j.includes('"tools":['));
    const calls = await framesPerSecond(
      watched,
      (j) => j.includes('tools/call') || j.includes('"content":['),
    );
    await plain.close();
    await watched.close();
    await closeWorkerCloud();
    // A call is two frames (request, result): their validation cost, from the frame rate alone.
    const perCallUs = (2 * 1e6) / calls;
    return [
      { name: 'tool calls without validation', value: `${without.toFixed(0)} calls/s`, note: 'best of 3' },
      {
        name: 'tool calls with validation',
        value: `${withWire.toFixed(0)} calls/s`,
        note: 'best of 3, interleaved',
      },
      {
        name: 'validation cost per tool call',
        value: `${perCallUs.toFixed(1)} µs`,
        note: 'request + result',
      },
      { name: 'tools/list result (33 tools)', value: `${listing.toFixed(0)} frames/s validated` },
      { name: 'tools/call request and result', value: `${calls.toFixed(0)} frames/s validated` },
      {
        name: 'violations in the measured traffic',
        value: String(validator.violations.length),
        note: 'must be 0',
      },
    ];
  },
};
