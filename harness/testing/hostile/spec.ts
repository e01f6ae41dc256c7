/**
 * What a hostile MCP server does wrong, as plain data. A fault is applied to the answer of every
 * JSON-RPC request whose method it names (`*`: every method); other requests are answered correctly.
 */
export type Fault =
  /** The request is accepted and never answered (the connection stays open). */
  | { kind: 'silent' }
  /** The correct answer, `delayMs` late. */
  | { kind: 'late'; delayMs: number }
  /** HTTP 200 `application/json` (stdio: one line) whose body is not JSON. */
  | { kind: 'invalid-json' }
  /** A JSON-RPC error whose message is `bytes` long. */
  | { kind: 'huge-error'; bytes: number }
  /** Half the answer, then the socket is destroyed (stdio: the process exits mid-line). */
  | { kind: 'cut' }
  /** HTTP 500 with a plain-text body (HTTP only). */
  | { kind: 'http-500' }
  /** The correct answer carrying another id than the request's. */
  | { kind: 'wrong-id' }
  /** An event stream of keep-alive comments that never carries the answer (HTTP only). */
  | { kind: 'endless-sse'; intervalMs: number }
  /** A well-formed JSON-RPC error. */
  | { kind: 'rpc-error'; code: number; message: string };

export interface HostileSpec {
  /** One line on what it does wrong. */
  summary: string;
  /** Faults by JSON-RPC method, `*` for every method; the first match (exact name, then `*`) applies. */
  faults: Readonly<Record<string, Fault>>;
  /** How many tools `tools/list` serves (`tool_00001`...). */
  tools: number;
  /** `tools/list` page size; `loop`: the last page's cursor leads back to the first, forever. */
  page?: { size: number; loop: boolean };
  /** Put into serverInfo, every tool's title and description, tool results and error messages. */
  text: string;
  /** Tool results and error messages quote the HTTP headers (stdio: the environment) the server received. */
  echoHeaders: boolean;
  /** Capabilities declared at initialize. */
  capabilities: Readonly<Record<string, object>>;
  /** Over stdio, a line of plain text written to stdout before every answer (a server logging there). */
  stdoutLog?: string;
}

/** Knobs of the presets; tests use small values that still prove a cap. */
export interface HostileParams {
  /** huge-answer: the size of the error message (default 50 MiB, what the issue saw). */
  bytes?: number;
  /** answers-late: how late (default 20 s, past the default 10 s request timeout). */
  delayMs?: number;
  /** ten-thousand-tools: how many (default 10,000). */
  tools?: number;
  /** Narrow a fault preset to these methods (default: every method, initialize included). */
  methods?: readonly string[];
}

/** Terminal escapes (title, clear screen, colour, a C1 CSI, a bidi override) and markup that must stay inert. */
export const HOSTILE_TEXT =
  'pwn \u001b]0;owned-title\u0007\u001b[2J\u001b[31mred\u001b[0m \u009b6n \u202etxt.exe <script>alert(1)</script><img src=x onerror=alert(2)> **bold** [link](javascript:alert(3)) | pipe |';

const BASE: HostileSpec = {
  summary: '',
  faults: {},
  tools: 1,
  text: '',
  echoHeaders: false,
  capabilities: { tools: {} },
};

function faulty(summary: string, fault: Fault, p: HostileParams): HostileSpec {
  const methods = p.methods ?? ['*'];
  return { ...BASE, summary, faults: Object.fromEntries(methods.map((m) => [m, fault])) };
}

/** The named hostile servers of issue 14; `startHostile(name, params)` serves one. */
export const HOSTILE = {
  'never-answers': (p: HostileParams = {}) =>
    faulty('accepts every request and never answers it', { kind: 'silent' }, p),
  'answers-late': (p: HostileParams = {}) =>
    faulty(
      `answers every request correctly, ${p.delayMs ?? 20_000} ms late`,
      { kind: 'late', delayMs: p.delayMs ?? 20_000 },
      p,
    ),
  'invalid-json': (p: HostileParams = {}) =>
    faulty('answers 200 application/json with a body that is not JSON', { kind: 'invalid-json' }, p),
  'huge-answer': (p: HostileParams = {}) =>
    faulty(
      `answers a JSON-RPC error whose message is ${p.bytes ?? 52_428_800} bytes`,
      { kind: 'huge-error', bytes: p.bytes ?? 52_428_800 },
      p,
    ),
  'closes-mid-answer': (p: HostileParams = {}) =>
    faulty('sends half of each answer, then closes the socket', { kind: 'cut' }, p),
  'http-500': (p: HostileParams = {}) =>
    faulty('answers HTTP 500 with a plain-text body', { kind: 'http-500' }, p),
  'wrong-ids': (p: HostileParams = {}) =>
    faulty('answers every request correctly under another id', { kind: 'wrong-id' }, p),
  'endless-sse': (p: HostileParams = {}) =>
    faulty(
      'answers with an event stream of keep-alives that never carries the answer',
      { kind: 'endless-sse', intervalMs: 100 },
      p,
    ),
  'ten-thousand-tools': (p: HostileParams = {}): HostileSpec => ({
    ...BASE,
    summary: `lists ${p.tools ?? 10_000} tools on one page`,
    tools: p.tools ?? 10_000,
  }),
  'cursor-loop': (): HostileSpec => ({
    ...BASE,
    summary: 'pages tools/list two at a time; the last page points back to the first',
    tools: 6,
    page: { size: 2, loop: true },
  }),
  'escapes-in-text': (): HostileSpec => ({
    ...BASE,
    summary:
      'puts terminal escapes and markup in serverInfo, tool text, results and errors, and fails ping with them',
    text: HOSTILE_TEXT,
    faults: { ping: { kind: 'rpc-error', code: -32603, message: 'ping failed:' } },
  }),
  'echoes-headers': (): HostileSpec => ({
    ...BASE,
    summary: 'quotes the request headers it received in tool results and error messages',
    echoHeaders: true,
  }),
  'logs-to-stdout': (): HostileSpec => ({
    ...BASE,
    summary:
      'over stdio, writes a plain-text log line to stdout before every answer (HTTP: answers normally)',
    stdoutLog: 'Server started: listening on stdio (debug log)',
  }),
  'unlistable-resources': (): HostileSpec => ({
    ...BASE,
    summary: 'declares resources but answers resources/list with an error',
    capabilities: { tools: {}, resources: {} },
    faults: { 'resources/list': { kind: 'rpc-error', code: -32603, message: 'resources are unavailable' } },
  }),
} satisfies Record<string, (p?: HostileParams) => HostileSpec>;

export type HostileName = keyof typeof HOSTILE;

export function isHostileName(name: string): name is HostileName {
  return Object.hasOwn(HOSTILE, name);
}

export function hostileSpec(name: HostileName, params: HostileParams = {}): HostileSpec {
  return HOSTILE[name](params);
}

/** The fault for a method: its own, else the `*` one. */
export function faultFor(spec: HostileSpec, method: string): Fault | undefined {
  return spec.faults[method] ?? spec.faults['*'];
}
