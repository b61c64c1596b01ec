/** Changelogs between two levels: Markdown for people (security first), JSON for machines. */
import type { Change, ChangeType, Severity } from './types.ts';

export interface LevelChanges {
  level: number;
  released?: string;
  changes: Change[];
}

export interface LeveledChange extends Change {
  level: number;
}

const TYPE_ORDER: ChangeType[] = ['security', 'bug', 'improvement', 'feature'];
const TYPE_TITLE: Record<ChangeType, string> = {
  security: 'Security fixes',
  bug: 'Bug fixes',
  improvement: 'Improvements',
  feature: 'New features',
};
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

/** Changes of levels from+1..to, in level order. */
export function collectChanges(levels: LevelChanges[], from: number, to: number): LeveledChange[] {
  return [...levels]
    .filter((l) => l.level > from && l.level <= to)
    .sort((a, b) => a.level - b.level)
    .flatMap((l) => l.changes.map((c) => ({ ...c, level: l.level })));
}

export function maxSeverity(changes: Change[]): Severity | undefined {
  let best: number | undefined;
  for (const c of changes) {
    if (!c.severity) continue;
    const i = SEVERITY_ORDER.indexOf(c.severity);
    if (best === undefined || i < best) best = i;
  }
  return best === undefined ? undefined : SEVERITY_ORDER[best];
}

/**
 * Vendor text is data: nothing in it may become a link, an image, emphasis or HTML. With `[`
 * and `<` escaped, parentheses and `!` cannot form a link or an image.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export const cveUrl = (id: string) => `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}`;

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
  if (changes.length === 0) lines.push('No changes.', '');
  for (const type of TYPE_ORDER) {
    const ofType = changes.filter((c) => c.type === type);
    if (ofType.length === 0) continue;
    lines.push(`## ${TYPE_TITLE[type]}`, '');
    const sorted =
      type === 'security'
        ? [...ofType].sort((a, b) => sevRank(a) - sevRank(b) || a.level - b.level)
        : ofType;
    for (const c of sorted) {
      const parts = [`**${escapeMarkdown(c.id)}**`];
      if (c.severity) parts.push(`(${c.severity})`);
      parts.push(escapeMarkdown(c.title));
      let line = `- ${parts.join(' ')} — level ${c.level}`;
      if (c.cves?.length) line += `; ${c.cves.map((id) => `[${id}](${cveUrl(id)})`).join(', ')}`;
      lines.push(line);
      if (c.description) lines.push(`  ${escapeMarkdown(c.description)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function sevRank(c: Change): number {
  return c.severity ? SEVERITY_ORDER.indexOf(c.severity) : SEVERITY_ORDER.length;
}

export function renderChangelogJson(
  product: string,
  version: string,
  from: number,
  to: number,
  levels: LevelChanges[],
) {
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
  };
}
