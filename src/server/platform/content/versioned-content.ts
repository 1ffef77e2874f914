import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Versioned content files under `content/` (competence frameworks, school instruments): each
 * file is one version of one thing, validated at start-up. A broken file stops the server
 * with the file and the field at fault; a stored answer keeps the version it was given with,
 * so old versions stay loaded next to the newest.
 */

export type ContentProblem = { path: string; message: string };
export type ContentValidation<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

/** Thrown at start-up when a content file is broken; names the file and the field. */
export class ContentFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ContentProblem[],
    what = 'Content file',
  ) {
    super(`${what} ${file} is invalid:\n${problems.map((p) => `  - ${p.path || '(file)'}: ${p.message}`).join('\n')}`);
    this.name = 'ContentFileError';
  }
}

export interface ContentKind<T> {
  /** How errors name a file of this kind, e.g. "Competence framework". */
  what: string;
  validate(raw: unknown): ContentValidation<T>;
}

export class VersionedContent<T extends { id: string; version: string }> {
  private readonly byKey = new Map<string, T>();
  private readonly latestById = new Map<string, T>();

  constructor(items: readonly T[]) {
    for (const item of items) {
      this.byKey.set(key(item.id, item.version), item);
      const latest = this.latestById.get(item.id);
      if (!latest || compareVersions(item.version, latest.version) > 0) this.latestById.set(item.id, item);
    }
  }

  get(id: string, version: string): T | undefined {
    return this.byKey.get(key(id, version));
  }

  /** The version new answers are given with. */
  latest(id: string): T | undefined {
    return this.latestById.get(id);
  }

  /** Every loaded version of every id, in load order. */
  all(): T[] {
    return [...this.byKey.values()];
  }

  /** The newest version of every id. */
  latestAll(): T[] {
    return [...this.latestById.values()];
  }
}

/** Every `*.json` in `dir`, validated; the same id and version twice is an error too. */
export function loadContentDirectory<T extends { id: string; version: string }>(dir: string, kind: ContentKind<T>): T[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new ContentFileError(dir, [{ path: '', message: 'no content files found' }], kind.what);
  const seen = new Set<string>();
  return files.map((file) => {
    const item = loadContentFile(join(dir, file), kind);
    const k = key(item.id, item.version);
    if (seen.has(k)) throw new ContentFileError(file, [{ path: 'version', message: `${k} is defined twice` }], kind.what);
    seen.add(k);
    return item;
  });
}

export function loadContentFile<T>(path: string, kind: ContentKind<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentFileError(path, [{ path: '', message: `not readable JSON: ${(error as Error).message}` }], kind.what);
  }
  const validated = kind.validate(raw);
  if (!validated.ok) throw new ContentFileError(path, validated.problems, kind.what);
  return validated.value;
}

const key = (id: string, version: string) => `${id}@${version}`;

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
