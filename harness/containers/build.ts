// Builds the repository's images; run by scripts/container-runtime.sh (images) and the Dockerfile (app).
//   tsx harness/containers/build.ts images [dir]       root filesystems -> podman import; writes dir/images.json
//   tsx harness/containers/build.ts app <mock|legacy> <dir>   only the app directory (bundle + data files)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILT_IMAGES, IMAGES, type ImageRecipe, RUNTIME_DIR, assembleApp, buildImage } from './images.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const [command, ...args] = process.argv.slice(2);

function recipeNamed(name: string | undefined): ImageRecipe {
  const recipe = name === 'mock' || name === 'legacy' ? IMAGES[name] : undefined;
  if (!recipe) throw new Error(`give the image to assemble: mock or legacy (got "${name ?? ''}")`);
  return recipe;
}

if (command === 'app') {
  const [name, dir] = args;
  if (!dir) throw new Error('give the directory to assemble the app in, e.g. /app');
  await assembleApp(recipeNamed(name), resolve(dir));
} else if (command === 'images') {
  const dir = resolve(args[0] ?? RUNTIME_DIR);
  mkdirSync(dir, { recursive: true });
  const built: Record<string, string> = {};
  for (const recipe of Object.values(IMAGES)) {
    const started = performance.now();
    const result = await buildImage(recipe, dir);
    built[recipe.name] = result.image;
    say(
      `${result.image} ${result.imported ? 'imported' : 'unchanged'} (root filesystem ${(result.tarballBytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms)`,
    );
  }
  writeFileSync(join(dir, BUILT_IMAGES), `${JSON.stringify(built, null, 2)}\n`);
} else {
  throw new Error(`unknown command "${command ?? ''}": use "images [dir]" or "app <mock|legacy> <dir>"`);
}
