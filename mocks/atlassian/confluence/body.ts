import { htmlToAdf, plainTextToAdf, validateAdfDoc } from '../../../lib/content/index.ts';
import type { AdfDoc } from '../../../lib/content/types.ts';
import { confluenceError } from '../errors.ts';

/**
 * A v2 write body `{ representation, value }` as ADF, which the site stores. `storage` is XHTML,
 * `atlas_doc_format` is ADF (JSON text, or an object), and `wiki` markup is read as plain text:
 * the fake site has no wiki-markup parser.
 */
export function parseWriteBody(body: unknown, field = 'body'): AdfDoc {
  const b =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  if (!b) throw confluenceError(400, 'INVALID_REQUEST_PARAMETER', `${field} is required`);
  const { representation, value } = b;
  if (representation === 'storage') {
    if (typeof value !== 'string') throw invalidValue(field, 'a storage-format (XHTML) string');
    return htmlToAdf(value);
  }
  if (representation === 'atlas_doc_format') {
    let json: unknown = value;
    if (typeof value === 'string') {
      try {
        json = JSON.parse(value);
      } catch {
        throw invalidValue(field, 'an Atlassian Document as JSON text');
      }
    }
    const checked = validateAdfDoc(json);
    if (!checked.ok)
      throw confluenceError(
        400,
        'INVALID_REQUEST_PARAMETER',
        `${field}.value is not a valid Atlassian Document`,
        `${checked.path}: ${checked.reason}`,
      );
    return checked.doc;
  }
  if (representation === 'wiki') {
    if (typeof value !== 'string') throw invalidValue(field, 'a wiki-markup string');
    return plainTextToAdf(value);
  }
  throw confluenceError(
    400,
    'INVALID_REQUEST_PARAMETER',
    `${field}.representation must be one of storage, atlas_doc_format, wiki`,
  );
}

function invalidValue(field: string, expected: string) {
  return confluenceError(400, 'INVALID_REQUEST_PARAMETER', `${field}.value must be ${expected}`);
}
