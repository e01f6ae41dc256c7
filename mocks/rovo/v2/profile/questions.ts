/**
 * The 25 open questions of rovo-v2-surface.md 6 as data: each one's options (the reference's default
 * first). A profile answers each question by option name; an option the mock does not implement
 * (NOT_IMPLEMENTED) is refused when the profile is read, never silently served as the default.
 */
export const QUESTIONS = {
  Q1: { topic: 'execute surface', options: ['three-tiers', 'single-execute'] },
  Q2: { topic: 'Teamwork Graph primary names', options: ['graph', 'teamwork-graph'] },
  Q3: { topic: 'discover input key and result', options: ['query-full', 'goal-name-inputs'] },
  Q4: { topic: 'v1 names through execute*', options: ['unknown-operation', 'alias'] },
  Q5: { topic: 'wrong tier', options: ['error', 'accept'] },
  Q6: { topic: 'unknown keys in inputs and primary arguments', options: ['drop', 'strict'] },
  Q7: { topic: 'tools=all content', options: ['operations-only', 'with-meta-tools'] },
  Q8: { topic: 'capabilities= on v2', options: ['ignored', 'filter'] },
  Q9: { topic: 'structuredContent', options: ['always', 'never', 'known-clients'] },
  Q10: { topic: 'text payload wrapper', options: ['bare', 'data'] },
  Q11: { topic: 'Jira search paging', options: ['faithful', 'five-node-cap', 'no-cursor'] },
  Q12: { topic: 'getJiraIssue shaping', options: ['compact-default', 'full-default'] },
  Q13: { topic: 'assignable-users operation name', options: ['find', 'list'] },
  Q14: { topic: 'disabled delete/manage groups', options: ['hidden', 'permission-error'] },
  Q15: { topic: 'redirect URI policy', options: ['exact', 'any-loopback', 'domain-patterns'] },
  Q16: { topic: 'bad or unscoped credential', options: ['challenge', 'anonymous-twg'] },
  Q17: { topic: 'upstream error text', options: ['generic', 'specific'] },
  Q18: { topic: 'v1 token presented to v2', options: ['refused', 'accepted'] },
  Q19: { topic: 'protocol version', options: ['echo-recent', 'fixed-2024-11-05'] },
  Q20: { topic: 'getContentFormatGuide toolName', options: ['v1-content-keys', 'also-v2-names'] },
  Q21: { topic: 'Confluence body format default', options: ['html', 'markdown'] },
  Q22: { topic: 'primary tool count', options: ['21', '17'] },
  Q23: { topic: 'tool annotations', options: ['none', 'hints'] },
  Q24: { topic: 'v1 endpoints after 2027-03-01', options: ['v1', 'v2-surface'] },
  Q25: { topic: 'getAccessibleAtlassianResources shape', options: ['data-resources', 'v1-array'] },
} as const;

export type Question = keyof typeof QUESTIONS;
export type Answer<Q extends Question> = (typeof QUESTIONS)[Q]['options'][number];
export type Answers = { [Q in Question]: Answer<Q> };

/**
 * Options the mock does not serve yet (the profile loader refuses them, naming the question). Every
 * option of every question is served today; an option added later without its behaviour goes here.
 */
export const NOT_IMPLEMENTED: Readonly<Partial<Record<Question, readonly string[]>>> = {};

export const QUESTION_IDS = Object.keys(QUESTIONS) as Question[];
