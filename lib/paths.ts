import { join } from 'node:path';

/**
 * The package's root directory: where package.json, bin/, fixtures/ and node_modules/ are, whatever
 * the working directory. The one name for it; bundles rewrite `import.meta.dirname` so it still holds
 * inside an image (harness/containers/bundle.ts).
 */
export const PACKAGE_ROOT = join(import.meta.dirname, '..');
