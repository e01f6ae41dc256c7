import { describe, expect, it } from 'vitest';
import { compileCql } from './compile.ts';
import { content, sampleEnvironment, searchCql } from './sample-space.ts';
import { CqlError } from './types.ts';

const ALL = ['1001', '1002', '1003', '1004', '999'];

function matching(cql: string): string[] {
  return searchCql(cql).sort();
}

describe('compileCql fields', () => {
  it.each([
    ['type = page', ['1001', '1002', '999']],
    ['type = PAGE', ['1001', '1002', '999']],
    ['type in (page, blogpost)', ['1001', '1002', '1003', '999']],
    ['type = comment', ['1004']],
    ['type != page', ['1003', '1004']],
    ['type not in (page, comment)', ['1003']],
    ['space = ENG', ['1001', '1002', '1004']],
    ['space = eng', ['1001', '1002', '1004']],
    ['space.key = DOCS', ['1003', '999']],
    ['space in (ENG, "DOCS")', ALL],
    ['space = 200', ['1003', '999']],
    ['space.id = 100', ['1001', '1002', '1004']],
    ['space = NOPE', []],
    ['space != NOPE', ALL],
    ['space in (NOPE, DOCS)', ['1003', '999']],
  ])('type and space: %s', (cql, ids) => {
    expect(matching(cql)).toEqual(ids);
  });

  it.each([
    ['title ~ release', ['1001']],
    ['title ~ "onboard*"', ['1002', '1004']],
    ['title ~ "\\"weekly update\\""', ['1003']],
    ['title !~ onboarding', ['1001', '1003', '999']],
    ['title = "Onboarding Guide"', ['1002']],
    ['title = "onboarding guide"', ['1002']],
    ['title = "Onboarding"', []],
    ['title in ("Archive", "Weekly update")', ['1003', '999']],
    ['text ~ login', ['1002', '1004']],
    ['text ~ run', ['1001']],
    ['text ~ "release notes"', ['1001']],
    ['text ~ "\\"login step\\""', ['1004']],
    ['text ~ "\\"step login\\""', []],
    ['text !~ login', ['1001', '1003', '999']],
    ['text ~ "export*"', ['1003']],
  ])('text: %s', (cql, ids) => {
    expect(matching(cql)).toEqual(ids);
  });

  it.each([
    ['label = release', ['1001']],
    ['label = RELEASE', ['1001']],
    ['label in (onboarding, archive)', ['1002', '999']],
    ['label != release', ['1002', '1003', '1004', '999']],
    ['creator = currentUser()', ['1001', '1003']],
    ['creator = acc-bob', ['1002', '999']],
    ['creator in (acc-carol, "acc-bob")', ['1002', '1004', '999']],
    ['creator != currentUser()', ['1002', '1004', '999']],
    ['id = 1003', ['1003']],
    ['id in (999, 1001)', ['1001', '999']],
    ['content = 1002', ['1002']],
    ['parent = 1001', ['1002']],
    ['parent in (1001, 1002)', ['1002', '1004']],
    ['ancestor = 1001', ['1002', '1004']],
    ['ancestor != 1001', ['1001', '1003', '999']],
  ])('labels, people and hierarchy: %s', (cql, ids) => {
    expect(matching(cql)).toEqual(ids);
  });

  it.each([
    ['created > now("-7d")', ['1003', '1004']],
    ['created >= "2026-11-01"', ['1001', '1003', '1004']],
    ['created = "2026-11-15"', ['1003']],
    ['created = "2026/11/15 12:00"', ['1003']],
    ['created != "2026-11-15"', ['1001', '1002', '1004', '999']],
    ['created < 2026-01-01', ['999']],
    ['created <= "2026-10-01"', ['1002', '999']],
    ['created > "2026-11-15"', ['1004']],
    ['lastmodified > startOfDay()', ['1002', '1004']],
    ['lastModified <= "2026-11-17"', ['1001', '1003', '999']],
    ['created > startOfMonth("-1M")', ['1001', '1002', '1003', '1004']],
    ['lastmodified < now("-1y")', ['999']],
    ['created >= startOfWeek()', ['1003', '1004']],
  ])('dates: %s', (cql, ids) => {
    expect(matching(cql)).toEqual(ids);
  });

  it.each([
    ['type = page AND space = ENG', ['1001', '1002']],
    ['space = DOCS OR label = release', ['1001', '1003', '999']],
    ['NOT type = page', ['1003', '1004']],
    ['type = page AND NOT (label = archive OR creator = acc-bob)', ['1001']],
    ['space = ENG and (type = page or type = comment) and not label = release', ['1002', '1004']],
    ['type = blogpost OR type = page AND label = archive', ['1003', '999']],
  ])('boolean logic: %s', (cql, ids) => {
    expect(matching(cql)).toEqual(ids);
  });

  it('matches nothing for currentUser() when the caller is anonymous', () => {
    expect(searchCql('creator = currentUser()', sampleEnvironment({ currentAccountId: null }))).toEqual([]);
  });
});

describe('compileCql order', () => {
  it.each([
    ['space in (ENG, DOCS)', ['1004', '1002', '1001', '1003', '999']],
    ['type = page ORDER BY title', ['999', '1002', '1001']],
    ['type = page order by title desc', ['1001', '1002', '999']],
    ['space = ENG ORDER BY created DESC', ['1004', '1001', '1002']],
    ['space = ENG ORDER BY lastmodified asc', ['1001', '1002', '1004']],
    ['type = page ORDER BY id DESC', ['1002', '1001', '999']],
  ])('%s', (cql, ids) => {
    expect(searchCql(cql)).toEqual(ids);
  });

  it('breaks ties by id, numerically', () => {
    const items = [
      content({ id: '20', title: 'Same' }),
      content({ id: '3', title: 'same' }),
      content({ id: '100', title: 'Same' }),
    ];
    expect(searchCql('type = page ORDER BY title', sampleEnvironment(), items)).toEqual(['3', '20', '100']);
  });
});

describe('compileCql errors', () => {
  it.each([
    '',
    'type = ',
    'type page',
    '(type = page',
    'type = page)',
    'foo = bar',
    'type ~ page',
    'text = login',
    'title ~ ""',
    'title ~ "*x"',
    'title ~ "unclosed',
    'created > yesterday',
    'created > now("-7x")',
    'created in ("2026-01-01")',
    'creator = somebody()',
    'type in page',
    'type = (page, blogpost)',
    'space = ENG AND',
    'type = page ORDER title',
    'type = page ORDER BY label',
    'type = page ORDER BY title, nope',
  ])('refuses %j with Confluence wording', (cql) => {
    expect(() => compileCql(cql, sampleEnvironment())).toThrow(new CqlError(`Could not parse cql : ${cql}`));
  });

  it('throws CqlError with its code', () => {
    expect(() => compileCql('foo = bar', sampleEnvironment())).toThrow(CqlError);
    try {
      compileCql('foo = bar', sampleEnvironment());
    } catch (error) {
      expect(error).toMatchObject({ name: 'CqlError', code: 'CQL_INVALID' });
    }
  });
});
