/**
 * What a run of the action tells people: the job summary and the pull request's title and
 * body. Pure: built from the run's outcome, so it is tested without GitHub.
 */
import {
  collectChanges,
  escapeMarkdown,
  maxSeverity,
  renderChangelogMarkdown,
  type LevelChanges,
} from '../core/changelog.ts';
import type { TestRunResult } from '../pipeline/test-runner.ts';
import { outcomeText } from '../core/structured-merge/index.ts';

/** GitHub refuses a pull request body over 65,536 characters. */
export const PR_BODY_LIMIT = 65_536;

export interface JobOutcome {
  mode: string;
  product: string;
  version: string;
  channel: string;
  /** The lock's level. */
  from: number;
  /** The level built (equal to `from` when nothing moved). */
  to: number;
  latest: number;
  /** A changelog the source wrote itself (source: wso2); else built from `levels`. */
  changelogMarkdown?: string;
  /** Where the changelog starts: the lock's level for an update, 0 for a built pack. */
  changesFrom?: number;
  levels: LevelChanges[];
  overlay: { path: string; outcome: string; keys?: string[]; keyPaths?: string[] }[];
  conflicts: { path: string; outcome: string }[];
  tests?: TestRunResult;
  /** Why tests did not run, when they did not. */
  testsSkipped?: string;
  pack?: { name: string; sha256: string; bytes: number };
}

/** The block automerge rules read: one line of JSON in an HTML comment at the body's end. */
export interface PullRequestMetadata {
  product: string;
  version: string;
  channel: string;
  from: number;
  to: number;
  security: boolean;
  securityUpdates: number;
  maxSeverity: string | null;
  conflicts: string[];
  tests: 'passed' | 'failed' | 'skipped';
}

export const METADATA_START = '<!-- uplevel-metadata ';
const METADATA_END = ' -->';

export function pullRequestTitle(o: Pick<JobOutcome, 'product' | 'version' | 'to'>): string {
  return `Update ${o.product} ${o.version} to level ${o.to}`;
}

export function testsState(o: JobOutcome): 'passed' | 'failed' | 'skipped' {
  if (!o.tests) return 'skipped';
  return o.tests.passed ? 'passed' : 'failed';
}

export function pullRequestMetadata(o: JobOutcome): PullRequestMetadata {
  const changes = collectChanges(o.levels, o.from, o.to);
  const security = changes.filter((c) => c.type === 'security').length;
  return {
    product: o.product,
    version: o.version,
    channel: o.channel,
    from: o.from,
    to: o.to,
    security: security > 0,
    securityUpdates: security,
    maxSeverity: maxSeverity(changes) ?? null,
    conflicts: o.conflicts.map((c) => c.path),
    tests: testsState(o),
  };
}

/** Reads the metadata block back from a body (ours, on a later run); undefined if absent. */
export function parsePullRequestMetadata(
  body: string | null | undefined,
): PullRequestMetadata | undefined {
  if (!body) return undefined;
  const start = body.lastIndexOf(METADATA_START);
  if (start < 0) return undefined;
  const end = body.indexOf(METADATA_END, start + METADATA_START.length);
  if (end < 0) return undefined;
  try {
    return JSON.parse(body.slice(start + METADATA_START.length, end)) as PullRequestMetadata;
  } catch {
    return undefined;
  }
}

export function pullRequestBody(o: JobOutcome, fullChangelogUrl: string): string {
  const meta = `${METADATA_START}${JSON.stringify(pullRequestMetadata(o)).replace(/--/g, '\\u002d\\u002d')}${METADATA_END}`;
  const head = [
    `Moves **${escapeMarkdown(o.product)} ${escapeMarkdown(o.version)}** (channel \`${o.channel}\`) from level **${o.from}** to level **${o.to}**${o.to < o.latest ? ` (latest is ${o.latest})` : ''}.`,
    '',
    ...conflictLines(o),
  ].join('\n');
  const tail = [
    '',
    ...overlaySection(o),
    // No durations in the body: a rerun with the same result leaves the PR untouched.
    ...testsSection(o, false),
    '<sub>Opened by uplevel. Packs are never committed: the lock file and the merged overlay files are.</sub>',
    '',
    meta,
  ].join('\n');
  const changelog = demote(
    o.changelogMarkdown ?? renderChangelogMarkdown(o.product, o.version, o.from, o.to, o.levels),
  );
  const room = PR_BODY_LIMIT - head.length - tail.length - 2;
  return `${head}\n${truncate(changelog, room, fullChangelogUrl)}\n${tail}`;
}

export function jobSummary(o: JobOutcome, extra: string[] = []): string {
  const lines = [
    `## uplevel ${o.mode}: ${escapeMarkdown(o.product)} ${escapeMarkdown(o.version)} ${o.mode === 'check' ? `at level ${o.from}, latest ${o.latest}` : `level ${o.from} → ${o.to}`}`,
    '',
    `| channel | current level | latest level | target level |`,
    `|---|---|---|---|`,
    `| ${o.channel} | ${o.from} | ${o.latest} | ${o.to} |`,
    '',
    ...extra.flatMap((e) => [e, '']),
    ...conflictLines(o),
  ];
  if (o.pack)
    lines.push(`Pack: \`${o.pack.name}\` (${o.pack.bytes} bytes), sha256 \`${o.pack.sha256}\``, '');
  const from = o.changesFrom ?? o.from;
  const levels = o.levels.filter((l) => l.level > from && l.level <= o.to);
  if (o.changelogMarkdown) lines.push(demote(o.changelogMarkdown));
  else if (levels.length)
    lines.push(demote(renderChangelogMarkdown(o.product, o.version, from, o.to, o.levels)));
  else if (o.latest > o.from && o.mode === 'check') {
    lines.push(demote(renderChangelogMarkdown(o.product, o.version, o.from, o.latest, o.levels)));
  }
  lines.push(...overlaySection(o), ...testsSection(o));
  return lines.join('\n');
}

function conflictLines(o: JobOutcome): string[] {
  if (!o.conflicts.length) return [];
  return [
    `> [!WARNING]`,
    `> The overlay could not be merged cleanly. Resolve these files on this branch, then mark the pull request ready:`,
    ...o.conflicts.map((c) => `> - \`${c.path}\` (${c.outcome})`),
    '',
  ];
}

function overlaySection(o: JobOutcome): string[] {
  if (!o.overlay.length) return [];
  return [
    '### Overlay files',
    '',
    '| file | merge result |',
    '|---|---|',
    ...o.overlay.map((f) => `| \`${f.path}\` | ${outcomeText(f)} |`),
    '',
  ];
}

function testsSection(o: JobOutcome, times = true): string[] {
  if (!o.tests) return o.testsSkipped ? ['### Tests', '', `Not run: ${o.testsSkipped}.`, ''] : [];
  const t = o.tests;
  const rows = t.commands.map(
    (c) =>
      `| ${escapeMarkdown(c.name)} | ${c.status === 'passed' ? '✅' : '❌'} ${c.status} |${times ? ` ${(c.durationMs / 1000).toFixed(1)} s |` : ''}`,
  );
  const server = t.server?.error ? [`Server: ${escapeMarkdown(t.server.error)}`, ''] : [];
  return [
    `### Tests: ${t.passed ? 'passed' : 'FAILED'}`,
    '',
    ...server,
    times ? '| test | result | time |' : '| test | result |',
    times ? '|---|---|---|' : '|---|---|',
    ...rows,
    '',
  ];
}

/** Nests the changelog's headings under the body's. */
function demote(md: string): string {
  return md.replace(/^(#{1,4}) /gm, (_, h: string) => `${h}## `);
}

function truncate(text: string, room: number, url: string): string {
  if (text.length <= room) return text;
  const note = `\n\n… the changelog is cut here to fit GitHub's limit; the full changelog: ${url}\n`;
  const cut = text.lastIndexOf('\n', Math.max(0, room - note.length));
  return `${text.slice(0, Math.max(0, cut))}${note}`;
}
