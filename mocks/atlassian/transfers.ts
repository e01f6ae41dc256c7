import { createHash } from 'node:crypto';

/**
 * Short-lived transfer URLs. Rovo answers a download or upload with a `curl` command for the caller
 * to run, not with the bytes (rovo-v2-surface.md 4.1): the site issues a ticket bound to one account,
 * one file (or upload target) and a few minutes, and the REST route accepts the ticket instead of a
 * credential. Tokens are derived, not random, so the same calls give the same commands.
 */

export type TransferKind = 'download' | 'upload';
export type TransferProduct = 'jira' | 'confluence';

export interface TransferTicket {
  token: string;
  kind: TransferKind;
  product: TransferProduct;
  /** The attachment (download) or the issue or page (upload). */
  targetId: string;
  accountId: string;
  expiresAt: Date;
}

/** Inferred: the public record says "short-lived" without a figure. */
export const TRANSFER_TTL_MS = 10 * 60_000;

export class TransferTickets {
  private tickets = new Map<string, TransferTicket>();
  private issued = 0;

  constructor(private readonly siteSecret: string) {}

  issue(kind: TransferKind, product: TransferProduct, targetId: string, accountId: string, now: Date) {
    this.issued += 1;
    const token = createHash('sha256')
      .update([this.siteSecret, this.issued, kind, product, targetId, accountId].join('|'))
      .digest('base64url')
      .slice(0, 32);
    const ticket: TransferTicket = {
      token,
      kind,
      product,
      targetId,
      accountId,
      expiresAt: new Date(now.getTime() + TRANSFER_TTL_MS),
    };
    this.tickets.set(token, ticket);
    return ticket;
  }

  /** The ticket, if it is for exactly this transfer and has not expired; an upload ticket is used up. */
  redeem(token: string, kind: TransferKind, product: TransferProduct, targetId: string, now: Date) {
    const t = this.tickets.get(token);
    if (!t || t.kind !== kind || t.product !== product || t.targetId !== targetId) return undefined;
    if (t.expiresAt.getTime() <= now.getTime()) {
      this.tickets.delete(token);
      return undefined;
    }
    if (kind === 'upload') this.tickets.delete(token);
    return t;
  }
}

/** A stored file as the download answer: its bytes, type and name (quotes and line breaks replaced). */
export function fileResponse(bytes: Uint8Array, mimeType: string, filename: string): Response {
  return new Response(bytes.slice().buffer, {
    status: 200,
    headers: {
      'content-type': mimeType,
      'content-disposition': `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"`,
    },
  });
}

/** POSIX single quoting: names and URLs from users never reach the shell as code. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function downloadCommand(url: string, filename: string): string {
  return `curl -sSfL -o ${shellQuote(filename)} ${shellQuote(url)}`;
}

/** `localPath` is where the caller's file is; the command sends it as the multipart `file` part. */
export function uploadCommand(url: string, localPath: string): string {
  return `curl -sSf -X POST -H 'X-Atlassian-Token: no-check' -F ${shellQuote(`file=@${localPath}`)} ${shellQuote(url)}`;
}
