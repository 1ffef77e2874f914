import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * The server as it ships: one ES module bundle of our TypeScript (the packages stay in
 * node_modules), run by plain node. Running the sources through the tsx loader instead costs
 * about 60 MB more resident memory per process (its loader thread, the source maps it keeps,
 * the transformed sources), for nothing a server needs. `npm run build` writes
 * dist/server/main.js; the benchmark bundles bench/server.ts the same way.
 *
 * The bundle sits two folders below the project root, as src/server/config.ts does, so the
 * config's default paths (content/, dist/web/) resolve alike from both.
 */
export async function buildServer(entry = 'src/server/main.ts', outfile = 'dist/server/main.js'): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return `${root}${outfile}`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
