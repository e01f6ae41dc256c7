import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/ensure-chromium.sh');

it('the Chromium install waits for another apt run holding the lock instead of giving up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-chromium-'));
  const chromium = join(dir, 'chromium');
  const calls = join(dir, 'calls.log');
  // A stand-in apt-get: `update` fails while the lock is "held" (its first call), install puts chromium in place.
  const fake = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  fake(
    'apt-get',
    `echo "$*" >> ${calls}
case "$*" in
  *update*) if [ ! -e ${dir}/updated-once ]; then touch ${dir}/updated-once; echo "E: Could not get lock /var/lib/apt/lists/lock" >&2; exit 100; fi ;;
  *install*) printf '#!/bin/sh\\n' > ${chromium}; chmod +x ${chromium} ;;
esac`,
  );
  fake('sudo', 'shift; exec "$@"');
  const result = spawnSync('bash', [SCRIPT], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${dir}:${process.env.PATH}`,
      CHROMIUM_PATH: chromium,
      APT_RETRY_SECONDS: '0',
    },
  });
  expect(result.status, result.stderr).toBe(0);
  expect(existsSync(chromium)).toBe(true);
  const lines = readFileSync(calls, 'utf8').trim().split('\n');
  expect(lines).toEqual([
    '-o DPkg::Lock::Timeout=300 update -qq',
    '-o DPkg::Lock::Timeout=300 update -qq',
    '-o DPkg::Lock::Timeout=300 install -y -qq chromium',
  ]);
  expect(result.stderr).toContain('retrying');
});
