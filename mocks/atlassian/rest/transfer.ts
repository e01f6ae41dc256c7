import { confluenceError, jiraError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { TransferKind, TransferProduct } from '../transfers.ts';
import type { UploadedFile } from '../jira/attachments.ts';
import type { RestContext } from './route.ts';

/** An error in the product's own error shape. */
function refuse(product: TransferProduct, status: number, message: string) {
  return product === 'jira'
    ? jiraError(status, [message])
    : confluenceError(status, status === 403 ? 'FORBIDDEN' : 'INVALID_REQUEST_PARAMETER', message);
}

/**
 * The caller, or the account a transfer ticket (`?token=`) was issued to: the short-lived URLs in the
 * `curl` commands Rovo hands out carry no other credential.
 */
export function transferActor(
  c: RestContext,
  kind: TransferKind,
  product: TransferProduct,
  targetId: string,
): Actor {
  const token = c.query.get('token');
  if (token === null || c.actor.accountId !== null) return c.actor;
  const ticket = c.store.transfers.redeem(token, kind, product, targetId, c.store.now());
  if (!ticket) throw refuse(product, 403, 'This transfer link has expired or is not valid for this file.');
  return { accountId: ticket.accountId };
}

/**
 * The `file` parts of a multipart upload; Jira and Confluence refuse uploads without
 * `X-Atlassian-Token: no-check`.
 */
export async function uploadedFiles(request: Request, product: TransferProduct): Promise<UploadedFile[]> {
  if (request.headers.get('x-atlassian-token')?.toLowerCase() !== 'no-check')
    throw refuse(product, 403, 'XSRF check failed: send the header X-Atlassian-Token: no-check.');
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw refuse(product, 400, 'The request is not multipart/form-data.');
  }
  const files: UploadedFile[] = [];
  for (const part of form.getAll('file'))
    if (typeof part !== 'string')
      files.push({ name: part.name, type: part.type, bytes: new Uint8Array(await part.arrayBuffer()) });
  return files;
}
