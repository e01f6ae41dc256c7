import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { BUILT_IMAGES, IMAGES, assembleApp, builtImages, entrypointOf, importChanges } from './images.ts';
import { linkedLibraries } from './rootfs.ts';

const work = mkdtempSync(join(tmpdir(), 'rovo-mcp-conformance-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('reads the libraries a binary links from ldd, the loader included, and refuses a missing one', () => {
  const ldd = [
    '\tlinux-vdso.so.1 (0x00007ffc7a5f2000)',
    '\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f3b2c800000)',
    '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3b2c61e000)',
    '\t/lib64/ld-linux-x86-64.so.2 (0x00007f3b2cb97000)',
  ].join('\n');
  expect(linkedLibraries(ldd)).toEqual([
    '/lib/x86_64-linux-gnu/libc.so.6',
    '/lib/x86_64-linux-gnu/libstdc++.so.6',
    '/lib64/ld-linux-x86-64.so.2',
  ]);
  expect(() => linkedLibraries('\tlibicu.so.72 => not found')).toThrow(
    /the Node binary links a library this machine lacks: libicu.so.72 => not found/,
  );
});

it("gives the assembled mock image the Dockerfile's entry point, environment and port", () => {
  const dockerfile = readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8');
  const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const instruction = (name: string) =>
    [...final.matchAll(new RegExp(`^${name} (.+)$`, 'gm'))].map((m) => m[1] ?? '');
  const mock = IMAGES.mock;
  expect(JSON.parse(instruction('ENTRYPOINT')[0] ?? '')).toEqual(entrypointOf(mock));
  expect(
    Object.fromEntries(instruction('ENV').flatMap((line) => line.split(/\s+/).map((kv) => kv.split('=')))),
  ).toEqual(mock.env);
  expect(instruction('EXPOSE')).toEqual([String(mock.port)]);
  expect(instruction('CMD')).toEqual([]);
  expect(dockerfile).toContain(`harness/containers/build.ts app ${mock.name} /app`);
  expect(importChanges(mock)).toEqual([
    'ENV PATH=/usr/local/bin:/usr/bin:/bin',
    'ENV PORT=8080',
    'ENV HOST=0.0.0.0',
    'EXPOSE 8080',
    'ENTRYPOINT ["node","/app/rovo-mock.mjs"]',
    'CMD []',
  ]);
});

it('bundles the mock into one file that serves from anywhere, reading the fixtures beside it and PORT/HOST', async () => {
  const app = join(work, 'app');
  await assembleApp(IMAGES.mock, app);
  const child = spawn(process.execPath, [join(app, IMAGES.mock.bundle), '--json'], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const ready = JSON.parse(line.toString()) as { url: string; cloudId: string };
  expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/mcp$/);
  expect(ready.cloudId).toBe('5c3f8a1e-7b2d-4e9a-9c61-2f0d8b4e7a13');
  expect((await fetch(ready.url, { method: 'POST', body: '{}' })).status).toBe(401);
  child.kill('SIGTERM');
  expect((await exited)[0]).toBe(0);
}, 30_000);

it('bundles the legacy server the same way: it runs, and names the settings it lacks', async () => {
  const app = join(work, 'legacy');
  await assembleApp(IMAGES.legacy, app);
  const child = spawn(process.execPath, [join(app, IMAGES.legacy.bundle)], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, PORT: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  expect((await once(child, 'exit'))[0]).toBe(2);
  expect(stderr).toMatch(
    /legacy-jira-mcp: ATLASSIAN_TOKEN_FILE is not set; set it to the path of the 3LO token file/,
  );
}, 30_000);

it('a missing or damaged image list says how to rebuild it', () => {
  const dir = mkdtempSync(join(work, 'images-'));
  expect(() => builtImages(dir)).toThrow(
    /does not exist; build the images with scripts\/container-runtime.sh build/,
  );
  writeFileSync(join(dir, BUILT_IMAGES), '{');
  expect(() => builtImages(dir)).toThrow(
    /is not valid JSON: .*Rebuild with scripts\/container-runtime.sh build/,
  );
  writeFileSync(join(dir, BUILT_IMAGES), JSON.stringify({ mock: 'localhost/rovo-mcp-mock:1' }));
  expect(() => builtImages(dir)).toThrow(/legacy: .*\n.*Rebuild with scripts\/container-runtime.sh build/);
});
