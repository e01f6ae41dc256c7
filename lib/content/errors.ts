export type ContentErrorCode = 'CONTENT_INVALID';

/** A value handed to a converter does not fit the format it was declared as. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  readonly code: ContentErrorCode = 'CONTENT_INVALID';
  constructor(
    readonly reason: string,
    readonly path?: string,
  ) {
    super(path === undefined ? reason : `${path}: ${reason}`);
  }
}
