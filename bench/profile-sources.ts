import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bench server runs as a bundle (see scripts/build-server.ts), so its CPU profiles name
 * dist/bench/server.js for every function of ours. This points each such call frame back at the
 * TypeScript file, line and column it came from, through the bundle's source map, so a profile
 * reads (and filters by path) as the sources do.
 */
export function mapProfilesToSources(profileDir: string, bundle: string): void {
  const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMap;
  const lines = decodeMappings(map.mappings);
  const bundleUrl = pathToFileURL(bundle).href;
  const sourceUrls = map.sources.map((source) => pathToFileURL(join(bundle, '..', source)).href);
  for (const name of readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'))) {
    const file = join(profileDir, name);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Array<{ callFrame: CallFrame }> };
    let changed = false;
    for (const { callFrame } of profile.nodes) {
      if (callFrame.url !== bundleUrl) continue;
      const segment = lookup(lines[callFrame.lineNumber], callFrame.columnNumber);
      if (!segment) continue;
      callFrame.url = sourceUrls[segment.source];
      callFrame.lineNumber = segment.line;
      callFrame.columnNumber = segment.column;
      changed = true;
    }
    if (changed) writeFileSync(file, JSON.stringify(profile));
  }
}

interface SourceMap {
  sources: string[];
  mappings: string;
}
interface CallFrame {
  url: string;
  lineNumber: number;
  columnNumber: number;
}
/** One mapping: from a column of the bundle's line to a source, line and column (all 0-based). */
interface Segment {
  generated: number;
  source: number;
  line: number;
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source map v3 `mappings`: per generated line, its segments, as absolute positions. */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(';')) {
    const segments: Segment[] = [];
    let generated = 0;
    for (const part of text.split(',')) {
      if (part === '') continue;
      const fields = decodeVlq(part);
      generated += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        line += fields[2];
        column += fields[3];
        segments.push({ generated, source, line, column });
      }
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The last segment at or before `column` on a generated line. */
function lookup(segments: Segment[] | undefined, column: number): Segment | undefined {
  if (!segments) return undefined;
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.generated > column) break;
    found = segment;
  }
  return found ?? segments[0];
}
