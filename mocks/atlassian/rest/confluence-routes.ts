import type { Route } from './route.ts';

/** Confluence REST v2 (`/wiki/api/v2`) and v1 search (`/wiki/rest/api`); filled by the Confluence service. */
export const CONFLUENCE_V2_ROUTES: Route[] = [];
export const CONFLUENCE_V1_ROUTES: Route[] = [];
