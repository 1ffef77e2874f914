import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortFieldsOfBody, cohortProblems, formFieldOf, linesOf, participantsProblem, trackFieldsOfBody, trackProblems } from './bootcampSetupView';

const cohort = { trackId: 't1', name: 'Voorjaar', startsOn: '2027-02-22', sessions: '12', topics: '' };

describe('the bootcamp set-up forms', () => {
  it('reads names one a line, skipping empty lines and spaces', () => {
    expect(linesOf(' An \n\n Bo\r\n')).toEqual(['An', 'Bo']);
    expect(linesOf('')).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.string()), (lines) => {
        expect(linesOf(lines.join('\n')).every((line) => line !== '' && line === line.trim())).toBe(true);
      }),
    );
  });

  it('asks for both languages of a track', () => {
    expect(trackProblems({ nameNl: 'Groeien', nameEn: ' ', descriptionNl: 'x', descriptionEn: 'y', trainingId: '' })).toEqual({ nameEn: 'required' });
  });

  it('checks a cohort at the bounds of its sessions and topics', () => {
    expect(cohortProblems(cohort)).toEqual({});
    expect(cohortProblems({ ...cohort, sessions: '1' })).toEqual({});
    expect(cohortProblems({ ...cohort, sessions: '40' })).toEqual({});
    expect(cohortProblems({ ...cohort, sessions: '0' })).toEqual({ sessions: 'sessions' });
    expect(cohortProblems({ ...cohort, sessions: '41' })).toEqual({ sessions: 'sessions' });
    expect(cohortProblems({ ...cohort, sessions: '2,5' })).toEqual({ sessions: 'sessions' });
    expect(cohortProblems({ ...cohort, sessions: '2', topics: 'a\nb' })).toEqual({});
    expect(cohortProblems({ ...cohort, sessions: '2', topics: 'a\nb\nc' })).toEqual({ topics: 'topics' });
    expect(cohortProblems({ ...cohort, startsOn: '', trackId: '', name: ' ' })).toEqual({ startsOn: 'date', trackId: 'required', name: 'required' });
  });

  it('takes one to twenty participants', () => {
    expect(participantsProblem([])).toBe('participants');
    expect(participantsProblem(['An'])).toBeNull();
    expect(participantsProblem(Array.from({ length: 20 }, String))).toBeNull();
    expect(participantsProblem(Array.from({ length: 21 }, String))).toBe('participants');
  });

  it('finds the form field a refusal names', () => {
    expect(formFieldOf('body.name.nl', trackFieldsOfBody)).toBe('nameNl');
    expect(formFieldOf('body.trainingId', trackFieldsOfBody)).toBe('trainingId');
    expect(formFieldOf('body.topics.3', cohortFieldsOfBody)).toBe('topics');
    expect(formFieldOf('body.version', cohortFieldsOfBody)).toBeNull();
    expect(formFieldOf('cohortId', cohortFieldsOfBody)).toBeNull();
    expect(formFieldOf(undefined, cohortFieldsOfBody)).toBeNull();
  });
});
