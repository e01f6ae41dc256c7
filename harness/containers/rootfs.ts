import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Shared libraries in `ldd` output: `libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)` and the loader. */
export function linkedLibraries(lddOutput: string): string[] {
  const paths = new Set<string>();
  for (const line of lddOutput.split('\n')) {
    if (line.includes('not found'))
      throw new Error(`the Node binary links a library this machine lacks: ${line.trim()}`);
    const path = /(?:=>\s+)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line)?.[1];
    if (path) paths.add(path);
  }
  return [...paths].sort();
}

/** Copies a file to the same path under `root`, following symlinks (an image has no host to point into). */
function copyInto(root: string, path: string, as = path): void {
  const to = join(root, as);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(realpathSync(path), to);
}

/**
 * The running Node binary and the libraries it links, at their own paths under `root`: enough for
 * `/usr/local/bin/node` to run in an image with nothing else in it (no shell, no package manager).
 */
export function addNodeRuntime(root: string): void {
  const node = realpathSync(process.execPath);
  copyInto(root, node, '/usr/local/bin/node');
  for (const lib of linkedLibraries(execFileSync('ldd', [node], { encoding: 'utf8' }))) copyInto(root, lib);
  // Node's os.tmpdir(); podman mounts /etc/hosts and /etc/resolv.conf over an existing /etc.
  mkdirSync(join(root, 'etc'), { recursive: true });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  chmodSync(join(root, 'tmp'), 0o1777);
}

/**
 * A reproducible tarball of `root` (sorted, owned by root, fixed times): the same files always give
 * the same bytes, so its digest names the image and an unchanged image is not imported again.
 */
export function tarball(root: string, out: string): void {
  execFileSync('tar', [
    '--create',
    `--file=${out}`,
    `--directory=${root}`,
    '--sort=name',
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '--mtime=@0',
    '.',
  ]);
}
