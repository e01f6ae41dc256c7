import { expect, it } from 'vitest';
import { mockFidelity } from '../../drift/fidelity.ts';
import { capabilitiesJson, readCapabilities } from '../capabilities.ts';
import { sampleInput } from '../sample-records.ts';
import { comparisonHtml } from './html.ts';
import { comparisonMarkdown } from './markdown.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fidelity = mockFidelity('legacy-captures');

it('shows the mock fidelity section in both renderings, with each change and whether it breaks', () => {
  const input = sampleInput();
  const withFidelity = { ...input, header: { ...input.header, ...(fidelity ? { fidelity } : {}) } };
  const md = comparisonMarkdown(withFidelity);
  expect(md).toMatch(
    /## Mock fidelity\n\nThe mock \(profile legacy-captures, 33 tools\) against the committed baseline of mcp\.atlassian\.com\/v1\/mcp .* differs in 4 place\(s\), 2 of them breaking/,
  );
  expect(md).toMatch(
    /\| breaking \| searchAtlassian \| {2}\| tool removed \(search has the same input schema: renamed\?\) \|/,
  );
  const html = comparisonHtml(withFidelity);
  expect(html).toContain('<section id="fidelity"><h2>Mock fidelity</h2>');
  expect(comparisonMarkdown(input)).not.toContain('Mock fidelity');
});

it('travels in capabilities.json, so "report" rebuilds the section byte for byte', () => {
  const input = sampleInput();
  const header = { ...input.header, ...(fidelity ? { fidelity } : {}) };
  const path = join(mkdtempSync(join(tmpdir(), 'fidelity-')), 'capabilities.json');
  writeFileSync(path, capabilitiesJson(header, input.records));
  const read = readCapabilities(path, '--from');
  expect(comparisonMarkdown({ ...input, header: read.run })).toBe(comparisonMarkdown({ ...input, header }));
});
