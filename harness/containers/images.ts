import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonFile } from '../read-json.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { bundle } from './bundle.ts';
import { addNodeRuntime, tarball } from './rootfs.ts';

/** An image of one of the repository's servers: a bundled entry point and the data files it reads. */
export interface ImageRecipe {
  name: 'mock' | 'legacy';
  /** `localhost/<name>`; tags are content digests. */
  repository: string;
  /** The entry module (repository-relative) and its bundle's file name under /app. */
  entry: string;
  bundle: string;
  /** Repository directories the bundle reads at run time, copied under /app with the same layout. */
  data: string[];
  /** The image's default arguments and environment: `docker run -p 127.0.0.1:8080:8080 <image>` serves it. */
  cmd: string[];
  env: Record<string, string>;
  port: number;
}

export const APP_DIR = '/app';

/** The project's container folder: the podman socket, its config and the image build (scripts/container-runtime.sh). */
export const RUNTIME_DIR = join(PACKAGE_ROOT, '.tmp/containers');
/** What `build.ts images` last built, by recipe name. */
export const BUILT_IMAGES = 'images.json';

export const IMAGES: Record<ImageRecipe['name'], ImageRecipe> = {
  mock: {
    name: 'mock',
    repository: 'localhost/rovo-mcp-mock',
    entry: 'harness/cli/mock-entry.ts',
    bundle: 'rovo-mock.mjs',
    data: ['fixtures/sites', 'fixtures/profiles', 'fixtures/rovo-v2'],
    cmd: [],
    env: { PORT: '8080', HOST: '0.0.0.0' },
    port: 8080,
  },
  legacy: {
    name: 'legacy',
    repository: 'localhost/legacy-jira-mcp',
    entry: 'mocks/mounts/legacy-process.ts',
    bundle: 'legacy-jira-mcp.mjs',
    data: [],
    cmd: [],
    env: { PORT: '8080', HOST: '0.0.0.0' },
    port: 8080,
  },
};

/** The same in the Dockerfile and the assembled image: node runs the bundle. */
export const entrypointOf = (recipe: ImageRecipe): string[] => ['node', `${APP_DIR}/${recipe.bundle}`];

/** The app directory of an image: the bundle and its data files (the Dockerfile's build stage runs this). */
export async function assembleApp(recipe: ImageRecipe, appDir: string): Promise<void> {
  await bundle(recipe.entry, join(appDir, recipe.bundle));
  for (const dir of recipe.data) cpSync(join(PACKAGE_ROOT, dir), join(appDir, dir), { recursive: true });
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `podman import --change` lines giving the root filesystem the Dockerfile's image configuration. */
export function importChanges(recipe: ImageRecipe): string[] {
  return [
    'ENV PATH=/usr/local/bin:/usr/bin:/bin',
    ...Object.entries(recipe.env).map(([k, v]) => `ENV ${k}=${v}`),
    `EXPOSE ${recipe.port}`,
    `ENTRYPOINT ${JSON.stringify(entrypointOf(recipe))}`,
    `CMD ${JSON.stringify(recipe.cmd)}`,
  ];
}

export interface BuiltImage {
  /** `localhost/rovo-mcp-mock:<first 12 hex of the tarball's sha256>` */
  image: string;
  /** false when an image of the same content was already there. */
  imported: boolean;
  tarballBytes: number;
}

/**
 * Builds an image without a registry: a root filesystem holding the Node binary, the libraries it
 * links and the app, tarred reproducibly and `podman import`ed under a tag naming its content.
 */
export async function buildImage(recipe: ImageRecipe, workDir: string): Promise<BuiltImage> {
  const root = join(workDir, `${recipe.name}-rootfs`);
  const tar = join(workDir, `${recipe.name}-rootfs.tar`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  addNodeRuntime(root);
  await assembleApp(recipe, join(root, APP_DIR));
  tarball(root, tar);
  rmSync(root, { recursive: true, force: true });
  const image = `${recipe.repository}:${(await sha256(tar)).slice(0, 12)}`;
  const tarballBytes = statSync(tar).size;
  let imported = false;
  try {
    execFileSync('podman', ['image', 'exists', image]);
  } catch {
    execFileSync('podman', ['import', ...importChanges(recipe).flatMap((c) => ['--change', c]), tar, image], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    imported = true;
  }
  execFileSync('podman', ['tag', image, `${recipe.repository}:local`]);
  rmSync(tar, { force: true });
  return { image, imported, tarballBytes };
}

const BuiltImagesSchema = z.object({ mock: z.string().min(1), legacy: z.string().min(1) });

/** The images `scripts/container-runtime.sh build` made; a missing or broken file says how to make them. */
export function builtImages(dir = RUNTIME_DIR): z.infer<typeof BuiltImagesSchema> {
  const file = join(dir, BUILT_IMAGES);
  if (!existsSync(file))
    throw new Error(`${file} does not exist; build the images with scripts/container-runtime.sh build`);
  return parseJsonFile(
    file,
    BuiltImagesSchema,
    'the image list',
    'Rebuild with scripts/container-runtime.sh build',
  );
}
