import { describe, expect, it } from 'vitest';
import { diffSurfaces } from './diff.ts';
import { snapshotSurface, type ListedToolLike } from './surface.ts';

const tool = (
  over: Partial<ListedToolLike> & { properties?: Record<string, unknown>; required?: string[] } = {},
) => ({
  name: over.name ?? 'getJiraIssue',
  description: over.description ?? 'Get an issue',
  annotations: over.annotations ?? { readOnlyHint: true },
  inputSchema: over.inputSchema ?? {
    type: 'object',
    additionalProperties: false,
    properties: over.properties ?? {
      cloudId: { type: 'string', description: 'Cloud ID' },
      issueIdOrKey: { type: 'string' },
      fields: { type: 'array', items: { type: 'string' } },
      format: { type: 'string', enum: ['adf', 'markdown'] },
      maxResults: { type: 'integer', maximum: 100 },
    },
    required: over.required ?? ['cloudId', 'issueIdOrKey'],
  },
});

const surface = (...tools: ListedToolLike[]) => snapshotSurface('mcp.atlassian.com/v1/mcp', 'test', tools);
const base = tool();
const props = (base.inputSchema as { properties: Record<string, unknown> }).properties;
const changes = (after: ListedToolLike) =>
  diffSurfaces(surface(base), surface(after)).map((c) => [c.kind, c.path, c.breaking]);

describe('breaking changes', () => {
  it('a removed tool', () => {
    expect(diffSurfaces(surface(base, tool({ name: 'x' })), surface(base))).toMatchObject([
      { tool: 'x', kind: 'tool-removed', breaking: true },
    ]);
  });
  it('a new required parameter, and an optional one made required', () => {
    expect(
      changes(
        tool({
          properties: { ...props, expand: { type: 'string' } },
          required: ['cloudId', 'issueIdOrKey', 'expand'],
        }),
      ),
    ).toEqual([['required-added', 'expand', true]]);
    expect(changes(tool({ required: ['cloudId', 'fields', 'issueIdOrKey'] }))).toEqual([
      ['required-added', 'fields', true],
    ]);
  });
  it('a narrowed type: number to integer, a union to one type, an array item type', () => {
    const narrowed = tool({
      properties: {
        ...props,
        maxResults: { type: 'string', maximum: 100 },
        fields: { type: 'array', items: { type: 'integer' } },
      },
    });
    expect(changes(narrowed)).toEqual([
      ['type-narrowed', 'fields[]', true],
      ['type-narrowed', 'maxResults', true],
    ]);
    const union = tool({ properties: { ...props, issueIdOrKey: { type: ['string', 'number'] } } });
    expect(diffSurfaces(surface(union), surface(base)).map((c) => [c.kind, c.path, c.breaking])).toEqual([
      ['type-narrowed', 'issueIdOrKey', true],
    ]);
  });
  it('an enum value removed, a bound tightened, a parameter removed from a closed schema', () => {
    expect(changes(tool({ properties: { ...props, format: { type: 'string', enum: ['adf'] } } }))).toEqual([
      ['enum-value-removed', 'format', true],
    ]);
    expect(changes(tool({ properties: { ...props, maxResults: { type: 'integer', maximum: 50 } } }))).toEqual(
      [['constraint-narrowed', 'maxResults', true]],
    );
    const { fields: _fields, ...fewer } = props;
    expect(changes(tool({ properties: fewer }))).toEqual([['property-removed', 'fields', true]]);
  });
});

describe('non-breaking changes', () => {
  it('a new tool, a new optional parameter, a widened enum and type, a looser bound', () => {
    expect(diffSurfaces(surface(base), surface(base, tool({ name: 'y' }))).map((c) => c.kind)).toEqual([
      'tool-added',
    ]);
    const wider = tool({
      properties: {
        ...props,
        expand: { type: 'string' },
        format: { type: 'string', enum: ['adf', 'markdown', 'html'] },
        maxResults: { type: 'number', maximum: 250 },
      },
    });
    expect(changes(wider)).toEqual([
      ['property-added', 'expand', false],
      ['enum-value-added', 'format', false],
      ['type-widened', 'maxResults', false],
      ['constraint-widened', 'maxResults', false],
    ]);
  });
  it('descriptions and annotations, of the tool and of a parameter; a required parameter made optional', () => {
    const reworded = tool({
      description: 'Get one issue',
      annotations: { readOnlyHint: true, title: 'Get issue' },
      properties: { ...props, cloudId: { type: 'string', description: 'Cloud ID (UUID or site URL)' } },
      required: ['issueIdOrKey'],
    });
    expect(changes(reworded)).toEqual([
      ['description-changed', '', false],
      ['annotations-changed', '', false],
      ['required-removed', 'cloudId', false],
      ['description-changed', 'cloudId', false],
    ]);
  });
  it('nothing at all for the same surface listed in another order with other key order', () => {
    const shuffled = {
      ...base,
      inputSchema: {
        required: ['issueIdOrKey', 'cloudId'],
        properties: props,
        additionalProperties: false,
        type: 'object',
      },
    };
    expect(diffSurfaces(surface(base, tool({ name: 'z' })), surface(tool({ name: 'z' }), shuffled))).toEqual(
      [],
    );
  });
});

it('names a removed tool whose schema an added tool has as a likely rename', () => {
  const [removed] = diffSurfaces(
    surface(tool({ name: 'search' })),
    surface(tool({ name: 'searchAtlassian' })),
  ).filter((c) => c.breaking);
  expect(removed?.detail).toBe('tool removed (searchAtlassian has the same input schema: renamed?)');
});
