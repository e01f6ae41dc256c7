/**
 * A hostile server in its own process, for runs a person or a test measures from outside:
 *
 *   node --import tsx harness/testing/hostile/main.ts http huge-answer --bytes 52428800
 *   node --import tsx harness/testing/hostile/main.ts stdio never-answers
 *
 * `http` prints one JSON line (`{"url": ...}`) and serves until SIGTERM or SIGINT; `stdio` speaks MCP
 * on stdin/stdout until stdin ends.
 */
import { parseArgs } from 'node:util';
import { startHostile } from './http.ts';
import { HOSTILE, type HostileParams, hostileSpec, isHostileName } from './spec.ts';
import { serveHostileStdio } from './stdio.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    bytes: { type: 'string' },
    'delay-ms': { type: 'string' },
    tools: { type: 'string' },
    methods: { type: 'string' },
  },
});
const [mode, name] = positionals;
if ((mode !== 'http' && mode !== 'stdio') || name === undefined || !isHostileName(name)) {
  console.error(
    `usage: main.ts http|stdio <name> [--bytes n] [--delay-ms n] [--tools n] [--methods a,b]\nnames: ${Object.keys(HOSTILE).join(', ')}`,
  );
  process.exit(2);
}
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const params: HostileParams = {
  ...(values.bytes ? { bytes: number(values.bytes) } : {}),
  ...(values['delay-ms'] ? { delayMs: number(values['delay-ms']) } : {}),
  ...(values.tools ? { tools: number(values.tools) } : {}),
  ...(values.methods ? { methods: values.methods.split(',') } : {}),
};
if (mode === 'stdio') serveHostileStdio(hostileSpec(name, params));
else {
  const server = await startHostile(name, params);
  process.stdout.write(`${JSON.stringify({ url: server.url, summary: server.spec.summary })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
