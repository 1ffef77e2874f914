import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json';
import nl from '../../shared/i18n/nl.json';
import { fieldProblemText, fieldText, issueText } from './issueText';

const i18n = i18next.createInstance();
await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', interpolation: { escapeValue: false } });
const nlT = i18n.getFixedT('nl');
const enT = i18n.getFixedT('en');

describe('issueText: a problem in the reader’s language', () => {
  it('says a coded problem in Dutch or English, numbers as the reader writes them', () => {
    const detail = {
      field: 'line 2: titel',
      message: 'line 2: titel: Too small: expected string to have >=3 characters',
      code: 'too_small' as const,
      params: { kind: 'string', minimum: 3 },
    };
    expect(issueText(nlT, 'nl', detail)).toEqual({ text: 'Minstens 3 tekens.' });
    expect(issueText(enT, 'en', detail)).toEqual({ text: 'At least 3 characters.' });
    expect(issueText(nlT, 'nl', { ...detail, code: 'too_many_rows', params: { maximum: 2000 } }).text).toBe('Een bestand mag hoogstens 2.000 regels hebben.');
  });

  it('names the cell’s value and the allowed ones, unescaped', () => {
    const detail = { field: 'line 2: vorm', message: '…', code: 'invalid_enum' as const, params: { value: '<circus>', allowed: ['klassikaal', 'blended'] } };
    expect(issueText(nlT, 'nl', detail).text).toBe('“<circus>”: Kies een van: klassikaal, blended.');
  });

  it('shows the server’s English, marked as English, only for a problem without a code', () => {
    expect(issueText(nlT, 'nl', { field: 'line 3: x', message: 'line 3: x: something odd' })).toEqual({ text: 'something odd', lang: 'en' });
    expect(issueText(nlT, 'nl', { field: 'x', message: 'odd', code: 'no_such_code' as never })).toEqual({ text: 'odd', lang: 'en' });
  });

  it('reads a line and a field by its label, a file’s column as the file names it', () => {
    expect(fieldText(nlT, 'line 4: e-mail')).toBe('regel 4: e-mail');
    expect(fieldText(enT, 'line 1: bestand')).toBe('line 1: file');
    expect(fieldText(nlT, 'body.email')).toBe('e-mailadres');
    expect(fieldText(nlT, 'body.levelSteps.0.to')).toBe('levelSteps.0.to');
  });

  it('a form shows the coded problem of its field, or the error id’s text', () => {
    const taken = {
      id: 'conflict',
      field: 'body.assetTag',
      message: 'taken',
      details: [{ field: 'body.assetTag', message: 'taken', code: 'duplicate' as const, params: { value: 'LT-1' } }],
    };
    expect(fieldProblemText(nlT, 'nl', taken)).toBe('“LT-1”: Dit komt al voor: op een eerdere regel of bij wat al bewaard is.');
    expect(fieldProblemText(nlT, 'nl', { id: 'validation_error', field: 'body.sanitisation', message: 'A move needs…' })).toBe('Controleer wat je invulde.');
  });
});
