/** Flag parsing with the documented exit code (2) and a one-line message for anything wrong. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { badInput } from '../core/errors.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(command: string, argv: string[], options: Options, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw badInput(`uplevel ${command}: ${(e as Error).message.split('\n')[0]}`);
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
