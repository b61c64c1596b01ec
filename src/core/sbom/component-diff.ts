/**
 * What an update changes inside: the jars it touches, before and after, as libraries
 * upgraded from → to, rebuilt at the same version, added or removed, each linked to the
 * vendor's changes that name it. Pure.
 */
import { markdownCode } from '../markdown-code.ts';
import type { Change } from '../types.ts';
import type { JarComponent } from './jar-meta.ts';

export interface ComponentChange {
  kind: 'upgraded' | 'changed' | 'added' | 'removed';
  name: string;
  group?: string;
  from?: string;
  to?: string;
  /** Where it lives in the pack (the new path when it moved). */
  path: string;
  purl?: string;
  /** Ids of the level's changes that name this component. */
  changes: string[];
}

export interface LevelComponents {
  level: number;
  components: ComponentChange[];
}

/** Nested jars as their own entries, paths like `a.war!/WEB-INF/lib/b.jar`. */
export function flatten(jars: readonly JarComponent[]): JarComponent[] {
  return jars.flatMap((j) => [j, ...flatten(j.nested)]);
}

const key = (j: JarComponent) => `${j.group ?? ''}:${j.name}`.toLowerCase();

export function diffComponents(
  before: readonly JarComponent[],
  after: readonly JarComponent[],
  changes: readonly Change[] = [],
): ComponentChange[] {
  const old = flatten(before);
  const now = flatten(after);
  const pairs: [JarComponent | undefined, JarComponent | undefined][] = [];
  const unpairedOld = new Map(old.map((j) => [j.path, j]));
  const rest: JarComponent[] = [];
  for (const n of now) {
    const o = unpairedOld.get(n.path);
    if (o && key(o) === key(n)) {
      pairs.push([o, n]);
      unpairedOld.delete(n.path);
    } else rest.push(n);
  }
  for (const n of rest) {
    // A jar renamed with its version (lib/x-1.0.jar → lib/x-1.1.jar) is the same library.
    const o = [...unpairedOld.values()].find((c) => key(c) === key(n));
    if (o) unpairedOld.delete(o.path);
    pairs.push([o, n]);
  }
  for (const o of unpairedOld.values()) pairs.push([o, undefined]);
  return pairs
    .map(([o, n]) => toChange(o, n, changes))
    .filter((c): c is ComponentChange => c !== undefined)
    .sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
}

function toChange(
  o: JarComponent | undefined,
  n: JarComponent | undefined,
  changes: readonly Change[],
): ComponentChange | undefined {
  const j = (n ?? o) as JarComponent;
  if (o && n && o.sha256 === n.sha256) return undefined;
  const kind = !o ? 'added' : !n ? 'removed' : o.version !== n.version ? 'upgraded' : 'changed';
  const c: ComponentChange = { kind, name: j.name, path: j.path, changes: [] };
  if (j.group) c.group = j.group;
  if (o?.version) c.from = o.version;
  if (n?.version) c.to = n.version;
  if (j.purl) c.purl = j.purl;
  c.changes = changes.filter((ch) => names(ch, j)).map((ch) => ch.id);
  return c;
}

/** A change names a component in its `components:` list, or by its name as a word in its text. */
function names(ch: Change, j: JarComponent): boolean {
  const ids = [j.name, j.group ? `${j.group}:${j.name}` : undefined, j.purl?.replace(/@.*/, '')]
    .filter((s): s is string => Boolean(s))
    .map((s) => s.toLowerCase());
  if (ch.components?.some((c) => ids.includes(c.toLowerCase().replace(/@.*/, '')))) return true;
  const text = `${ch.title} ${ch.description ?? ''}`.toLowerCase();
  const word = new RegExp(
    `(^|[^\\w.-])${j.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`,
  );
  return word.test(text);
}

const VERB: Record<ComponentChange['kind'], string> = {
  upgraded: 'upgraded',
  changed: 'rebuilt',
  added: 'added',
  removed: 'removed',
};

type Escape = (text: string) => string;

export function componentLine(c: ComponentChange, escapeMarkdown: Escape): string {
  const name = escapeMarkdown(c.group ? `${c.group}:${c.name}` : c.name);
  const what =
    c.kind === 'upgraded'
      ? `${escapeMarkdown(c.from ?? '?')} → ${escapeMarkdown(c.to ?? '?')}`
      : escapeMarkdown(c.to ?? c.from ?? '');
  const linked = c.changes.length ? ` (${c.changes.map(escapeMarkdown).join(', ')})` : '';
  return `- ${VERB[c.kind]} **${name}** ${what}`.trimEnd() + ` — ${markdownCode(c.path)}${linked}`;
}

/** The "Components" section of a changelog: one list per level that changed jars. */
export function renderComponentsMarkdown(
  levels: readonly LevelComponents[],
  escape: Escape,
): string[] {
  const withAny = levels.filter((l) => l.components.length > 0);
  if (withAny.length === 0) return [];
  const lines = ['## Components', ''];
  for (const l of withAny) {
    if (withAny.length > 1) lines.push(`Level ${l.level}:`, '');
    lines.push(...l.components.map((c) => componentLine(c, escape)), '');
  }
  return lines;
}
