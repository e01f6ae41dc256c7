import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StdioClientTransport, StdioServerParameters } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { siteUrl } from '../../mocks/atlassian/urls.ts';
import type { FakeCloud } from '../../mocks/cloud.ts';
import { LEGACY_OAUTH_CLIENT } from '../../mocks/legacy/consent.ts';
import type { TransportFactory } from '../connect/transport.ts';
import { HarnessError } from '../errors.ts';
import { redactText, registerSecret } from '../redact.ts';
import type { Credentials } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { accountOf, consentFor } from './fake-site.ts';
import { type Kind, urlOf } from './kind.ts';
import { CONFORMANCE_VARIABLES, type ConformanceVariables, expandEnv } from './stdio-env.ts';
import { checkCloud, closeWorkerCloud, loopbackOrigin, mockSiteFacts } from './worker-cloud.ts';

export const PRELOAD_SOURCE = join(import.meta.dirname, 'preload', 'atlassian-to-loopback.js');
const PRELOAD = pathToFileURL(PRELOAD_SOURCE).href;

/** A stderr line that states an error (`Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'x'`, `TypeError: ...`). */
const ERROR_LINE = /\b(?:[A-Z][A-Za-z]*Error|ERR_[A-Z_]+)\b.*:/;

/** How many of stderr's last lines a failed start shows. */
const TAIL_LINES = 8;

/** Splits a command line on spaces, keeping '...' and "..." together (no shell is involved). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/**
 * What a spawned server gets when the fake site is behind it, for the session's identity: the fake on
 * loopback at `origin` (for base-URL settings), the identity's API token, and a fresh 3LO grant as
 * values and as a token file in `dir` the server may rotate.
 */
export function fakeSiteVariables(
  cloud: FakeCloud,
  credentials: Credentials,
  dir: string,
  origin: string,
): ConformanceVariables {
  const user = accountOf(cloud, credentials);
  const grant = consentFor(cloud, user);
  const tokenFile = join(dir, 'atlassian_token.json');
  writeFileSync(tokenFile, JSON.stringify(grant, null, 2), { mode: 0o600 });
  registerSecret(LEGACY_OAUTH_CLIENT.secret);
  const site = siteUrl(cloud.store);
  // The shape servers keep after a 3LO sign-in: the token answer plus the accessible resources.
  const token = {
    ...grant,
    token_type: 'Bearer',
    resources: [
      {
        id: cloud.store.site.cloudId,
        url: site,
        name: new URL(site).hostname,
        scopes: (grant.scope ?? '').split(' ').filter(Boolean),
      },
    ],
  };
  return {
    CONFORMANCE_ATLASSIAN_URL: origin,
    CONFORMANCE_CLOUD_ID: cloud.store.site.cloudId,
    CONFORMANCE_SITE_URL: siteUrl(cloud.store),
    // The bare site name (`acme` of acme.atlassian.net), as servers that build the URL themselves want it.
    CONFORMANCE_SITE_NAME: new URL(siteUrl(cloud.store)).hostname.split('.')[0] ?? '',
    CONFORMANCE_EMAIL: user.email,
    CONFORMANCE_API_TOKEN: user.apiToken,
    CONFORMANCE_TOKEN_FILE: tokenFile,
    CONFORMANCE_TOKEN_JSON: JSON.stringify(token, null, 2),
    CONFORMANCE_ACCESS_TOKEN: grant.access_token,
    CONFORMANCE_REFRESH_TOKEN: grant.refresh_token,
    CONFORMANCE_OAUTH_CLIENT_ID: LEGACY_OAUTH_CLIENT.id,
    CONFORMANCE_OAUTH_CLIENT_SECRET: LEGACY_OAUTH_CLIENT.secret,
  };
}

/**
 * A spawned server: its stderr is kept for error messages, and its temporary files are removed when it
 * goes away, whether the harness closed it or it exited by itself.
 */
class SpawnedServer implements Transport {
  private readonly inner: StdioClientTransport;
  private tail = '';
  /** The first stderr line naming an error, kept however much follows. */
  private head = '';
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  constructor(
    params: StdioServerParameters,
    private readonly dir: string,
    Inner: typeof StdioClientTransport,
  ) {
    this.inner = new Inner({ ...params, stderr: 'pipe' });
    this.inner.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (!this.head)
        this.head =
          text
            .split('\n')
            .find((line) => ERROR_LINE.test(line))
            ?.trim() ?? '';
      this.tail = (this.tail + text).slice(-4000);
    });
  }

  async start(): Promise<void> {
    this.inner.onmessage = (message) => this.onmessage?.(message);
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onclose = () => {
      this.removeFiles();
      this.onclose?.();
    };
    await this.inner.start();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.inner.send(message);
  }

  async close(): Promise<void> {
    try {
      await this.inner.close();
    } finally {
      this.removeFiles();
    }
  }

  /**
   * What the server wrote to stderr, for a failed start: the first line that names an error (a stack
   * trace's message comes before its frames) and the last lines, each bounded and redacted.
   */
  diagnostics(): string {
    const clip = (line: string) => redactText(line.trim().slice(0, 300));
    const lines = this.tail.trim().split('\n');
    const tail = lines.slice(-TAIL_LINES).map(clip);
    if (!tail[0]) return '';
    const first = clip(this.head || lines.find((l) => ERROR_LINE.test(l)) || '');
    const ended = `its stderr ended with: ${tail.join(' | ')}`;
    return first && !tail.includes(first) ? `its first error: ${first}; ${ended}` : ended;
  }

  private removeFiles(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Folders a working-directory copy leaves out (`node_modules` is linked instead). */
const NOT_COPIED = new Set(['node_modules', '.git']);

/**
 * The server's working directory: `cwd` (relative to the harness's folder), or with `cwdCopy` a fresh
 * copy of it in the session's folder, removed with the session.
 */
function workingDirectory(target: TargetSpec, dir: string): string | undefined {
  const source = target.cwd ? resolve(PACKAGE_ROOT, target.cwd) : undefined;
  if (!target.cwdCopy) return source;
  const from = source ?? process.cwd();
  const copy = join(dir, 'cwd');
  cpSync(from, copy, { recursive: true, filter: (path) => !NOT_COPIED.has(basename(path)) || path === from });
  // Packages resolve from the nearest node_modules at or above the original folder: linked into the copy.
  for (let at = from; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) {
      symlinkSync(join(at, 'node_modules'), join(copy, 'node_modules'));
      break;
    }
    if (dirname(at) === at) break;
  }
  return copy;
}

/** Writes the target's `files` (already expanded): `~/...` into the session's HOME, others into the copied cwd. */
function writeFiles(
  target: TargetSpec,
  files: Record<string, string>,
  home: string,
  cwd: string | undefined,
): void {
  for (const [path, text] of Object.entries(files)) {
    const inHome = path.startsWith('~/');
    if (!inHome && !target.cwdCopy)
      throw new HarnessError('CONFIG_INVALID', `target "${target.name}": files.${path}: set "cwdCopy": true`);
    const file = inHome ? join(home, path.slice(2)) : join(cwd ?? '', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { mode: 0o600 });
  }
}

/**
 * Spawns the target's server per session. With the fake site behind it (`cloud` on loopback at
 * `origin`), a Node server gets the preload that sends its Atlassian calls to the fake (it runs
 * unmodified), and any server gets CONFORMANCE_* variables for its base-URL and credential settings;
 * the target's `env` may name them as `${CONFORMANCE_...}`.
 */
function spawnedServer(cloud: FakeCloud, origin: string): TransportFactory {
  return async (target, options) => {
    // The SDK's stdio client loads with the first session, not with the kinds table the CLI reads.
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    const [command, ...args] = splitCommandLine(target.command ?? '');
    if (!command)
      throw new HarnessError('TARGET_UNRESOLVED', `target ${target.name} has no command; give "command"`);
    const dir = mkdtempSync(join(tmpdir(), 'rovo-mcp-conformance-stdio-'));
    try {
      const vars = fakeSiteVariables(cloud, options.credentials, dir, origin);
      const env = expandEnv(target.name, target.env ?? {}, { ...process.env, ...vars });
      const nodeOptions = [env.NODE_OPTIONS, `--import=${PRELOAD}`].filter(Boolean).join(' ');
      // An isolated HOME (the session's own folder): servers read config and write logs there.
      const home = join(dir, 'home');
      mkdirSync(home);
      const cwd = workingDirectory(target, dir);
      writeFiles(
        target,
        expandEnv(target.name, target.files ?? {}, vars, CONFORMANCE_VARIABLES, 'files'),
        home,
        cwd,
      );
      return new SpawnedServer(
        {
          command,
          args,
          env: {
            HOME: home,
            USERPROFILE: home,
            ...vars,
            ...env,
            ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
          },
          ...(cwd ? { cwd } : {}),
        },
        dir,
        StdioClientTransport,
      );
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  };
}

/**
 * `stdio:<command>`: any MCP server, spawned per session, with the same fresh cloud per check as the
 * mocks behind it on loopback. It is not a mock target: its server is not ours (no `ctx.mock()`).
 */
export const stdio: Kind = {
  reference: {
    usage: 'stdio:<command>',
    resolve(ref) {
      if (!ref.startsWith('stdio:')) return { skipped: 'not stdio:<command>' };
      const command = ref.slice(6).trim();
      if (command === '') return { skipped: 'stdio: needs a command, e.g. stdio:node server.js' };
      return {
        name: ref,
        kind: 'stdio',
        dialect: 'auto',
        command,
        reason: 'a command that speaks MCP on stdio',
      };
    },
  },
  mock: false,
  async setup(target, settings, variant) {
    const cloud = await checkCloud(settings, variant);
    const origin = await loopbackOrigin();
    const endpoint = urlOf(target);
    return {
      site: mockSiteFacts(cloud),
      ...(endpoint ? { endpoint } : {}),
      connect: { transport: spawnedServer(cloud, origin) },
    };
  },
  close: closeWorkerCloud,
};
