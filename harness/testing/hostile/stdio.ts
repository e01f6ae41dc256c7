import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { HostileResponder } from './responder.ts';
import type { HostileParams, HostileSpec } from './spec.ts';

/**
 * Speaks a hostile MCP server on stdin/stdout (one JSON-RPC message per line) until stdin ends.
 * Faults only HTTP can commit (`http-500`, `endless-sse`) are refused when the server starts.
 */
export function serveHostileStdio(
  spec: HostileSpec,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const fault of Object.values(spec.faults))
    if (fault.kind === 'http-500' || fault.kind === 'endless-sse')
      throw new Error(`the ${fault.kind} fault needs HTTP; serve this server with startHostile()`);
  const responder = new HostileResponder(spec);
  // Over stdio the "headers" a server receives are its environment.
  const received = { ...process.env } as Record<string, string>;
  createInterface({ input }).on('line', (line) => {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    const delivery = responder.respond(message, received);
    if (delivery.kind === 'nothing') return;
    const text = JSON.stringify(delivery.body);
    const fault = delivery.fault;
    if (spec.stdoutLog !== undefined) output.write(`${spec.stdoutLog}\n`);
    if (fault?.kind === 'silent') return;
    if (fault?.kind === 'late') setTimeout(() => output.write(`${text}\n`), fault.delayMs);
    else if (fault?.kind === 'invalid-json') output.write('{"jsonrpc":"2.0", this is not JSON\n');
    else if (fault?.kind === 'cut') output.write(text.slice(0, Math.floor(text.length / 2)), () => exit(1));
    else output.write(`${text}\n`);
  });
}

const MAIN = join(import.meta.dirname, 'main.ts');

/** A `stdio:` command line that runs a named hostile server in its own Node process (tsx loads the TypeScript). */
export function hostileStdioCommand(name: string, params: HostileParams = {}): string {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const flags = [
    ...(params.bytes === undefined ? [] : ['--bytes', String(params.bytes)]),
    ...(params.delayMs === undefined ? [] : ['--delay-ms', String(params.delayMs)]),
    ...(params.tools === undefined ? [] : ['--tools', String(params.tools)]),
    ...(params.methods === undefined ? [] : ['--methods', params.methods.join(',')]),
  ];
  return [process.execPath, '--import', tsx, MAIN, 'stdio', name, ...flags].join(' ');
}
