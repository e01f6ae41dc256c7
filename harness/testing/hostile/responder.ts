import { faultFor, type Fault, type HostileSpec } from './spec.ts';

/** What a transport must do with one incoming message. */
export type Delivery =
  /** A notification or a response: nothing goes back (HTTP: 202). */
  | { kind: 'nothing' }
  /** Send `body` (a JSON-RPC message), applying `fault` when there is one. */
  | { kind: 'send'; body: Record<string, unknown>; fault?: TransportFault };

/** Faults only a transport can commit; the others are already in the body. */
export type TransportFault = Extract<
  Fault,
  { kind: 'silent' | 'late' | 'invalid-json' | 'cut' | 'http-500' | 'endless-sse' }
>;

type Id = string | number;

/** Revisions the harness's SDK speaks; anything else is answered with the latest, as the spec asks. */
export const REVISIONS = ['2025-03-26', '2025-06-18', '2025-11-25'];
const LATEST = '2025-06-18';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function toolName(i: number): string {
  return `tool_${String(i + 1).padStart(5, '0')}`;
}

/**
 * A minimal MCP server (initialize, ping, tools, resources...) written by hand so that it can
 * misbehave in ways the SDK's server never would. `received` is what the transport saw beside the
 * message (request headers), quoted back when the spec says so.
 */
export class HostileResponder {
  constructor(readonly spec: HostileSpec) {}

  respond(message: unknown, received: Readonly<Record<string, string>>): Delivery {
    if (!isRecord(message) || typeof message.method !== 'string') return { kind: 'nothing' };
    const id = message.id;
    if (typeof id !== 'string' && typeof id !== 'number') return { kind: 'nothing' };
    const method = message.method;
    const params = isRecord(message.params) ? message.params : {};
    const fault = faultFor(this.spec, method);
    let body: Record<string, unknown>;
    if (fault?.kind === 'rpc-error') body = this.error(id, fault.code, fault.message, received);
    else if (fault?.kind === 'huge-error')
      body = { jsonrpc: '2.0', id, error: { code: -32603, message: hugeText(fault.bytes) } };
    else body = this.answer(id, method, params, received);
    if (fault?.kind === 'wrong-id')
      body = { ...body, id: typeof id === 'number' ? id + 1000 : `${id}-other` };
    const transport = fault && isTransportFault(fault) ? fault : undefined;
    return { kind: 'send', body, ...(transport ? { fault: transport } : {}) };
  }

  private answer(
    id: Id,
    method: string,
    params: Record<string, unknown>,
    received: Readonly<Record<string, string>>,
  ): Record<string, unknown> {
    const ok = (result: unknown) => ({ jsonrpc: '2.0', id, result });
    const { capabilities, text } = this.spec;
    switch (method) {
      case 'initialize':
        return ok({
          protocolVersion: REVISIONS.includes(String(params.protocolVersion))
            ? params.protocolVersion
            : LATEST,
          capabilities,
          serverInfo: { name: `hostile ${text}`.trim(), version: `1.0.0${text ? ` ${text}` : ''}` },
        });
      case 'ping':
        return ok({});
      case 'tools/list': {
        const page = this.toolsPage(params.cursor);
        return page
          ? ok(page)
          : this.error(id, -32602, `Invalid cursor: ${JSON.stringify(params.cursor)}`, received);
      }
      case 'tools/call':
        return this.call(id, params, received);
      default:
        if (method === 'resources/list' && 'resources' in capabilities) return ok({ resources: [] });
        if (method === 'resources/templates/list' && 'resources' in capabilities)
          return ok({ resourceTemplates: [] });
        if (method === 'prompts/list' && 'prompts' in capabilities) return ok({ prompts: [] });
        if (method === 'logging/setLevel' && 'logging' in capabilities) return ok({});
        return this.error(id, -32601, `Method not found: ${method}`, received);
    }
  }

  /** A page of tools; undefined for a cursor this server never issued. */
  private toolsPage(cursor: unknown): Record<string, unknown> | undefined {
    const { tools, page, text } = this.spec;
    const size = page?.size ?? tools;
    const pages = Math.max(1, Math.ceil(tools / size));
    const index =
      cursor === undefined
        ? 0
        : Number(/^p(\d+)$/.exec(typeof cursor === 'string' ? cursor : '')?.[1] ?? NaN);
    if (!(index >= 0 && index < pages)) return undefined;
    const listed = [];
    for (let i = index * size; i < Math.min(tools, (index + 1) * size); i++)
      listed.push({
        name: toolName(i),
        title: `Tool ${i + 1}${text ? ` ${text}` : ''}`,
        description: `Echoes its input.${text ? ` ${text}` : ''}`,
        inputSchema: {
          type: 'object',
          properties: { q: { type: 'string', description: `query ${i + 1}` } },
          additionalProperties: false,
        },
        annotations: { readOnlyHint: true },
      });
    const next = index + 1 < pages ? index + 1 : page?.loop ? 0 : undefined;
    return { tools: listed, ...(next === undefined ? {} : { nextCursor: `p${next}` }) };
  }

  private call(
    id: Id,
    params: Record<string, unknown>,
    received: Readonly<Record<string, string>>,
  ): Record<string, unknown> {
    const name = typeof params.name === 'string' ? params.name : '';
    const known = /^tool_\d{5}$/.test(name) && Number(name.slice(5)) <= this.spec.tools;
    if (!known) return this.error(id, -32602, `Unknown tool: ${name}`, received);
    const said = [`${name} called`, this.spec.text, this.echo(received)].filter(Boolean).join(' ');
    return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: said }] } };
  }

  private error(
    id: Id,
    code: number,
    message: string,
    received: Readonly<Record<string, string>>,
  ): Record<string, unknown> {
    const said = [message, this.spec.text, this.echo(received)].filter(Boolean).join(' ');
    return { jsonrpc: '2.0', id, error: { code, message: said } };
  }

  private echo(received: Readonly<Record<string, string>>): string {
    return this.spec.echoHeaders ? `received headers: ${JSON.stringify(received)}` : '';
  }
}

function isTransportFault(fault: Fault): fault is TransportFault {
  return ['silent', 'late', 'invalid-json', 'cut', 'http-500', 'endless-sse'].includes(fault.kind);
}

/** `bytes` of readable filler (ASCII, so characters and bytes agree). */
export function hugeText(bytes: number): string {
  const unit = 'a huge error message ';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}
