import { expect, it } from 'vitest';
import { callInFlight, itemsOfAssertion } from './evidence-text.ts';

it('names the items an assertion message shortened to Array(n), each bounded', () => {
  let caught: Error | undefined;
  try {
    expect(['#3: jira_post /rest/api/3/issue answered 400: summary is required'], 'bulk of 10').toEqual([]);
  } catch (error) {
    caught = error as Error;
  }
  if (!caught) throw new Error('the assertion passed');
  expect(caught.message).toMatch(/Array\(1\)/);
  expect(itemsOfAssertion(caught)).toBe(
    '1 item(s): #3: jira_post /rest/api/3/issue answered 400: summary is required',
  );
  expect(itemsOfAssertion(new Error('plain'))).toBeUndefined();
});

it('names the call a session is still waiting on', () => {
  expect(callInFlight([{ inFlight: undefined }, { inFlight: 'tools/call jira_get' }])).toBe(
    'tools/call jira_get',
  );
  expect(callInFlight([{ inFlight: undefined }])).toBeUndefined();
});
