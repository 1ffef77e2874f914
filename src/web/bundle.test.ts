import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The browser bundle stays small: the Zod contracts are for the server and the tests, and the
 * web app imports only types from them. One runtime import of a value from a shared file that
 * itself loads zod (directly or through another file) puts all of zod in every page load.
 * This walks the runtime imports (not `import type`) from every web source file.
 *
 * The endpoint declarations (`shared/<module>/endpoints.ts`) are imported at run time: they
 * name their schemas and reach the contract module only through a dynamic `import()` in a
 * thunk (`schemas`), which only the server calls. The walk follows static imports, and a
 * second check makes sure no web file calls `schemas()`.
 */

const webDir = dirname(fileURLToPath(import.meta.url));
const sourceDir = resolve(webDir, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Module specifiers this file loads at run time: type-only imports and re-exports are left out. */
function runtimeImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm;
  for (const match of code.matchAll(statement)) {
    if (match[4]) {
      specifiers.push(match[4]);
      continue;
    }
    const [, typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    const names = clause
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const allTypes = clause.startsWith('{') && names.length > 0 && names.every((name) => name.startsWith('type '));
    if (!allTypes) specifiers.push(specifier);
  }
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** The chain of files from `file` to a runtime import of zod, or null when there is none. */
function pathToZod(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const specifier of runtimeImports(file)) {
    if (specifier === 'zod' || specifier.startsWith('zod/')) return [file];
    const next = resolveLocal(file, specifier);
    const chain = next && pathToZod(next, seen);
    if (chain) return [file, ...chain];
  }
  return null;
}

describe('the browser bundle', () => {
  it('does not load zod: web files import only types from the contracts', () => {
    const offenders = sourceFiles(webDir)
      .map((file) => pathToZod(file))
      .filter((chain): chain is string[] => chain !== null)
      .map((chain) => chain.map((file) => relative(sourceDir, file)).join(' → '));
    expect(offenders).toEqual([]);
  });

  it('never loads a contract through an endpoint declaration: only the server calls its schemas()', () => {
    const callers = sourceFiles(webDir).filter((file) => /\.schemas\(/.test(readFileSync(file, 'utf8')));
    expect(callers.map((file) => relative(sourceDir, file))).toEqual([]);
  });

  it('the check itself sees a runtime import of a zod contract', () => {
    expect(pathToZod(join(sourceDir, 'shared/errors.ts'))).toEqual([join(sourceDir, 'shared/errors.ts')]);
    expect(runtimeImports(join(webDir, 'platform/identityProvider.ts'))).not.toContain('../../shared/platform/api');
  });
});
