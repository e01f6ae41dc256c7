import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { describeIssues, FixtureError } from '../../lib/errors.ts';
import type { Variant } from './kit/types.ts';

export type { Variant } from './kit/types.ts';

export const VARIANTS_DIR = import.meta.dirname;

/**
 * The broken-variant corpus is every area file `mocks/variants/<area>.ts`, found like the suites:
 * sorted, this loader, tests and kit/ (what variants are built with) excepted.
 */
export function variantFiles(dir = VARIANTS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'index.ts' && !e.name.endsWith('.test.ts'),
    )
    .map((e) => join(dir, e.name))
    .sort();
}

/** What an area file exports: `variants`, each one named defect and the checks it must make fail. */
const AreaFileSchema = z.object({
  variants: z.array(
    z.object({
      name: z.string().min(1),
      defect: z.string().min(1),
      breaks: z.array(z.string().min(1)).min(1),
      site: z.string().min(1).optional(),
      verdict: z.literal('partial').optional(),
      apply: z.custom<Variant['apply']>((v) => typeof v === 'function', 'must be a function (cloud) => void'),
    }),
    { error: 'must be exported as a list: `export const variants: Variant[] = [...]`' },
  ),
});

/**
 * Imports every area file. A file that does not export `variants`, or a name declared twice, stops
 * the load with the file(s) to fix. With `area`, only claims on that capability area's checks remain.
 */
export async function loadVariants(options: { area?: string; dir?: string } = {}): Promise<Variant[]> {
  const declaredIn = new Map<string, string>();
  const variants: Variant[] = [];
  for (const file of variantFiles(options.dir)) {
    const parsed = AreaFileSchema.safeParse(await import(pathToFileURL(file).href));
    if (!parsed.success)
      throw new FixtureError(
        'VARIANT_INVALID',
        `variant file ${file} is invalid:\n${describeIssues(parsed.error.issues)}`,
      );
    for (const variant of parsed.data.variants) {
      const other = declaredIn.get(variant.name);
      if (other !== undefined)
        throw new FixtureError(
          'VARIANT_INVALID',
          `variant "${variant.name}" is declared in ${basename(other)} and in ${basename(file)}; rename one (names identify variants in every report)`,
        );
      declaredIn.set(variant.name, file);
      variants.push(variant);
    }
  }
  return options.area === undefined ? variants : inArea(variants, options.area);
}

/** The variants' claims on one capability area (`<area>.*` ids); a variant with none there drops out. */
export function inArea(variants: readonly Variant[], area: string): Variant[] {
  return variants.flatMap((variant) => {
    const breaks = variant.breaks.filter((id) => id.startsWith(`${area}.`));
    return breaks.length === 0 ? [] : [{ ...variant, breaks }];
  });
}
