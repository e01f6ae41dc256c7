import { describe, expect, it } from 'vitest';
import { errorsOf } from './sample-site.ts';

const DATE_FORMATS =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

describe('validation against the site', () => {
  it.each([
    ['colour = red', "Field 'colour' does not exist or you do not have permission to view it."],
    ['status = "Shipped"', "The value 'Shipped' does not exist for the field 'status'."],
    ['issuetype = Feature', "The value 'Feature' does not exist for the field 'issuetype'."],
    ['type = 666', "A value with ID '666' does not exist for the field 'type'."],
    ['priority = Urgent', "The value 'Urgent' does not exist for the field 'priority'."],
    ['statusCategory = Blocked', "The value 'Blocked' does not exist for the field 'statusCategory'."],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['project in (DEMO, NOPE)', "The value 'NOPE' does not exist for the field 'project'."],
    ['project = 99', "A value with ID '99' does not exist for the field 'project'."],
    ['assignee = "nobody-at-all"', "The value 'nobody-at-all' does not exist for the field 'assignee'."],
    ['reporter in (acc-bob, ghost)', "The value 'ghost' does not exist for the field 'reporter'."],
    ['fixVersion = "1.0"', "The value '1.0' does not exist for the field 'fixVersion'."],
    ['key = abc', "The issue key 'abc' for field 'key' is invalid."],
    ['assignee = noSuchFunction()', "Unable to find JQL function 'noSuchFunction()'."],
    [
      'status = currentUser()',
      "A value provided by the function 'currentUser' is invalid for the field 'status'.",
    ],
    ['assignee = now()', "A value provided by the function 'now' is invalid for the field 'assignee'."],
    [
      'created > currentUser()',
      "A value provided by the function 'currentUser' is invalid for the field 'created'.",
    ],
    ['created > now(1)', "Function 'now' expected '0' arguments but received '1'."],
    [
      'created > startOfDay(-1d, 2)',
      "Function 'startOfDay' expected between '0' and '1' arguments but received '2'.",
    ],
    [
      'created >= startOfDay(-1x)',
      "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.",
    ],
    ['text = "export"', "The operator '=' is not supported by the 'text' field."],
    ['text !~ export', "The operator '!~' is not supported by the 'text' field."],
    ['assignee ~ x', "The operator '~' is not supported by the 'assignee' field."],
    ['summary = x', "The operator '=' is not supported by the 'summary' field."],
    ['status > Done', "The operator '>' is not supported by the 'status' field."],
    ['comment is EMPTY', "The operator 'is' is not supported by the 'comment' field."],
    ['status is Done', "Operator 'is' does not support searching for non-empty values for field 'status'."],
    ['status in Done', "Operator 'in' does not support the non-list value 'Done' for field 'status'."],
    [
      'assignee in currentUser()',
      "Operator 'in' does not support the non-list value 'currentUser()' for field 'assignee'.",
    ],
    [
      'status = (Done, "To Do")',
      "Operator '=' does not support the list value '(Done, To Do)' for field 'status'.",
    ],
    [
      'issuetype = standardIssueTypes()',
      "Operator '=' does not support the list value 'standardIssueTypes()' for field 'issuetype'.",
    ],
    [
      'created > EMPTY',
      "Operator '>' does not support the empty value representation 'EMPTY' for field 'created'.",
    ],
    [
      'status in EMPTY',
      "Operator 'in' does not support the empty value representation 'EMPTY' for field 'status'.",
    ],
    ['updated >= yesterday', `Date value 'yesterday' for field 'updated' is invalid. ${DATE_FORMATS}`],
    ['due = 2026-02-30', `Date value '2026-02-30' for field 'due' is invalid. ${DATE_FORMATS}`],
    ['summary ~ ""', "The field 'summary' does not support searching for an empty string."],
    ['summary ~ "?"', "The text query '?' for field 'summary' is not allowed to start with '?'."],
    ['summary ~ "*port"', "The text query '*port' for field 'summary' is not allowed to start with '*'."],
    ['text ~ "AND"', "Unable to parse the text 'AND' for field 'text'."],
    ['text ~ EMPTY', "The field 'text' does not support searching for EMPTY values."],
    ['summary ~ now()', "A value provided by the function 'now' is invalid for the field 'summary'."],
    [
      'project = DEMO ORDER BY zzfield',
      "Field 'zzfield' does not exist or you do not have permission to view it.",
    ],
    ['ORDER BY text', "Not able to sort using field 'text'."],
    ['ORDER BY description', "Not able to sort using field 'description'."],
    ['ORDER BY comment', "Not able to sort using field 'comment'."],
    ['ORDER BY "Environment Notes"', "Not able to sort using field 'Environment Notes'."],
  ])('%s', (jql, message) => {
    expect(errorsOf(jql)).toEqual([message]);
  });
});
