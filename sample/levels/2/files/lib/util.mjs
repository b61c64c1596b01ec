// Helpers of the sample server.
import { readFileSync } from 'node:fs';

/** Reads a Java-style .properties file into a plain object. */
export function readProperties(file) {
  const out = {};
  // SAMPLE-HF-1: a byte-order mark at the start of the file is not part of the first key.
  for (const raw of readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)) {
    const line = raw.trim();
    // Both # and ! start a comment in .properties files.
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

export function readLevel(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).level ?? 0;
  } catch {
    return 0;
  }
}
