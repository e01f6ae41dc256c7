import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { HARNESS_CLIENT } from '../../connect/session.ts';
import { readSse } from '../../connect/sse.ts';
import type { Step } from './schema.ts';

/** Bounds what a probe keeps of a body it could not read as JSON-RPC. */
const TEXT_LIMIT = 2_000;

const RpcAnswerSchema = z
  .object({
    result: z.record(z.string(), z.unknown()).optional(),
    error: z.object({ code: z.number(), message: z.string() }).loose().optional(),
  })
  .loose();

const ToolsSchema = z.object({
  tools: z.array(z.object({ name: z.string(), inputSchema: z.unknown() }).loose()),
});

const CallResultSchema = z
  .object({
    content: z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()).default([]),
    isError: z.boolean().optional(),
    structuredContent: z.unknown().optional(),
  })
  .loose();

/** A step's answer, as the expectations read it. */
export type Answer = Record<string, unknown>;

/**
 * A bare MCP client for probes: raw requests so a refused initialize (401, 403) is an answer to read,
 * not an exception, and `clientInfo.name` is the probe's to choose.
 */
export class ProbeExchange {
  private session: string | undefined;
  private opened = false;
  private nextId = 1;

  constructor(
    private readonly url: URL,
    private readonly fetch: typeof globalThis.fetch,
    /** Sent with every request: the probe's credential, and a configured target's own headers. */
    private readonly headers: Readonly<Record<string, string>>,
    private readonly clientName: string = HARNESS_CLIENT.name,
  ) {}

  async run(step: Step, args?: Record<string, unknown>): Promise<Answer> {
    if (step.do === 'initialize') return this.initialize(step.protocolVersion ?? LATEST_PROTOCOL_VERSION);
    if (step.do === 'get') return this.get(step.path);
    if (!this.opened) {
      const refused = await this.initialize(LATEST_PROTOCOL_VERSION);
      if (!this.opened) return refused;
    }
    if (step.do === 'list-tools') {
      const answer = await this.rpc('tools/list', {});
      const parsed = ToolsSchema.safeParse(answer.result);
      if (!parsed.success) return answer;
      const tools = parsed.data.tools;
      return {
        ...answer,
        names: tools.map((t) => t.name),
        schemas: Object.fromEntries(tools.map((t) => [t.name, t.inputSchema])),
      };
    }
    const answer = await this.rpc('tools/call', { name: step.tool, arguments: args ?? step.args });
    const parsed = CallResultSchema.safeParse(answer.result);
    if (!parsed.success) return answer;
    const text = parsed.data.content.find((c) => c.type === 'text')?.text;
    return {
      ...answer,
      content: parsed.data.content,
      isError: parsed.data.isError ?? false,
      structuredContent: parsed.data.structuredContent,
      payload: parseText(text),
    };
  }

  /** GETs a path at the endpoint's origin, with the probe's headers (a discovery document, say). */
  private async get(path: string): Promise<Answer> {
    const response = await this.fetch(new URL(path, this.url), { headers: { ...this.headers } });
    const text = (await response.text()).slice(0, TEXT_LIMIT * 10);
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: text.slice(0, TEXT_LIMIT),
      payload: parseText(text),
    };
  }

  private async initialize(protocolVersion: string): Promise<Answer> {
    const answer = await this.rpc('initialize', {
      protocolVersion,
      capabilities: {},
      clientInfo: { name: this.clientName, version: HARNESS_CLIENT.version },
    });
    if (answer.status === 200 && answer.result !== undefined) {
      this.opened = true;
      await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    }
    return answer;
  }

  private async rpc(method: string, params: Record<string, unknown>): Promise<Answer> {
    const { response, messages, text } = await this.post({
      jsonrpc: '2.0',
      id: this.nextId++,
      method,
      params,
    });
    if (method === 'initialize') this.session = response.headers.get('mcp-session-id') ?? undefined;
    const parsed = RpcAnswerSchema.safeParse(messages[0]);
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: text.slice(0, TEXT_LIMIT),
      ...(parsed.success ? { result: parsed.data.result, error: parsed.data.error } : {}),
    };
  }

  private async post(message: Record<string, unknown>) {
    const response = await this.fetch(this.url, {
      method: 'POST',
      headers: {
        accept: 'application/json, text/event-stream',
        'content-type': 'application/json',
        ...this.headers,
        ...(this.session ? { 'mcp-session-id': this.session } : {}),
      },
      body: JSON.stringify(message),
    });
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream'))
      return { response, messages: await readSse(response, 'id' in message ? [message.id] : []), text: '' };
    const text = await response.text();
    return { response, messages: [parseText(text)], text };
  }
}

function parseText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
