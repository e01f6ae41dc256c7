import { adfToPlainText, isAdfDoc, validateAdfDoc } from '../../../../../lib/content/index.ts';
import { isIsoDate, jiraDateTime, parseJiraDateTime } from '../../dates.ts';
import { ADF_REQUIRED, labelError } from '../system.ts';
import { type Codec, listCodec, refused, stored } from './codec.ts';

/**
 * Single-value custom-field types. Where the public record gives Jira's wording (ADF, labels, dates)
 * it is used; the other messages are inferred from Jira's validators and marked so.
 */

const SET = ['set'] as const;
const TEXT_LIMIT = 255;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

const identity = (value: unknown) => value;

function text(checkValue: (s: string) => string | undefined): Codec {
  return {
    operations: SET,
    write(value) {
      // Inferred wording: Jira's string validator for single-line fields.
      if (typeof value !== 'string') return refused('Operation value must be a string');
      if (value.length > TEXT_LIMIT)
        return refused(
          `The entered text is too long. It exceeds the allowed limit of ${TEXT_LIMIT} characters.`,
        );
      const problem = checkValue(value);
      return problem ? refused(problem) : stored(value === '' ? undefined : value);
    },
    read: identity,
  };
}

export const textfield = text(() => undefined);

/** Inferred wording; Jira refuses what its URL validator cannot parse. */
export const url = text((s) => (URL.canParse(s) ? undefined : 'Not a valid URL'));

/** Multi-line text is an ADF document in REST v3; a plain string is refused (atlassian-mcp-server#101). */
export const textarea: Codec = {
  operations: SET,
  write(value) {
    const checked = validateAdfDoc(value);
    return checked.ok ? stored(checked.doc) : refused(ADF_REQUIRED);
  },
  read: identity,
  jql: (value) => (isAdfDoc(value) ? adfToPlainText(value) : undefined),
};

export const number: Codec = {
  operations: SET,
  write: (value) =>
    typeof value === 'number' && Number.isFinite(value)
      ? stored(value)
      : refused('Operation value must be a number'),
  read: identity,
};

export const datepicker: Codec = {
  operations: SET,
  write: (value) =>
    typeof value === 'string' && isIsoDate(value)
      ? stored(value)
      : refused(`Error parsing date string: ${JSON.stringify(value)}`),
  read: identity,
};

/** Stored as an ISO instant; read back in Jira's `+0000` form, whatever offset was written. */
export const datetime: Codec = {
  operations: SET,
  write(value) {
    const parsed = typeof value === 'string' && DATETIME.test(value) ? parseJiraDateTime(value) : undefined;
    if (!parsed || Number.isNaN(parsed.getTime()))
      return refused(`Error parsing date string: ${JSON.stringify(value)}`);
    return stored(parsed.toISOString());
  },
  read: (value) => (typeof value === 'string' ? jiraDateTime(new Date(value)) : null),
};

export const labels: Codec = listCodec(
  {
    write(value) {
      if (typeof value !== 'string') return refused('data was not an array of strings');
      const problem = labelError([value]);
      return problem ? refused(problem) : stored(value);
    },
    read: identity,
  },
  String,
);
