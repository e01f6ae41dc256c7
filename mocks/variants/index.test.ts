import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FixtureError } from '../../lib/errors.ts';
import { inArea, loadVariants, variantFiles } from './index.ts';

const SCRATCH = join(import.meta.dirname, '../../.tmp/variants-test');
rmSync(SCRATCH, { recursive: true, force: true });
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/** A directory of area files, each declaring variants with these names (claiming `<file>.check`). */
function corpus(dir: string, files: Record<string, string[] | string>): string {
  const path = join(SCRATCH, dir);
  mkdirSync(path, { recursive: true });
  for (const [file, names] of Object.entries(files)) {
    const source =
      typeof names === 'string'
        ? names
        : `export const variants = ${JSON.stringify(names.map((name) => ({ name, defect: `${name} is broken`, breaks: [`${file}.check`] })))}
  .map((v) => ({ ...v, apply: () => {} }));\n`;
    writeFileSync(join(path, `${file}.ts`), source);
  }
  return path;
}

it('finds a new area file without a list to update', async () => {
  const dir = corpus('new-file', { jira: ['a'], auth: ['b'] });
  expect((await loadVariants({ dir })).map((v) => v.name)).toEqual(['b', 'a']);
  corpus('new-file', { search: ['c'] });
  expect((await loadVariants({ dir })).map((v) => v.name)).toEqual(['b', 'a', 'c']);
});

it('refuses a variant name declared twice, naming both files', async () => {
  const dir = corpus('duplicate', { jira: ['same', 'other'], search: ['same'] });
  const failure = loadVariants({ dir });
  await expect(failure).rejects.toThrow(FixtureError);
  await expect(failure).rejects.toThrow(
    'variant "same" is declared in jira.ts and in search.ts; rename one (names identify variants in every report)',
  );
});

it('refuses an area file that does not export its variants, naming the file and the field', async () => {
  const dir = corpus('no-export', { jira: 'export const JIRA_VARIANTS = [];\n' });
  await expect(loadVariants({ dir })).rejects.toThrow(
    `variant file ${join(dir, 'jira.ts')} is invalid:\n  - variants: must be exported as a list`,
  );
  const missing = corpus('no-apply', {
    jira: "export const variants = [{ name: 'x', defect: 'd', breaks: ['a.b'] }];\n",
  });
  await expect(loadVariants({ dir: missing })).rejects.toThrow('variants[0].apply: must be a function');
});

it('keeps only the claims on one capability area when asked', async () => {
  const all = await loadVariants();
  const jira = await loadVariants({ area: 'jira' });
  expect(jira.length).toBeGreaterThan(0);
  expect(jira.every((v) => v.breaks.every((id) => id.startsWith('jira.')))).toBe(true);
  expect(jira).toEqual(inArea(all, 'jira'));
  const mixed = { name: 'm', defect: 'd', breaks: ['jira.x', 'bulk.y'], apply: () => {} };
  expect(inArea([mixed], 'bulk')).toEqual([{ ...mixed, breaks: ['bulk.y'] }]);
  expect(inArea([mixed], 'auth')).toEqual([]);
});

it('reads the area files of the corpus, not the loader, its test or the kit', () => {
  const names = variantFiles().map((file) => basename(file));
  expect(names).toContain('jira.ts');
  expect(names).toContain('transport.ts');
  for (const other of ['index.ts', 'index.test.ts', 'patch.ts', 'frames.ts', 'types.ts'])
    expect(names).not.toContain(other);
});
