import { expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.ts';
import { resolveTarget } from './resolve.ts';

const config = ConfigSchema.parse({
  targets: { 'our-legacy': { kind: 'stdio', command: 'node legacy.js', dialect: 'legacy' } },
});

it.each([
  ['rovo-mock', { kind: 'rovo-mock', dialect: 'rovo', name: 'rovo-mock' }],
  ['legacy-mock', { kind: 'legacy-mock', dialect: 'legacy' }],
  ['rovo-live', { kind: 'rovo-live', url: 'https://mcp.atlassian.com/v1/mcp' }],
  ['http:http://127.0.0.1:3000/mcp', { kind: 'http', url: 'http://127.0.0.1:3000/mcp', dialect: 'auto' }],
  ['https://example.test/mcp', { kind: 'http', name: 'http:https://example.test/mcp' }],
  ['stdio:node server.js --flag', { kind: 'stdio', command: 'node server.js --flag' }],
  ['container:localhost/legacy:1', { kind: 'container', image: 'localhost/legacy:1' }],
  ['our-legacy', { kind: 'stdio', command: 'node legacy.js', dialect: 'legacy', name: 'our-legacy' }],
])('resolves %s', (ref, expected) => {
  expect(resolveTarget(ref, config)).toMatchObject(expected);
});

it('a configured name wins over the built-in reading', () => {
  const shadowed = ConfigSchema.parse({
    targets: { 'rovo-live': { kind: 'http', url: 'http://127.0.0.1:9/mcp' } },
  });
  expect(resolveTarget('rovo-live', shadowed).reason).toMatch(/config/);
});

it.each(['nonsense', 'stdio:', 'container:', 'http:notaurl'])('explains why %s did not resolve', (ref) => {
  expect(() => resolveTarget(ref, config)).toThrow(
    /cannot resolve target[\s\S]*- config:[\s\S]*- builtin:[\s\S]*- http:/,
  );
});
