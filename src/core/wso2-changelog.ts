/**
 * The changelog of an update made by WSO2's own tool: it gives no structured changes, so the
 * changelog is the files that changed plus the tool's own notes, shown verbatim as text.
 */
import { escapeMarkdown } from './changelog.ts';

export interface Wso2Changes {
  product: string;
  version: string;
  from: number;
  to: number;
  files: { added: string[]; modified: string[]; removed: string[] };
  /** The tool's changelog files (updates/changelog-*.md), as written. */
  notes: { file: string; text: string }[];
}

const LIST_LIMIT = 200;

export function renderWso2Changelog(c: Wso2Changes): string {
  const lines = [
    `# ${escapeMarkdown(c.product)} ${escapeMarkdown(c.version)}: WSO2 update level ${c.from} → ${c.to}`,
    '',
  ];
  const { added, modified, removed } = c.files;
  lines.push(
    c.from === c.to
      ? 'No changes.'
      : `${added.length} file(s) added, ${modified.length} modified, ${removed.length} removed by the WSO2 update tool.`,
    '',
  );
  for (const [title, list] of [
    ['Added', added],
    ['Modified', modified],
    ['Removed', removed],
  ] as const) {
    if (!list.length) continue;
    lines.push(`## ${title}`, '');
    for (const p of list.slice(0, LIST_LIMIT)) lines.push(`- \`${p.replace(/`/g, "'")}\``);
    if (list.length > LIST_LIMIT) lines.push(`- … and ${list.length - LIST_LIMIT} more`);
    lines.push('');
  }
  for (const n of c.notes) {
    // Vendor text is data: a fence longer than any backtick run in it keeps it inert.
    const fence = '`'.repeat(
      Math.max(3, ...[...n.text.matchAll(/`+/g)].map((m) => m[0].length + 1)),
    );
    lines.push(`## WSO2 notes: \`${n.file}\``, '', `${fence}text`, n.text.trimEnd(), fence, '');
  }
  return lines.join('\n');
}
