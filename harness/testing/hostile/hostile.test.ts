import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { type HostileServer, startHostile } from './http.ts';
import { HOSTILE_TEXT, type HostileName, type HostileParams } from './spec.ts';
import { hostileStdioCommand } from './stdio.ts';
import { splitCommandLine } from '../../kinds/stdio.ts';

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '0' } },
};
const rpc = (id: number, method: string, params: object = {}) => ({ jsonrpc: '2.0', id, method, params });

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(name: HostileName, params: HostileParams = {}): Promise<HostileServer> {
  server = await startHostile(name, params);
  return server;
}

function post(url: string, message: object, signal = AbortSignal.timeout(5_000)): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: 'Basic c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu',
    },
    body: JSON.stringify(message),
    signal,
  });
}

describe('each hostile HTTP server does exactly its one thing wrong', () => {
  it('never-answers: the request stays unanswered', async () => {
    const { url } = await serve('never-answers');
    await expect(post(url, INITIALIZE, AbortSignal.timeout(300))).rejects.toThrow(/aborted|timeout/i);
  });

  it('answers-late: the right answer, after the delay', async () => {
    const { url } = await serve('answers-late', { delayMs: 200 });
    await expect(post(url, INITIALIZE, AbortSignal.timeout(50))).rejects.toThrow(/aborted|timeout/i);
    expect(await (await post(url, INITIALIZE)).json()).toMatchObject({
      id: 1,
      result: { protocolVersion: '2025-06-18' },
    });
  });

  it('invalid-json: 200 application/json that does not parse', async () => {
    const { url } = await serve('invalid-json');
    const answer = await post(url, INITIALIZE);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    const text = await answer.text();
    expect(text).toBe('{"jsonrpc":"2.0", this is not JSON');
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('huge-answer: an error message of exactly the size asked for', async () => {
    const { url } = await serve('huge-answer', { bytes: 3_000_000 });
    const answer = (await (await post(url, INITIALIZE)).json()) as { error: { message: string } };
    expect(answer.error.message).toHaveLength(3_000_000);
  });

  it('closes-mid-answer: half the body, then the socket closes', async () => {
    const { url } = await serve('closes-mid-answer');
    const answer = await post(url, INITIALIZE);
    await expect(answer.text()).rejects.toThrow(/terminated|closed|socket/i);
  });

  it('http-500: a plain-text 500', async () => {
    const { url } = await serve('http-500');
    const answer = await post(url, INITIALIZE);
    expect([answer.status, await answer.text()]).toEqual([500, 'Internal Server Error']);
  });

  it('wrong-ids: a correct answer under another id', async () => {
    const { url } = await serve('wrong-ids');
    expect(await (await post(url, INITIALIZE)).json()).toMatchObject({ id: 1001, result: {} });
  });

  it('endless-sse: an event stream of keep-alives, never an answer', async () => {
    const { url } = await serve('endless-sse');
    const answer = await post(url, INITIALIZE);
    expect(answer.headers.get('content-type')).toBe('text/event-stream');
    const reader = answer.body?.getReader();
    let text = '';
    while ((text.match(/keep-alive/g) ?? []).length < 3)
      text += new TextDecoder().decode((await reader?.read())?.value);
    await reader?.cancel();
    expect(text).not.toContain('jsonrpc');
  });

  it('ten-thousand-tools: one page of as many tools as asked for', async () => {
    const { url } = await serve('ten-thousand-tools', { tools: 10_000 });
    const answer = (await (await post(url, rpc(2, 'tools/list'))).json()) as {
      result: { tools: { name: string }[]; nextCursor?: string };
    };
    expect(answer.result.tools).toHaveLength(10_000);
    expect(answer.result.tools.at(-1)?.name).toBe('tool_10000');
    expect(answer.result.nextCursor).toBeUndefined();
  });

  it('cursor-loop: the last page points back to the first', async () => {
    const { url } = await serve('cursor-loop');
    const cursors: (string | undefined)[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const answer = (await (await post(url, rpc(i, 'tools/list', cursor ? { cursor } : {}))).json()) as {
        result: { nextCursor?: string };
      };
      cursor = answer.result.nextCursor;
      cursors.push(cursor);
    }
    expect(cursors).toEqual(['p1', 'p2', 'p0', 'p1']);
  });

  it('escapes-in-text: terminal escapes and markup in serverInfo, tools, results and errors', async () => {
    const { url } = await serve('escapes-in-text');
    const init = (await (await post(url, INITIALIZE)).json()) as { result: { serverInfo: { name: string } } };
    expect(init.result.serverInfo.name).toContain(HOSTILE_TEXT);
    const called = await (
      await post(url, rpc(2, 'tools/call', { name: 'tool_00001', arguments: {} }))
    ).text();
    const failed = await (await post(url, rpc(3, 'prompts/list'))).text();
    const texts = [called, failed].map((t) => JSON.stringify(JSON.parse(t) as unknown));
    for (const text of texts) expect(text).toContain(JSON.stringify(HOSTILE_TEXT).slice(1, -1));
  });

  it('echoes-headers: tool results and errors quote the headers received', async () => {
    const { url } = await serve('echoes-headers');
    const called = await (
      await post(url, rpc(2, 'tools/call', { name: 'tool_00001', arguments: {} }))
    ).text();
    const failed = await (await post(url, rpc(3, 'tools/call', { name: 'nope', arguments: {} }))).text();
    for (const text of [called, failed]) expect(text).toContain('Basic c2VjcmV0LXVzZXI6c2VjcmV0LXRva2Vu');
  });

  it('unlistable-resources: declares resources, then refuses to list them', async () => {
    const { url } = await serve('unlistable-resources');
    const init = (await (await post(url, INITIALIZE)).json()) as { result: { capabilities: object } };
    expect(init.result.capabilities).toEqual({ tools: {}, resources: {} });
    expect(await (await post(url, rpc(2, 'resources/list'))).json()).toMatchObject({
      error: { code: -32603, message: 'resources are unavailable' },
    });
  });

  it('a fault narrowed to some methods leaves the others answered', async () => {
    const { url, methods } = await serve('http-500', { methods: ['tools/call'] });
    expect((await post(url, INITIALIZE)).status).toBe(200);
    expect((await post(url, rpc(2, 'tools/call', { name: 'tool_00001' }))).status).toBe(500);
    expect(methods).toEqual(['initialize', 'tools/call']);
  });
});

describe('the same servers over stdio', () => {
  async function exchange(name: HostileName, params: HostileParams, lines: object[]): Promise<string[]> {
    const [command, ...args] = splitCommandLine(hostileStdioCommand(name, params));
    const child = spawn(command ?? '', args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const out: string[] = [];
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    createInterface({ input: child.stdout }).on('line', (l) => out.push(l));
    for (const l of lines) child.stdin.write(`${JSON.stringify(l)}\n`);
    child.stdin.end();
    await done;
    return out;
  }

  it('wrong-ids and huge-answer misbehave on stdio as on HTTP; a cut answer ends the process mid-line', async () => {
    expect(JSON.parse((await exchange('wrong-ids', {}, [INITIALIZE]))[0] ?? '')).toMatchObject({ id: 1001 });
    const huge = JSON.parse((await exchange('huge-answer', { bytes: 100_000 }, [INITIALIZE]))[0] ?? '') as {
      error: { message: string };
    };
    expect(huge.error.message).toHaveLength(100_000);
    const cut = await exchange('closes-mid-answer', {}, [INITIALIZE]);
    expect(() => JSON.parse(cut[0] ?? '') as unknown).toThrow();
  }, 30_000);
});
