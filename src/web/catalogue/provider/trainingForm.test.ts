import { describe, expect, it } from 'vitest';
import { fieldProblemsOf, parseDecimal, problemsFromApi, problemsUnder } from './formProblems';
import { emptyTrainingForm, type TrainingFormValues, toTrainingInput, trainingFormProblems, trainingProblemKey } from './trainingForm';

function filledForm(): TrainingFormValues {
  return {
    ...emptyTrainingForm(),
    title: 'Scratch in de klas',
    summary: 'Leer programmeren met Scratch in de lagere school.',
    educationLevels: ['primary'],
    levelSteps: [{ key: 1, competence: '3.1', from: 'A2', to: 'B1' }],
    durationHours: '1,5',
    priceEuro: '12,50',
    url: 'https://example.be/scratch',
    address: 'Kerkstraat 1',
    postalCode: '3500',
    city: 'Hasselt',
    province: 'limburg',
  };
}

describe('parseDecimal', () => {
  it('reads Belgian and English decimals', () => {
    expect(parseDecimal('12,50')).toBe(12.5);
    expect(parseDecimal(' 1.5 ')).toBe(1.5);
    expect(parseDecimal('€ 30')).toBe(30);
    expect(parseDecimal('twaalf')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});

describe('trainingFormProblems', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(trainingFormProblems(filledForm())).toEqual({});
    expect(trainingFormProblems({ ...filledForm(), priceEuro: '0,29' })).toEqual({});
  });

  it('names every field at fault by its API path', () => {
    const form = {
      ...filledForm(),
      title: 'ab',
      postalCode: '350',
      levelSteps: [{ key: 1, competence: '3.1', from: 'B1', to: 'A2' }],
      priceEuro: '1,234',
    };
    expect(Object.keys(trainingFormProblems(form)).sort()).toEqual(['levelSteps.0.to', 'location.postalCode', 'priceEuro', 'title']);
  });

  it('needs no address for a training that is online only', () => {
    const form = { ...filledForm(), onlineOnly: true, address: '', postalCode: '', city: '', province: '' };
    expect(trainingFormProblems(form)).toEqual({});
    expect(toTrainingInput(form).location).toBeNull();
  });
});

describe('toTrainingInput', () => {
  it('turns typed text into the API body', () => {
    const input = toTrainingInput({ ...filledForm(), accreditation: '  ' });
    expect(input).toMatchObject({
      durationHours: 1.5,
      priceEuro: 12.5,
      accreditation: null,
      levelSteps: [{ competence: '3.1', from: 'A2', to: 'B1' }],
      location: { address: 'Kerkstraat 1', postalCode: '3500', city: 'Hasselt', province: 'limburg' },
    });
    expect(input.levelSteps[0]).not.toHaveProperty('key');
  });
});

describe('server problems', () => {
  it('reads error.field and every detail without the body prefix', () => {
    const problems = problemsFromApi({
      field: 'body.title',
      details: [{ field: 'body.title' }, { field: 'body.levelSteps.0.to' }, { field: 'body.location.postalCode' }],
    });
    expect(Object.keys(problems).sort()).toEqual(['levelSteps.0.to', 'location.postalCode', 'title']);
    expect(problemsUnder(problems, 'levelSteps.0')).toEqual(['levelSteps.0.to']);
  });

  it('shows beside its fields only a validation error that names them', () => {
    expect(fieldProblemsOf({ id: 'validation_error', field: 'body.title' })).toEqual({ title: true });
    expect(fieldProblemsOf({ id: 'validation_error', details: [{ field: 'body.priceEuro' }] })).toEqual({ priceEuro: true });
    expect(fieldProblemsOf({ id: 'validation_error' })).toBeUndefined();
    expect(fieldProblemsOf({ id: 'conflict', field: 'body.title' })).toBeUndefined();
  });

  it('maps each path to the message that explains it', () => {
    expect(trainingProblemKey('levelSteps.3.to')).toBe('levelStepTo');
    expect(trainingProblemKey('location.postalCode')).toBe('postalCode');
    expect(trainingProblemKey('priceEuro')).toBe('priceEuro');
    expect(trainingProblemKey('somethingNew')).toBe('other');
  });
});
