/**
 * Fake secrets in every shape a report could leak: an Atlassian API token, a Basic header, a JWT
 * bearer, opaque tokens under secret-looking keys, and an opaque token the run registered. `NEEDLES`
 * are the parts that must never appear in any artifact.
 */
export const CANARY = {
  apiToken: 'ATATT3xFfGF0canaryAPItoken0123456789',
  basic: 'Basic Y2FuYXJ5QGV4YW1wbGUuY29tOmNhbmFyeS1zZWNyZXQ=',
  bearer: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ',
  opaqueKeyed: 'opaque-canary-keyed-7f3a9c',
  opaqueRegistered: 'opaque-canary-registered-51b2',
} as const;

export const NEEDLES = [
  'canaryAPItoken0123456789',
  'Y2FuYXJ5QGV4YW1wbGUuY29tOmNhbmFyeS1zZWNyZXQ',
  'eyJzdWIiOiJjYW5hcnkifQ',
  'opaque-canary-keyed-7f3a9c',
  'opaque-canary-registered-51b2',
  // The fixture member's real (fake) API token, which connect() registers and sends in Basic auth.
  '8d2a6c0e94f31b77',
] as const;

/**
 * What base64 of `secret` looks like wherever it starts inside a longer encoded text (an attachment
 * embedded in the Allure page, a Basic value): one stable run of characters per byte alignment.
 */
export function base64Forms(secret: string): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.from(`${'x'.repeat(offset)}${secret}`).toString('base64');
    const bytes = offset + Buffer.byteLength(secret);
    return encoded.slice(Math.ceil(offset / 3) * 4, Math.floor(bytes / 3) * 4);
  });
}
