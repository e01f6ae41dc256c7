import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { FakeCloud } from '../cloud.ts';
import { loadV2Profile } from '../rovo/v2/profile/load.ts';
import type { Answers } from '../rovo/v2/profile/questions.ts';
import type { V2Profile } from '../rovo/v2/profile/schema.ts';

export const basic = (email: string, token: string) =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

/** A tool answer's text is the mock's JSON object: parsed, not assumed. */
const JsonObject = z.record(z.string(), z.unknown());

export interface ConnectOptions {
  path?: string;
  auth?: string;
  clientName?: string;
  who?: string;
}

/**
 * SDK clients of /v2/mcp on fake clouds with chosen profile answers, for the switch tests: each
 * cloud made is kept until `closeClouds` (an `afterEach`).
 */
export function v2Clients() {
  const clouds: FakeCloud[] = [];

  function cloudWith(answers: Partial<Answers> = {}, profile = 'default', extra: Partial<V2Profile> = {}) {
    const base = loadV2Profile(profile);
    const cloud = new FakeCloud({
      v2Profile: { ...base, ...extra, answers: { ...base.answers, ...answers } },
    });
    clouds.push(cloud);
    return cloud;
  }

  async function connect(cloud: FakeCloud, options: ConnectOptions = {}) {
    const member = [...cloud.store.users.values()].find((u) => u.handle === (options.who ?? 'member'));
    const client = new Client({ name: options.clientName ?? 'switch-test', version: '1.0.0' });
    const url = new URL(options.path ?? '/v2/mcp', cloud.origins.mcp);
    const transport = new StreamableHTTPClientTransport(url, {
      requestInit: {
        headers: { authorization: options.auth ?? basic(member?.email ?? '', member?.apiToken ?? '') },
      },
      fetch: (input, init) => cloud.handle(new Request(input, init)),
    });
    await client.connect(transport);
    return {
      cloud,
      client,
      /** The version the session negotiated, as the client's transport keeps it. */
      protocolVersion: () => transport.protocolVersion,
      names: async () => (await client.listTools()).tools.map((t) => t.name),
      tools: async () => (await client.listTools()).tools,
      call: async (name: string, args: Record<string, unknown>) => {
        const result = CallToolResultSchema.parse(await client.callTool({ name, arguments: args }));
        const first = result.content[0];
        return {
          isError: result.isError === true,
          json: JsonObject.parse(JSON.parse(first?.type === 'text' ? first.text : 'null')),
          structured: result.structuredContent,
        };
      },
    };
  }

  const closeClouds = async () => {
    await Promise.all(clouds.splice(0).map((c) => c.close()));
  };
  return { cloudWith, connect, closeClouds };
}

export const cloudIdOf = (cloud: FakeCloud) => cloud.store.site.cloudId;
