import { expect, it } from 'vitest';
import { loadV2Profile, parseV2Profile } from './load.ts';
import { QUESTION_IDS, QUESTIONS } from './questions.ts';

it('the default v2 profile answers every open question with the reference default, each listed with its source', () => {
  const profile = loadV2Profile('default');
  for (const q of QUESTION_IDS) {
    expect(profile.answers[q]).toBe(QUESTIONS[q].options[0]);
    expect(
      profile.assumptions.filter((a) => a.startsWith(`${q}: ${QUESTIONS[q].options[0]} - `)),
    ).toHaveLength(1);
  }
});

it('the cutover profile differs from the default in Q24 alone', () => {
  const { answers: cut, ...cutRest } = loadV2Profile('cutover');
  const { answers: base, ...baseRest } = loadV2Profile('default');
  expect({ ...cut, Q24: base.Q24 }).toEqual(base);
  expect(cut.Q24).toBe('v2-surface');
  expect({ ...cutRest, name: 'x', description: 'x', assumptions: [] }).toEqual({
    ...baseRest,
    name: 'x',
    description: 'x',
    assumptions: [],
  });
});

it('refuses a profile that leaves a question out of its assumptions, or answers with an unknown option, naming each', () => {
  const base = loadV2Profile('default');
  expect(() =>
    parseV2Profile({ ...base, assumptions: base.assumptions.filter((a) => !a.startsWith('Q7:')) }, 'p.json'),
  ).toThrow('Q7 needs exactly one assumption line');
  expect(() => parseV2Profile({ ...base, answers: { ...base.answers, Q5: 'maybe' } }, 'p.json')).toThrow(
    /answers\.Q5/,
  );
});
