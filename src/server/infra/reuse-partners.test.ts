import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReusePartners } from './reuse-partners';

const contentDir = new URL('../../../content', import.meta.url).pathname;

describe('reuse partners content', () => {
  it('loads the shipped partners, reuse before recycling', () => {
    const partners = loadReusePartners(contentDir);
    expect(partners.map((p) => p.id)).toEqual(['digitalforyouth', 'close-the-gap', 'out-of-use', 'recupel']);
    expect(partners.at(-1)?.route).toBe('recycle');
    for (const partner of partners) expect(partner.takes.nl && partner.takes.en).toBeTruthy();
  });

  it('stops on a broken file, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partners-'));
    cpSync(contentDir, dir, { recursive: true });
    const file = join(dir, 'infra', 'reuse-partners.json');
    writeFileSync(file, JSON.stringify({ id: 'reuse-partners', version: '1', source: { url: 'https://example.org', note: 'x' }, partners: [{ id: 'a', name: 'A', route: 'burn' }] }));
    expect(() => loadReusePartners(dir)).toThrow(/partners\.0\.route/);
  });
});
