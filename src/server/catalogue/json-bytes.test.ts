import { describe, expect, it } from 'vitest';
import { JsonBytes } from './json-bytes';

describe('JsonBytes', () => {
  it('writes text and encoded pieces as the UTF-8 of their concatenation', () => {
    const text = '{"title":"Coöperatief leren – “samen”","emoji":"🧑‍🏫",';
    const answer = new JsonBytes().start().text(text).raw(Buffer.from('"facets":[]', 'utf8')).text('}').bytes();
    expect(answer.equals(Buffer.from(`${text}"facets":[]}`, 'utf8'))).toBe(true);
  });

  it('copies a range of stored bytes as they are, and one ASCII character', () => {
    const stored = Buffer.from('[{"title":"Coöperatief"},{"title":"ééé"}]', 'utf8');
    const answer = new JsonBytes()
      .start()
      .text('[')
      .copy(stored, stored.indexOf('{"title":"é'), stored.length - 1)
      .ascii(0x2c)
      .text('1]')
      .bytes();
    expect(answer.toString('utf8')).toBe('[{"title":"ééé"},1]');
  });

  it('grows past its scratch buffer, keeping what was written', () => {
    const piece = `${'é'.repeat(1000)}x`;
    const out = new JsonBytes().start();
    for (let i = 0; i < 100; i++) out.text(piece);
    expect(out.bytes().toString('utf8')).toBe(piece.repeat(100));
  });

  it('gives each answer bytes of its own: the next answer does not change the last', () => {
    const out = new JsonBytes();
    const first = out.start().text('{"a":1}').bytes();
    const second = out.start().text('{"b":22}').bytes();
    expect(first.toString('utf8')).toBe('{"a":1}');
    expect(second.toString('utf8')).toBe('{"b":22}');
  });

  it('keeps every answer intact across many, small and large', () => {
    const out = new JsonBytes();
    const texts = Array.from({ length: 300 }, (_, i) => `{"n":${i},"text":"${'ü'.repeat((i * 397) % 40_000)}"}`);
    const answers = texts.map((text) => out.start().text(text).bytes());
    expect(answers.map((answer) => answer.toString('utf8'))).toEqual(texts);
  });
});
