import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardSchoolsKey } from './board-schools';

const schools = fc.array(fc.record({ id: fc.uuid(), name: fc.string() }), { maxLength: 30 });

describe('boardSchoolsKey: what a board’s kept answers were read for', () => {
  it('is the same for the same schools, in a list of its own or the kept one', () => {
    fc.assert(
      fc.property(schools, (list) => {
        expect(boardSchoolsKey(list)).toBe(boardSchoolsKey(list.map((school) => ({ ...school }))));
        expect(boardSchoolsKey(list)).toBe(boardSchoolsKey(list));
      }),
    );
  });

  it('differs when a school joins, leaves or is renamed, and holds no NUL (PostgreSQL stores it)', () => {
    fc.assert(
      fc.property(schools, fc.uuid(), fc.string(), (list, id, name) => {
        const key = boardSchoolsKey(list);
        expect(key).not.toContain('\u0000');
        expect(boardSchoolsKey([...list, { id, name }])).not.toBe(key);
        if (list.length > 0) {
          expect(boardSchoolsKey(list.slice(1))).not.toBe(key);
          expect(boardSchoolsKey([{ ...list[0], name: `${list[0].name}x` }, ...list.slice(1)])).not.toBe(key);
        }
      }),
    );
  });

  it('keeps the empty board apart from a board with one unnamed school', () => {
    expect(boardSchoolsKey([])).not.toBe(boardSchoolsKey([{ id: '', name: '' }]));
  });
});
