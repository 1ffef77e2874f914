import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The rules of the house that imports can show (see ARCHITECTURE.md, "One seam per module"):
 *
 * - the platform (`src/server/platform/`) imports no module;
 * - a module (a folder `src/server/<m>/` with its `<m>.module.ts`) imports only its own files,
 *   the platform and `src/shared/`: never another module's service, repository or internals.
 *   What it needs of another module it declares as a small interface, and `app.ts` wires it;
 * - `app.ts` reaches each module only through its seam, `<m>/<m>.module.ts`;
 * - the web app (`src/web/`) imports nothing of the server;
 * - `src/shared/` imports neither the server nor the web app.
 *
 * Every `import … from`, `export … from` and `import(…)` counts, type-only ones too. Unit tests
 * beside a module's code are exempt from the module rule (they may borrow fixtures); the other
 * rules hold for them as well.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface SourceFile {
  /** Relative to the repository root, with forward slashes: `src/server/school/school.service.ts`. */
  path: string;
  text: string;
}

const importPattern = /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

/** The relative import specifiers of a file, resolved to repository paths (packages are left out). */
function importsOf(file: SourceFile): string[] {
  const found: string[] = [];
  const text = file.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier?.startsWith('.')) continue;
    found.push(posix.normalize(posix.join(posix.dirname(file.path), specifier)));
  }
  return found;
}

/** The module a server path belongs to, or null for the platform, app.ts and other server files. */
function moduleOf(path: string, modules: ReadonlySet<string>): string | null {
  const match = /^src\/server\/([^/]+)\//.exec(path);
  return match && modules.has(match[1]) ? match[1] : null;
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** Every import that breaks a rule, as `from → to (rule)`. */
function violations(files: readonly SourceFile[], modules: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const file of files) {
    const ownModule = moduleOf(file.path, modules);
    for (const target of importsOf(file)) {
      const targetModule = moduleOf(target, modules);
      const breaks = (rule: string) => found.push(`${file.path} → ${target} (${rule})`);
      if (file.path.startsWith('src/server/platform/') && targetModule !== null) breaks('the platform imports no module');
      if (ownModule !== null && !isTest(file.path)) {
        const allowed =
          target.startsWith(`src/server/${ownModule}/`) || target.startsWith('src/server/platform/') || target.startsWith('src/shared/') || target === 'src/server/config';
        if (!allowed) breaks(`module ${ownModule} imports only its own files, the platform and shared`);
      }
      if (file.path === 'src/server/app.ts' && targetModule !== null && target !== `src/server/${targetModule}/${targetModule}.module`) {
        breaks('the app reaches a module only through its seam, <module>.module.ts');
      }
      if (file.path.startsWith('src/web/') && target.startsWith('src/server/')) breaks('the web app imports no server code');
      if (file.path.startsWith('src/shared/') && (target.startsWith('src/server/') || target.startsWith('src/web/'))) {
        breaks('shared code imports neither server nor web');
      }
    }
  }
  return found;
}

function sourceFiles(dir: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name)) files.push({ path, text: readFileSync(join(root, path), 'utf8') });
  }
  return files;
}

/** The modules: folders under src/server with their seam, `<name>/<name>.module.ts`. */
function serverModules(): Set<string> {
  const names = readdirSync(join(root, 'src/server'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'src/server', entry.name, `${entry.name}.module.ts`)))
    .map((entry) => entry.name);
  return new Set(names);
}

describe('architecture', () => {
  const modules = serverModules();
  const files = sourceFiles('src');

  it('finds the modules by their seam, and never counts the platform as one', () => {
    expect([...modules].sort()).toEqual(expect.arrayContaining(['catalogue', 'digisnap', 'school']));
    expect(modules.has('platform')).toBe(false);
    expect(files.length).toBeGreaterThan(100);
  });

  it('holds: platform ← modules ← app, no module into another, web and shared apart from the server', () => {
    expect(violations(files, modules)).toEqual([]);
  });

  it('reads every kind of import, type-only and dynamic ones too', () => {
    const file: SourceFile = {
      path: 'src/server/school/x.ts',
      text: [
        "import type { A } from '../catalogue/a.service';",
        "import {\n  B,\n} from './b';",
        "export { C } from '../platform/c';",
        "const d = await import('../digisnap/d.repository');",
        "// import { E } from '../catalogue/e';",
        "import 'fastify';",
      ].join('\n'),
    };
    expect(importsOf(file)).toEqual(['src/server/catalogue/a.service', 'src/server/school/b', 'src/server/platform/c', 'src/server/digisnap/d.repository']);
  });

  it('fails on each kind of violation', () => {
    const modulesHere = new Set(['catalogue', 'school', 'digisnap']);
    const broken: SourceFile[] = [
      { path: 'src/server/platform/db/migrations.ts', text: "import { schoolMigrations } from '../../school/school.migrations';" },
      { path: 'src/server/catalogue/enrolment.service.ts', text: "import type { SchoolService } from '../school/school.service';" },
      { path: 'src/server/school/campaign/campaign.service.ts', text: "import type { DigisnapRepository } from '../../digisnap/digisnap.repository';" },
      { path: 'src/web/school/SchoolPage.tsx', text: "import { schoolRoles } from '../../server/school/school.service';" },
      { path: 'src/shared/school/schools.ts', text: "import type { SchoolRow } from '../../server/school/school.repository';" },
      { path: 'src/shared/platform/api.ts', text: "import { api } from '../../web/api';" },
      { path: 'src/server/app.ts', text: "import { SchoolService } from './school/school.service';" },
    ];
    expect(violations(broken, modulesHere)).toHaveLength(broken.length);
    const allowed: SourceFile[] = [
      { path: 'src/server/school/school.module.ts', text: "import type { ServerModule } from '../platform/module';\nimport { SchoolService } from './school.service';" },
      { path: 'src/server/catalogue/catalogue.service.ts', text: "import type { TrainingDto } from '../../shared/catalogue/api';" },
      { path: 'src/server/app.ts', text: "import { schoolModule } from './school/school.module';" },
    ];
    expect(violations(allowed, modulesHere)).toEqual([]);
  });

  it('lets aggregates of scans and of reflection answers out through one gate each', () => {
    const serverCode = files.filter((file) => file.path.startsWith('src/server/') && !isTest(file.path));
    const callers = (name: string) => serverCode.filter((file) => new RegExp(`\\b${name}\\(`).test(file.text)).map((file) => file.path);
    // Digisnap: releaseTeamAggregate is the only caller of protectTeam, and lives in the module.
    expect(callers('protectTeam')).toEqual(['src/server/digisnap/team-aggregate.ts']);
    expect(files.find((file) => file.path === 'src/server/digisnap/team-aggregate.ts')?.text).toMatch(/export function releaseTeamAggregate\(/);
    // The knowledge centre's Flanders picture: only digisnap's picture service releases it.
    expect(callers('releaseFlandersPicture')).toEqual(['src/server/digisnap/flanders-picture.service.ts']);
    // Reflection: releaseReflectionAggregate is the only caller of aggregateReflection.
    expect(callers('aggregateReflection')).toEqual(['src/server/school/reflection/reflection.gate.ts']);
  });

  it('lists each source file once, relative to the repository', () => {
    expect(files.every((file) => !relative(root, join(root, file.path)).startsWith('..'))).toBe(true);
  });
});
