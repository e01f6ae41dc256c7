import { expect, test } from 'vitest';
import { fillPath, fillTemplate } from './template.ts';

test('a whole placeholder keeps its value type; a part placeholder becomes text', () => {
  expect(fillTemplate({ labels: '{labels}', jql: 'key = {key}' }, { labels: ['a'], key: 'SBX-1' })).toEqual({
    labels: ['a'],
    jql: 'key = SBX-1',
  });
});

test('a property without a value is left out, and so is an object left empty', () => {
  expect(
    fillTemplate(
      { fields: { summary: '{summary}', parent: { key: '{parent}' }, note: 'for {parent}' } },
      { summary: 's' },
    ),
  ).toEqual({ fields: { summary: 's' } });
  expect(fillTemplate({ body: '{body}' }, {})).toBeUndefined();
});

test('a default applies when the variable has no value', () => {
  expect(fillTemplate({ fields: '{fields|*navigable}' }, {})).toEqual({ fields: '*navigable' });
  expect(fillTemplate({ fields: '{fields|*navigable}' }, { fields: 'summary' })).toEqual({
    fields: 'summary',
  });
});

test('$spread merges an object variable into its object', () => {
  expect(
    fillTemplate(
      { fields: { summary: '{summary}', $spread: '{extra}' } },
      {
        summary: 's',
        extra: { customfield_10010: 3, priority: null },
      },
    ),
  ).toEqual({ fields: { summary: 's', customfield_10010: 3, priority: null } });
});

test('path placeholders are URL-encoded and a missing one is an error', () => {
  expect(fillPath('/rest/api/3/issue/{key}/comment', { key: 'A B/1' })).toBe(
    '/rest/api/3/issue/A%20B%2F1/comment',
  );
  expect(() => fillPath('/rest/api/3/issue/{key}', {})).toThrow(/needs \{key\}/);
});
