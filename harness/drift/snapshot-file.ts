import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { readJsonFile } from '../read-json.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { type SurfaceSnapshot, SurfaceSnapshotSchema, snapshotJson } from './surface.ts';

/** Where recorded tool surfaces are kept, one file per endpoint. */
export const SURFACE_SNAPSHOTS_DIR = join(PACKAGE_ROOT, 'fixtures/surface-snapshots');

/** Rovo's public host: the mock and a live run relocated to loopback still stand for it. */
const ROVO_HOST = 'mcp.atlassian.com';

/**
 * The endpoint a target's surface belongs to: Rovo's host and the endpoint's path for rovo-mock,
 * rovo-live (whatever base URL a test relocated it to) and a server fronting the fixture site at a
 * Rovo path (the mock image, `npm run mock`); host, port and path for any other server.
 */
export function endpointOf(target: Pick<TargetSpec, 'kind' | 'url' | 'name' | 'path' | 'site'>): string {
  const url = target.url ? new URL(target.url) : undefined;
  // rovo-mock serves v1 unless a preset points it at another Rovo path (rovo-v2-mock: /v2/mcp).
  if (target.kind === 'rovo-mock') return `${ROVO_HOST}${url?.pathname.replace(/\/+$/, '') ?? '/v1/mcp'}`;
  const path = (url?.pathname ?? target.path ?? '').replace(/\/+$/, '');
  if (target.kind === 'rovo-live' || (target.site === 'fixture' && /^\/v[12]\/mcp/.test(path)))
    return `${ROVO_HOST}${path}`;
  return url ? `${url.host}${path}` : target.name;
}

/** `fixtures/surface-snapshots/<endpoint>.json`, the endpoint made safe for a file name. */
export function surfaceSnapshotPath(endpoint: string, dir = SURFACE_SNAPSHOTS_DIR): string {
  return join(dir, `${endpoint.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '')}.json`);
}

/** The recorded surface of an endpoint, or undefined when none was recorded; a broken file names its field. */
export function readSurfaceSnapshot(path: string): SurfaceSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  return readJsonFile(path, SurfaceSnapshotSchema, {
    flag: 'surface snapshot',
    fix: 'Record it again with "rovo-mcp-conformance baseline record --target <target>".',
  });
}

export function writeSurfaceSnapshot(path: string, snapshot: SurfaceSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, snapshotJson(snapshot));
  renameSync(`${path}.tmp`, path);
}
