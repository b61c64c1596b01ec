/** Flag parsing with the documented exit code (2) and a one-line message for anything wrong. */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { badInput } from '../core/errors.ts';
import { loadLock } from '../pipeline/load-lock.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(command: string, argv: string[], options: Options, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw badInput((e as Error).message.split('\n')[0] ?? '');
  }
}

export function intFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw badInput(`--${name} must be a whole number ≥ 0 (got "${value}")`);
  return Number(value);
}

export function required<T>(name: string, value: T | undefined): T {
  if (value === undefined || value === '') throw badInput(`--${name} is required`);
  return value;
}

/** `--lock F [--from N] --to M --out PATH [--json]`, shared by diff and export. */
export async function parseRangeCommand(command: string, argv: string[]) {
  const { values } = parse(command, argv, {
    lock: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  const lock = await loadLock(values.lock as string | undefined);
  const from = intFlag('from', values.from as string | undefined) ?? lock.level;
  const to = intFlag('to', values.to as string | undefined);
  if (to === undefined) throw badInput(`--to M is required`);
  const out = path.resolve(required('out', values.out as string | undefined));
  return { lock, from, to, out, json: Boolean(values.json) };
}
