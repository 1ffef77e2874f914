import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The built files worth storing compressed: text the server sends as it is (source maps go only to developers). */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json)$/;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) twin beside each text file of the build, at the
 * highest settings, once, where the twin is smaller: the server sends the twin the browser
 * accepts (web-app.ts) and never compresses the app per request, not even its smallest chunks.
 */
export function precompress(): Plugin {
  return {
    name: 'digisprong-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const path = join(dir, fileName);
        const content = readFileSync(path);
        const twins = {
          br: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
          gz: gzipSync(content, { level: 9 }),
        };
        for (const [extension, twin] of Object.entries(twins)) if (twin.length < content.length) writeFileSync(`${path}.${extension}`, twin);
      }
    },
  };
}
