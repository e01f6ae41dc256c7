import type { Operation } from '../catalogue/schema.ts';
import { terms } from './tokens.ts';

/**
 * `discover` over the catalogue alone (it keeps working when product calls fail, I241): each operation
 * is scored by the goal's terms found in its name (weight 3), its synonyms and v1 names (2), its
 * description (1) and its product's words (1), each term weighted by how rare it is across the
 * catalogue, plus a bonus for a synonym inside the goal (or the goal inside a synonym), the more words
 * shared the more, most for a synonym that says exactly the goal. The index is
 * built once; a query costs time linear in the postings of its terms and the synonyms' terms.
 * Ties fall to the primary tool, then to the name, so the order never depends on the file's.
 */

const PRODUCT_WORDS: Readonly<Record<string, string>> = {
  jira: 'jira issue',
  confluence: 'confluence page space',
  'teamwork-graph': 'graph relationship',
  'rovo-search': 'search rovo',
  bitbucket: 'bitbucket repository pull request',
  loom: 'loom video',
  jsm: 'service management alert ops',
};

interface Indexed {
  op: Operation;
  /** Each synonym (and v1 name) as its set of terms. */
  phrases: ReadonlySet<string>[];
}

export interface DiscoverIndex {
  readonly entries: readonly Indexed[];
  /** term -> (entry index -> best field weight) */
  readonly postings: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** term -> inverse document frequency */
  readonly idf: ReadonlyMap<string, number>;
}

const built = new WeakMap<readonly Operation[], DiscoverIndex>();

/**
 * The index of a catalogue's operations, built once per catalogue: every fake cloud builds a v2 mock,
 * and rebuilding it for each check's cloud was about 4% of a run's worker CPU. An index never changes.
 */
export function buildDiscoverIndex(operations: readonly Operation[]): DiscoverIndex {
  let index = built.get(operations);
  if (!index) built.set(operations, (index = indexOf(operations)));
  return index;
}

function indexOf(operations: readonly Operation[]): DiscoverIndex {
  const postings = new Map<string, Map<number, number>>();
  const entries = operations.map((op, i): Indexed => {
    const put = (text: string, weight: number) => {
      for (const t of terms(text)) {
        let p = postings.get(t);
        if (!p) postings.set(t, (p = new Map<number, number>()));
        p.set(i, Math.max(p.get(i) ?? 0, weight));
      }
    };
    put(op.name, 3);
    for (const s of [...op.synonyms, ...op.v1Names]) put(s, 2);
    put(op.description, 1);
    put(PRODUCT_WORDS[op.product] ?? op.product, 1);
    return { op, phrases: [...op.synonyms, ...op.v1Names].map((s) => new Set(terms(s))) };
  });
  const idf = new Map([...postings].map(([t, p]) => [t, Math.log(1 + operations.length / p.size)]));
  return { entries, postings, idf };
}

export interface DiscoverMatch {
  operation: Operation;
  score: number;
  /** The goal's terms this operation matched. */
  matched: string[];
}

export interface DiscoverOptions {
  limit?: number | undefined;
  /** Which operations may be answered; default: the ones the site models. */
  include?: ((op: Operation) => boolean) | undefined;
}

export const DEFAULT_DISCOVER_LIMIT = 10;

/** The operations that best fit a goal in plain words, best first. */
export function discover(index: DiscoverIndex, goal: string, options: DiscoverOptions = {}): DiscoverMatch[] {
  const include = options.include ?? ((op: Operation) => op.modelled);
  const query = [...new Set(terms(goal))];
  if (query.length === 0) return [];
  const scores = new Map<number, { score: number; matched: string[] }>();
  for (const t of query) {
    const idf = index.idf.get(t) ?? 0;
    for (const [i, weight] of index.postings.get(t) ?? []) {
      const s = scores.get(i) ?? { score: 0, matched: [] };
      s.score += weight * idf;
      s.matched.push(t);
      scores.set(i, s);
    }
  }
  const results: DiscoverMatch[] = [];
  for (const [i, s] of scores) {
    const { op, phrases } = index.entries[i] as Indexed;
    if (!include(op)) continue;
    // A synonym inside the goal, or the goal inside a synonym, is strong evidence; saying exactly the
    // goal is the strongest.
    let bonus = 0;
    for (const p of phrases) {
      const shared = query.filter((t) => p.has(t)).length;
      if (shared === 0 || (shared < p.size && shared < query.length)) continue;
      bonus = Math.max(bonus, 2 * shared + (shared === p.size && shared === query.length ? 2 : 0));
    }
    results.push({ operation: op, score: s.score + bonus, matched: s.matched });
  }
  results.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.operation.primary) - Number(a.operation.primary) ||
      (a.operation.name < b.operation.name ? -1 : a.operation.name > b.operation.name ? 1 : 0),
  );
  return results.slice(0, Math.max(1, options.limit ?? DEFAULT_DISCOVER_LIMIT));
}
