import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

/**
 * Modules find their data files next to themselves (`join(import.meta.dirname, '../../../fixtures')`).
 * In one bundled file every module would share the bundle's directory, so each module's own
 * directory, relative to the repository, is written in instead: the bundle then reads data files from
 * the repository layout rebuilt around it (fixtures/ beside the bundle).
 */
const moduleDirectories: Plugin = {
  name: 'module-directories',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.dirname') || args.path.includes('node_modules')) return undefined;
      const dir = relative(PACKAGE_ROOT, dirname(args.path));
      const own = `decodeURIComponent(new URL(${JSON.stringify(`./${dir}/`)}, import.meta.url).pathname)`;
      return { contents: source.replaceAll('import.meta.dirname', own), loader: 'ts' };
    });
  },
};

/** One ESM file for Node with every dependency inside, so an image needs nothing but node and it. `entry` is relative to the repository or absolute. */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [resolve(PACKAGE_ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Bundled CommonJS packages still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [moduleDirectories],
    logLevel: 'error',
  });
}
