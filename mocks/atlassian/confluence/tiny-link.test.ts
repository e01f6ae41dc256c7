import { describe, expect, it } from 'vitest';
import { pageIdFromTinyLink, resolvePageId, tinyLinkCode } from './tiny-link.ts';

describe('tiny links', () => {
  it.each([
    ['98305', 'AYAB'],
    ['2359297', 'AQAk'],
    ['200001', 'QQ0D'],
  ])('page %s is /x/%s', (id, code) => {
    expect(tinyLinkCode(id)).toBe(code);
    expect(pageIdFromTinyLink(code)).toBe(id);
  });

  it.each(['1', '255', '65536', '163841', '4294967295', '123456789012'])('round-trips %s', (id) => {
    expect(pageIdFromTinyLink(tinyLinkCode(id))).toBe(id);
  });

  it('reads the code out of a tiny URL', () => {
    expect(pageIdFromTinyLink('https://acme.atlassian.net/wiki/x/AYAB')).toBe('98305');
    expect(pageIdFromTinyLink('/x/AYAB?src=share')).toBe('98305');
  });

  it('resolvePageId keeps numeric ids and leaves what is no code for the 404', () => {
    expect(resolvePageId(' 98305 ')).toBe('98305');
    expect(resolvePageId('AYAB')).toBe('98305');
    expect(resolvePageId('not a code!')).toBe('not a code!');
  });
});
