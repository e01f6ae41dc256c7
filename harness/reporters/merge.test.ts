import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readCapabilities, type RunHeader } from './capabilities.ts';
import { mergeShards, type ShardReport } from './merge.ts';
import { sampleInput } from './sample-records.ts';
import { writeReports } from './write.ts';

const whole = sampleInput();

/** The records of `whole` as `count` shards would write them, each read back from its own folder. */
function shards(
  count: number,
  edit: (header: RunHeader, index: number) => RunHeader = (h) => h,
): ShardReport[] {
  return Array.from({ length: count }, (_, i) => {
    const dir = mkdtempSync(join(tmpdir(), `shard-${i + 1}-`));
    const header = edit(
      {
        ...whole.header,
        runId: `${whole.header.runId}-${i + 1}`,
        generatedAt: `2026-11-24T21:0${count - i}:00.000Z`,
        shard: { index: i + 1, count },
      },
      i + 1,
    );
    // Interleaved, so every shard holds records of several areas, as vitest's file split does.
    writeReports(dir, { ...whole, header, records: whole.records.filter((_, n) => n % count === i) });
    return { source: dir, report: readCapabilities(join(dir, 'capabilities.json'), '--merge') };
  });
}

it("merged shards give the bytes of one unsharded run, with shard 1's id and the earliest start", () => {
  const parts = shards(3).reverse();
  const merged = mergeShards(parts);
  const one = mkdtempSync(join(tmpdir(), 'unsharded-'));
  const joined = mkdtempSync(join(tmpdir(), 'merged-'));
  const header = {
    ...whole.header,
    runId: `${whole.header.runId}-1`,
    generatedAt: '2026-11-24T21:01:00.000Z',
  };
  writeReports(one, { ...whole, header });
  writeReports(joined, { ...whole, ...merged });
  expect(merged.header).toEqual(header);
  expect(readdirSync(joined).sort()).toEqual(readdirSync(one).sort());
  for (const file of readdirSync(one))
    expect(readFileSync(join(joined, file), 'utf8'), file).toBe(readFileSync(join(one, file), 'utf8'));
});

it('refuses a missing, repeated or unsharded part, and parts of different runs, naming the folder', () => {
  const [a, b, c] = shards(3);
  if (!a || !b || !c) throw new Error('three shards');
  expect(() => mergeShards([a, c])).toThrow(/shard 2\/3 missing/);
  expect(() => mergeShards([a, b, c, { ...b, source: 'again' }])).toThrow(/again and .* are both shard 2\/3/);
  const [one] = shards(1, ({ shard: _shard, ...h }) => h);
  if (!one) throw new Error('one report');
  expect(() => mergeShards([one])).toThrow(/is not from a sharded run/);
  const [x, y] = shards(2, (h, i) => (i === 2 ? { ...h, profile: { ...h.profile, name: 'other' } } : h));
  if (!x || !y) throw new Error('two shards');
  expect(() => mergeShards([x, y])).toThrow(new RegExp(`${y.source} ran other targets, profile or versions`));
  const [p] = shards(2);
  if (!p) throw new Error('a shard');
  expect(() => mergeShards([p, b])).toThrow(/is shard 2\/3, but .* is of 2/);
  expect(() =>
    mergeShards([
      a,
      b,
      { ...c, report: { ...c.report, records: [...c.report.records, ...a.report.records.slice(0, 1)] } },
    ]),
  ).toThrow(/is in two shards/);
  expect(() => mergeShards([])).toThrow(/no shard given/);
});
