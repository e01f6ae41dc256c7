import { z } from 'zod';

/** Parameters several tools share, with the descriptions the real schemas carry. */
export const CLOUD_ID = z.string().describe('Cloud ID (UUID or site URL)');
export const JIRA_FORMAT = z.enum(['adf', 'markdown']);
export const CONFLUENCE_FORMAT = z.enum(['adf', 'html', 'markdown']);
export const ISSUE_ID_OR_KEY = z.string().describe('Issue id or key (e.g. "PROJ-123")');
export const START_AT = z.number().int().min(0).describe('Index of the first item to return (0-based)');
