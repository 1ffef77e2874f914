import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameworkFileError, FrameworkRegistry } from './framework.registry';

const contentDir = new URL('../../../content/frameworks', import.meta.url).pathname;
const shipped = JSON.parse(readFileSync(join(contentDir, 'digcompedu-2026.json'), 'utf8'));

describe('FrameworkRegistry', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'frameworks-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('loads the shipped DigCompEdu framework as the current one, and the 2017 CheckIn version beside it', () => {
    const registry = FrameworkRegistry.loadFromDirectory(contentDir);
    expect(registry.current().id).toBe('digcompedu');
    expect(registry.current().version).toBe(shipped.version);
    expect(registry.get('digcompedu', '2017.1')?.scoring.rule).toBe('checkin-cutoffs');
  });

  it('serves a newer version to new scans and keeps the older one for stored scans', () => {
    const dir = tempDir();
    cpSync(contentDir, dir, { recursive: true });
    writeFileSync(join(dir, 'digcompedu-2026-2.json'), JSON.stringify({ ...shipped, version: '2026.10' }));
    const registry = FrameworkRegistry.loadFromDirectory(dir);
    expect(registry.current().version).toBe('2026.10');
    expect(registry.get('digcompedu', shipped.version)?.version).toBe(shipped.version);
  });

  it('stops with the file and the field when a framework is broken', () => {
    const dir = tempDir();
    const broken = structuredClone(shipped);
    broken.areas[2].competences[1].item.options[3].points = 'three';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    expect(() => FrameworkRegistry.loadFromDirectory(dir)).toThrow(FrameworkFileError);
    expect(() => FrameworkRegistry.loadFromDirectory(dir)).toThrow(/broken\.json[\s\S]*areas\[2\]\.competences\[1\]\.item\.options\[3\]\.points/);
  });

  it('stops on a file that is not JSON, and on a version defined twice', () => {
    const notJson = tempDir();
    writeFileSync(join(notJson, 'half.json'), '{ "id": ');
    expect(() => FrameworkRegistry.loadFromDirectory(notJson)).toThrow(/half\.json[\s\S]*not readable JSON/);

    const twice = tempDir();
    writeFileSync(join(twice, 'a.json'), JSON.stringify(shipped));
    writeFileSync(join(twice, 'b.json'), JSON.stringify(shipped));
    expect(() => FrameworkRegistry.loadFromDirectory(twice)).toThrow(/b\.json[\s\S]*defined twice/);
  });
});
