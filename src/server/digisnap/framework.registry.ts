import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Framework, validateFramework } from '../../shared/digisnap/framework';

/** Thrown at start-up when a framework file is broken; names the file and the field. */
export class FrameworkFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Array<{ path: string; message: string }>,
  ) {
    super(
      `Competence framework ${file} is invalid:\n` + problems.map((p) => `  - ${p.path || '(file)'}: ${p.message}`).join('\n'),
    );
    this.name = 'FrameworkFileError';
  }
}

/**
 * All competence frameworks under content/frameworks, by id and version. A new version is a
 * new file; a stored scan keeps the version it was taken with, so old versions stay loaded.
 */
export class FrameworkRegistry {
  private readonly byKey = new Map<string, Framework>();
  private readonly latestById = new Map<string, Framework>();

  constructor(frameworks: Framework[]) {
    for (const framework of frameworks) {
      this.byKey.set(key(framework.id, framework.version), framework);
      const latest = this.latestById.get(framework.id);
      if (!latest || compareVersions(framework.version, latest.version) > 0) this.latestById.set(framework.id, framework);
    }
  }

  static loadFromDirectory(dir: string): FrameworkRegistry {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    const frameworks = files.map((file) => loadFrameworkFile(join(dir, file)));
    const seen = new Set<string>();
    frameworks.forEach((framework, i) => {
      const k = key(framework.id, framework.version);
      if (seen.has(k)) throw new FrameworkFileError(files[i], [{ path: 'version', message: `${k} is defined twice` }]);
      seen.add(k);
    });
    if (frameworks.length === 0) throw new FrameworkFileError(dir, [{ path: '', message: 'no framework files found' }]);
    return new FrameworkRegistry(frameworks);
  }

  /** The framework new scans are taken with. */
  current(id = 'digcompedu'): Framework {
    const framework = this.latestById.get(id);
    if (!framework) throw new Error(`No competence framework with id ${id} is loaded`);
    return framework;
  }

  get(id: string, version: string): Framework | undefined {
    return this.byKey.get(key(id, version));
  }
}

export function loadFrameworkFile(path: string): Framework {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FrameworkFileError(path, [{ path: '', message: `not readable JSON: ${(error as Error).message}` }]);
  }
  const validated = validateFramework(raw);
  if (!validated.ok) throw new FrameworkFileError(path, validated.problems);
  return validated.framework;
}

const key = (id: string, version: string) => `${id}@${version}`;

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
