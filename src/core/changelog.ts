/** Changelogs between two levels: Markdown for people (security first), JSON for machines. */
import { renderComponentsMarkdown, type ComponentChange } from './sbom/component-diff.ts';
import { escapeControls } from './terminal-text.ts';
import type { Change, ChangeType, Severity } from './types.ts';

export interface LevelChanges {
  level: number;
  released?: string;
  changes: Change[];
  /** The jars the level changed, when the pack was built (apply's report levels). */
  components?: ComponentChange[];
  /** Set when the vendor withdrew the level: it is never applied, so its changes never count. */
  withdrawn?: unknown;
}

/** The live levels from+1..to: a withdrawn one lies off every update path (level-path.ts). */
const liveBetween = (levels: LevelChanges[], from: number, to: number) =>
  levels.filter((l) => l.level > from && l.level <= to && !l.withdrawn);

export interface LeveledChange extends Change {
  /** The level the change came in. */
  level: number;
}

export interface ChangelogJson {
  product: string;
  version: string;
  from: number;
  to: number;
  summary: Record<ChangeType, number> & { maxSeverity?: Severity };
  changes: LeveledChange[];
  /** Per level, the jars it changed (when known). */
  components?: { level: number; components: ComponentChange[] }[];
}

export const CHANGE_TYPE_ORDER: readonly ChangeType[] = [
  'security',
  'bug',
  'improvement',
  'feature',
];
const TYPE_TITLE: Record<ChangeType, string> = {
  security: 'Security fixes',
  bug: 'Bug fixes',
  improvement: 'Improvements',
  feature: 'New features',
};
const COUNTED: Record<ChangeType, [string, string]> = {
  security: ['security fix', 'security fixes'],
  bug: ['bug fix', 'bug fixes'],
  improvement: ['improvement', 'improvements'],
  feature: ['new feature', 'new features'],
};
const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const CVE = /^CVE-\d{4}-\d{4,}$/;

/** Changes of the live levels from+1..to, in level order. */
export function collectChanges(levels: LevelChanges[], from: number, to: number): LeveledChange[] {
  return liveBetween(levels, from, to)
    .sort((a, b) => a.level - b.level)
    .flatMap((l) => l.changes.map((c) => ({ ...c, level: l.level })));
}

/** The most severe severity among the changes; undefined when none has one. */
export function maxSeverity(changes: Change[]): Severity | undefined {
  let best: number | undefined;
  for (const c of changes) {
    if (!c.severity) continue;
    const i = SEVERITY_ORDER.indexOf(c.severity);
    if (i >= 0 && (best === undefined || i < best)) best = i;
  }
  return best === undefined ? undefined : SEVERITY_ORDER[best];
}

/**
 * Vendor text is data: nothing in it may become a link, an image, HTML, emphasis, a heading
 * or a list, and it stays on its bullet's line. With `[` and `<` escaped, parentheses and
 * `!` cannot form a link or an image. An @mention gets a zero-width space, so a vendor's
 * note does not notify a GitHub user from every customer's pull request. Control characters
 * (ESC, C0, C1, bidi) are shown escaped, as `\e`, `\x07`, `\u{202e}`.
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text.replace(/\s*(\r\n?|\n)\s*/g, ' '))
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=:])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b');
}

export const cveUrl = (id: string) => `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}`;

const cveLink = (id: string) => (CVE.test(id) ? `[${id}](${cveUrl(id)})` : escapeMarkdown(id));

function sevRank(c: Change): number {
  const i = c.severity ? SEVERITY_ORDER.indexOf(c.severity) : -1;
  return i < 0 ? SEVERITY_ORDER.length : i;
}

function summaryLine(changes: LeveledChange[]): string {
  const parts = CHANGE_TYPE_ORDER.flatMap((t) => {
    const n = changes.filter((c) => c.type === t).length;
    return n === 0 ? [] : [`${n} ${COUNTED[t][n === 1 ? 0 : 1]}`];
  });
  const worst = maxSeverity(changes);
  return `${parts.join(', ')}${worst ? ` (highest severity: ${worst})` : ''}.`;
}

export function renderChangelogMarkdown(
  product: string,
  version: string,
  from: number,
  to: number,
  levels: LevelChanges[],
): string {
  const changes = collectChanges(levels, from, to);
  const lines = [
    `# ${escapeMarkdown(product)} ${escapeMarkdown(version)}: level ${from} → ${to}`,
    '',
  ];
  lines.push(changes.length === 0 ? 'No changes.' : summaryLine(changes), '');
  for (const type of CHANGE_TYPE_ORDER) {
    const ofType = changes.filter((c) => c.type === type);
    if (ofType.length === 0) continue;
    lines.push(`## ${TYPE_TITLE[type]}`, '');
    // Security fixes: most severe first; the rest in the order they came.
    const sorted =
      type === 'security'
        ? [...ofType].sort((a, b) => sevRank(a) - sevRank(b) || a.level - b.level)
        : ofType;
    for (const c of sorted) {
      const parts = [`**${escapeMarkdown(c.id)}**`];
      if (c.severity) parts.push(`(${escapeMarkdown(c.severity)})`);
      parts.push(escapeMarkdown(c.title));
      let line = `- ${parts.join(' ')} — level ${c.level}`;
      if (c.cves?.length) line += `; ${c.cves.map(cveLink).join(', ')}`;
      lines.push(line);
      if (c.description) lines.push(`  ${escapeMarkdown(c.description)}`);
    }
    lines.push('');
  }
  lines.push(...renderComponentsMarkdown(componentsBetween(levels, from, to), escapeMarkdown));
  return lines.join('\n');
}

/** The component diff of each live level from+1..to (empty where none is known). */
export const componentsBetween = (levels: LevelChanges[], from: number, to: number) =>
  liveBetween(levels, from, to)
    .sort((a, b) => a.level - b.level)
    .map((l) => ({ level: l.level, components: l.components ?? [] }));

/** The levels with the component diffs an apply reported for them; the others as they are. */
export function withComponents(
  levels: readonly LevelChanges[],
  reported: readonly { level: number; components?: ComponentChange[] }[],
): LevelChanges[] {
  const found = new Map(reported.map((l) => [l.level, l.components]));
  return levels.map((l) => {
    const components = found.get(l.level);
    return components ? { ...l, components } : l;
  });
}

export function renderChangelogJson(
  product: string,
  version: string,
  from: number,
  to: number,
  levels: LevelChanges[],
): ChangelogJson {
  const changes = collectChanges(levels, from, to);
  const count = (t: ChangeType) => changes.filter((c) => c.type === t).length;
  const severity = maxSeverity(changes);
  return {
    product,
    version,
    from,
    to,
    summary: {
      security: count('security'),
      bug: count('bug'),
      improvement: count('improvement'),
      feature: count('feature'),
      ...(severity ? { maxSeverity: severity } : {}),
    },
    changes,
    ...(levels.some((l) => l.components)
      ? { components: componentsBetween(levels, from, to) }
      : {}),
  };
}
