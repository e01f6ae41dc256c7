import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

export const BIN = join(PACKAGE_ROOT, 'bin/rovo-mcp-conformance.js');

const MockLine = z.object({
  url: z.url(),
  authv2Url: z.url(),
  listening: z.url(),
  cloudId: z.uuid(),
  site: z.string(),
  identities: z.array(
    z.object({ name: z.string(), email: z.string(), apiToken: z.string(), role: z.string() }),
  ),
});
export type MockInfo = z.infer<typeof MockLine>;

export interface MockProcess extends AsyncDisposable {
  info: MockInfo;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `npm run mock -- --json <args>` in its own process, as another program would reach it. */
export async function startMockProcess(args: string[] = []): Promise<MockProcess> {
  const child = spawn(process.execPath, [BIN, 'mock', '--json', ...args], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the mock exited early with ${code}`)));
  });
  const info = MockLine.parse(JSON.parse(line));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { info, child, stop, [Symbol.asyncDispose]: stop };
}
