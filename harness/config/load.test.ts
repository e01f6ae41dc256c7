import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HarnessError } from '../errors.ts';
import { loadConfig } from './load.ts';

function dirWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-config-'));
  writeFileSync(join(dir, 'conformance.config.json'), content);
  return dir;
}

it('uses the defaults when there is no config file', () => {
  const { config, source } = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'empty-')));
  expect(source).toBe('(defaults)');
  expect(config.defaultTargets).toEqual(['rovo-mock']);
  expect(config.checkTimeoutMs).toBe(15_000);
});

it('refuses a config file given explicitly that does not exist, saying what to pass', () => {
  expect(() => loadConfig('nope.json', mkdtempSync(join(tmpdir(), 'empty-')))).toThrow(
    /does not exist; pass --config/,
  );
});

it('names the file when it is not JSON', () => {
  const dir = dirWith('{ "profile": ');
  expect(() => loadConfig(undefined, dir)).toThrow(/conformance\.config\.json is not valid JSON/);
});

it.each([
  ['{ "checkTimeoutMs": -5 }', 'checkTimeoutMs'],
  [
    '{ "targets": { "legacy": { "kind": "stdio" } } }',
    'targets.legacy.command: a "stdio" target needs "command"',
  ],
  ['{ "targets": { "Bad Name": { "kind": "http", "url": "http://127.0.0.1:1/mcp" } } }', 'targets'],
  ['{ "profil": "default" }', 'profil'],
  ['{ "targets": { "x": { "kind": "http", "url": "not a url" } } }', 'targets.x.url'],
])('names the field at fault: %s', (content, path) => {
  const dir = dirWith(content);
  let error: unknown;
  try {
    loadConfig(undefined, dir);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(HarnessError);
  expect((error as HarnessError).code).toBe('CONFIG_INVALID');
  expect((error as HarnessError).message).toContain(path);
});
