import { describe, expect, it } from 'vitest';
import { CUSTOM_FIELDS, errorsOf, issue, matching, sampleEnvironment, search } from './sample-site.ts';

const OTHERS_THAN_DEMO_1 = ['DEMO-10', 'DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2'];

describe('custom fields on the sample site', () => {
  it.each([
    ['cf[10016] > 3', ['DEMO-1', 'DEMO-9']],
    ['"Story Points" = 3', ['DEMO-2']],
    ['"story points" >= 5', ['DEMO-1', 'DEMO-9']],
    ['cf[10016] < 4.5', ['DEMO-2']],
    ['cf[10016] in (3, 8)', ['DEMO-2', 'DEMO-9']],
    ['"Story Points" != 5', ['DEMO-2', 'DEMO-9']],
    ['cf[10016] is EMPTY', ['DEMO-10', 'OPS-1', 'OPS-2']],
  ])('number: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['Team = Platform', ['DEMO-1']],
    ['team = platform', ['DEMO-1']],
    ['Team = 2', ['DEMO-2']],
    ['Team in (Platform, Mobile)', ['DEMO-1', 'DEMO-2']],
    ['Team != Platform', ['DEMO-2']],
    ['Team is EMPTY', ['DEMO-10', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['Platforms = ios', ['DEMO-1']],
    ['Platforms in (Android, 11)', ['DEMO-1']],
    ['Platforms not in (Web)', []],
    ['Platforms is EMPTY', OTHERS_THAN_DEMO_1],
    ['Region = Europe', ['DEMO-1']],
    ['Region = Berlin', ['DEMO-1']],
    ['Region = 22', ['DEMO-1']],
    ['Region = Asia', ['DEMO-2']],
    ['Region in (Berlin, Asia)', ['DEMO-1', 'DEMO-2']],
    ['Region != Europe', ['DEMO-2']],
  ])('options: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['Sprint = 7', ['DEMO-1']],
    ['sprint in (7, 8)', ['DEMO-1', 'DEMO-2']],
    ['Sprint != 7', ['DEMO-2']],
    ['Sprint is EMPTY', ['DEMO-10', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['Tags = q4', ['DEMO-1']],
    ['Tags in (launch)', ['DEMO-1']],
    ['Tags is EMPTY', OTHERS_THAN_DEMO_1],
  ])('sprints and labels: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['Reviewers = acc-bob', ['DEMO-1']],
    ['Reviewers = "Carol Chen"', ['DEMO-1']],
    ['Reviewers = currentUser()', []],
    ['Reviewers in (acc-alice, acc-carol)', ['DEMO-1']],
    ['Owner = "carol@example.com"', ['DEMO-1']],
    ['Owner != acc-carol', []],
    ['Owner is EMPTY', OTHERS_THAN_DEMO_1],
  ])('users: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['"Target Date" > "2026-11-30"', ['DEMO-1']],
    ['"Target Date" = 2026-12-01', ['DEMO-1']],
    ['"Target Date" < startOfMonth(1M)', []],
    ['"Target Date" <= startOfMonth(1M)', ['DEMO-1']],
    ['"Launched At" < "2026-11-16"', ['DEMO-1']],
    ['"Launched At" >= -3d', []],
    ['"Launched At" >= -4d', ['DEMO-1']],
  ])('dates: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['"Environment Notes" ~ linux', ['DEMO-1']],
    ['"Environment Notes" ~ box', ['DEMO-1']],
    ['"Environment Notes" is EMPTY', OTHERS_THAN_DEMO_1],
    ['"Release URL" ~ example', ['DEMO-1']],
    ['"Release URL" = "https://example.com/release"', ['DEMO-1']],
    ['"Release URL" is EMPTY', OTHERS_THAN_DEMO_1],
  ])('text: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it('searches every custom field that shares the name', () => {
    const env = sampleEnvironment({
      customFields: [...CUSTOM_FIELDS, { id: 'customfield_10090', name: 'Team', kind: 'string' }],
    });
    const issues = [
      issue({ key: 'DEMO-1', customFields: { customfield_10020: { id: '1', value: 'Platform' } } }),
      issue({ key: 'DEMO-2', customFields: { customfield_10090: 'platform' } }),
      issue({ key: 'DEMO-3', customFields: { customfield_10090: 'Mobile' } }),
    ];
    expect(search('Team = Platform ORDER BY key', env, issues)).toEqual(['DEMO-1', 'DEMO-2']);
  });

  it.each([
    [
      '"Story Points" = abc',
      "The value 'abc' for field 'Story Points' is invalid - please specify a number.",
    ],
    ['cf[99999] = 1', "Field 'cf[99999]' does not exist or you do not have permission to view it."],
    ['Sprint = "Sprint 1"', "The value 'Sprint 1' does not exist for the field 'Sprint'."],
    ['Sprint in openSprints()', "Unable to find JQL function 'openSprints()'."],
    ['Team ~ plat', "The operator '~' is not supported by the 'Team' field."],
    ['"Environment Notes" = x', "The operator '=' is not supported by the 'Environment Notes' field."],
    ['Owner = nobody', "The value 'nobody' does not exist for the field 'Owner'."],
    [
      '"Target Date" > soon',
      "Date value 'soon' for field 'Target Date' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
  ])('refuses %s', (jql, message) => {
    expect(errorsOf(jql)).toEqual([message]);
  });
});
