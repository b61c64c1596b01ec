/**
 * What a run of the action tells people: the job summary and the pull request's title and
 * body. Pure: built from the run's outcome, so it is tested without GitHub.
 *
 * Both read in the order a reviewer decides: the facts, then what went wrong (and where the
 * run is), then the security fixes, then the other changes folded away, then what happens next.
 * The body's metadata block, which automerge rules read, is the last thing in it.
 */
import {
  CHANGE_TYPE_ORDER,
  collectChanges,
  componentsBetween,
  cveUrl,
  escapeMarkdown,
  maxSeverity,
  type LevelChanges,
  type LeveledChange,
} from '../core/changelog.ts';
import { componentLine, type ComponentChange } from '../core/sbom/component-diff.ts';
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
  /** Overlay path; `file` the repository path and `line` the first conflict marker's, when known. */
  conflicts: { path: string; outcome: string; file?: string; line?: number }[];
  tests?: TestRunResult;
  /** Why tests did not run, when they did not. */
  testsSkipped?: string;
  pack?: { name: string; sha256: string; bytes: number };
  /** The lock file's repository path (one pull request per lock). */
  lockPath?: string;
  /** The workflow run's page, linked from the caution block. */
  runUrl?: string;
  /** The pull request's base branch, for "what happens next". */
  base?: string;
  /** The overlay conflicts a person resolved on the pull request's branch (then `conflicts` is empty). */
  resolved?: { commit: string; by: string[]; files: string[] };
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
  /** The lock file this pull request updates. */
  lock?: string;
  /** The head commit that was built and tested; a head that differs was not. */
  headSha?: string;
  /** sha256 of the pack that was tested. */
  packSha256?: string;
}

export const METADATA_START = '<!-- uplevel-metadata ';
const METADATA_END = ' -->';
export const DEFAULT_SECURITY_PREFIX = '[security]';

export function pullRequestTitle(
  o: Pick<JobOutcome, 'product' | 'version' | 'to' | 'from' | 'levels'>,
  securityPrefix = DEFAULT_SECURITY_PREFIX,
): string {
  const security = collectChanges(o.levels, o.from, o.to).some((c) => c.type === 'security');
  const prefix = security && securityPrefix ? `${securityPrefix} ` : '';
  return `${prefix}Update ${o.product} ${o.version} to level ${o.to}`;
}

export function testsState(o: JobOutcome): 'passed' | 'failed' | 'skipped' {
  if (!o.tests) return 'skipped';
  return o.tests.passed ? 'passed' : 'failed';
}

export function pullRequestMetadata(o: JobOutcome, headSha?: string): PullRequestMetadata {
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
    ...(o.lockPath ? { lock: o.lockPath } : {}),
    ...(headSha ? { headSha } : {}),
    ...(o.pack ? { packSha256: o.pack.sha256 } : {}),
  };
}

/**
 * Reads the metadata block back from a body (ours, on a later run); undefined if absent or
 * not the last thing in the body (text after it means the body was edited).
 */
export function parsePullRequestMetadata(
  body: string | null | undefined,
): PullRequestMetadata | undefined {
  if (!body) return undefined;
  const trimmed = body.trimEnd();
  const start = trimmed.lastIndexOf(METADATA_START);
  if (start < 0 || !trimmed.endsWith(METADATA_END)) return undefined;
  const end = trimmed.length - METADATA_END.length;
  if (end < start + METADATA_START.length) return undefined;
  try {
    return JSON.parse(trimmed.slice(start + METADATA_START.length, end)) as PullRequestMetadata;
  } catch {
    return undefined;
  }
}

/** A failed or conflicted update: the pull request is then a draft. */
export function needsAttention(o: JobOutcome): boolean {
  return o.conflicts.length > 0 || testsState(o) === 'failed';
}

export function pullRequestBody(o: JobOutcome, fullChangelogUrl: string, headSha?: string): string {
  const meta = `${METADATA_START}${JSON.stringify(pullRequestMetadata(o, headSha)).replace(/--/g, '\\u002d\\u002d')}${METADATA_END}`;
  const head = [
    ...factsTable(o),
    ...resolvedBlock(o),
    ...cautionBlock(o),
    ...securitySection(o),
  ].join('\n');
  // No durations in the body: a rerun with the same result leaves the PR untouched.
  const tail = [
    ...detailsBlock('Overlay files', overlayRows(o)),
    ...detailsBlock(testsTitle(o), testsRows(o, false)),
    ...nextSteps(o),
    '<sub>Opened by uplevel. Packs are never committed: the lock file and the merged overlay files are.</sub>',
    '',
    meta,
  ].join('\n');
  const components = componentsBlock(
    o,
    o.from,
    Math.min(COMPONENTS_ROOM, PR_BODY_LIMIT - head.length - tail.length - 4096),
  ).join('\n');
  const others = otherChanges(o, o.from);
  const room = PR_BODY_LIMIT - head.length - tail.length - components.length - 64;
  const folded = others.length
    ? [
        '<details>',
        `<summary>${otherTitle(o, o.from)}</summary>`,
        '',
        truncate(others, room, fullChangelogUrl),
        '',
        '</details>',
        '',
      ].join('\n')
    : '';
  return `${head}\n${folded}\n${components ? `${components}\n` : ''}${tail}`;
}

export function jobSummary(o: JobOutcome, extra: string[] = []): string {
  const check = o.mode === 'check';
  const from = check ? o.from : (o.changesFrom ?? o.from);
  const to = check ? o.latest : o.to;
  const shown: JobOutcome = { ...o, from, to };
  const lines = [
    `## uplevel ${o.mode}: ${escapeMarkdown(o.product)} ${escapeMarkdown(o.version)} ${check ? `at level ${o.from}, latest ${o.latest}` : `level ${o.from} → ${o.to}`}`,
    '',
    ...factsTable(o, { from, to }),
    ...cautionBlock(o),
    ...extra.flatMap((e) => [e, '']),
    ...securitySection(shown),
  ];
  const others = otherChanges(shown, from);
  if (others) {
    lines.push(
      '<details>',
      `<summary>${otherTitle(shown, from)}</summary>`,
      '',
      others,
      '',
      '</details>',
      '',
    );
  }
  lines.push(
    ...componentsBlock(shown, from, COMPONENTS_ROOM),
    ...detailsBlock('Overlay files', overlayRows(o)),
    ...detailsBlock(testsTitle(o), testsRows(o, true)),
  );
  return lines.join('\n');
}

// ---- the facts ----

/** `changes`: the range the security fixes are counted over, when not from → to. */
function factsTable(o: JobOutcome, changes?: { from: number; to: number }): string[] {
  const security = securityChanges(o, changes?.from ?? o.from, changes?.to ?? o.to);
  const cves = [...new Set(security.flatMap((c) => c.cves ?? []))];
  const worst = maxSeverity(security);
  const rows: [string, string][] = [
    [
      'Product',
      `${escapeMarkdown(o.product)} ${escapeMarkdown(o.version)} (channel \`${o.channel}\`)`,
    ],
    [
      'Level',
      `**${o.from} → ${o.to}**${o.to < o.latest ? ` (latest is ${o.latest})` : ' (latest)'}`,
    ],
    [
      'Security fixes',
      security.length
        ? `**${security.length}**${worst ? ` (highest severity: ${worst})` : ''}${cves.length ? `: ${cves.map(cveLink).join(', ')}` : ''}`
        : 'none',
    ],
    ['Overlay', overlayFact(o)],
    ['Tests', testsFact(o)],
  ];
  const jars = componentsBetween(o.levels, changes?.from ?? o.from, changes?.to ?? o.to).flatMap(
    (l) => l.components,
  );
  if (jars.length) rows.splice(3, 0, ['Components', kindCounts(jars)]);
  if (o.pack) {
    rows.push(['Pack', `\`${escapeMarkdown(o.pack.name)}\` (${o.pack.bytes} bytes)`]);
    rows.push(['Pack sha256', `\`${o.pack.sha256}\``]);
  }
  if (o.lockPath) rows.push(['Lock file', `\`${escapeMarkdown(o.lockPath)}\``]);
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''];
}

function overlayFact(o: JobOutcome): string {
  if (o.resolved)
    return `✅ ${o.resolved.files.length} conflict(s) resolved by ${resolvers(o.resolved)} in \`${o.resolved.commit.slice(0, 7)}\``;
  if (o.conflicts.length)
    return `❌ **${o.conflicts.length} conflict(s)** of ${Math.max(o.overlay.length, o.conflicts.length)} file(s)`;
  if (!o.overlay.length) return 'no overlay files';
  const counts = new Map<string, number>();
  for (const f of o.overlay) counts.set(f.outcome, (counts.get(f.outcome) ?? 0) + 1);
  return `✅ ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`;
}

function testsFact(o: JobOutcome): string {
  if (!o.tests) return o.testsSkipped ? `not run: ${escapeMarkdown(o.testsSkipped)}` : 'none';
  const t = o.tests;
  const failed = t.commands.filter((c) => c.status !== 'passed');
  if (t.passed) return `✅ passed (${t.commands.length} command(s))`;
  const names = failed.map((c) => `\`${escapeMarkdown(c.name)}\` ${c.status}`);
  if (t.server?.error) names.unshift('server did not start');
  return `❌ **FAILED**: ${names.join(', ')}`;
}

// ---- what went wrong ----

/** `@a, @b`: the people whose commits are on the branch. */
function resolvers(r: NonNullable<JobOutcome['resolved']>): string {
  return r.by.length ? r.by.map((b) => `@${escapeMarkdown(b)}`).join(', ') : 'a person';
}

/** Who resolved the conflicts, where, and that uplevel did not test it. */
function resolvedBlock(o: JobOutcome): string[] {
  const r = o.resolved;
  if (!r) return [];
  const files = r.files.map((f) => `\`${escapeMarkdown(f)}\``).join(', ');
  return [
    '> [!NOTE]',
    `> The overlay conflicts of level ${o.to} were resolved on this branch by ${resolvers(r)} in ${r.commit.slice(0, 7)}: ${files}.`,
    `> uplevel did not build or test that commit; the \`uplevel\` status \`verify\` sets on it is its result. Review the resolution before merging.`,
    '',
  ];
}

function cautionBlock(o: JobOutcome): string[] {
  const lines: string[] = [];
  if (o.conflicts.length) {
    lines.push(
      o.mode === 'pull-request'
        ? `The overlay could not be merged cleanly. On this pull request's branch, edit each file to what it should be at level ${o.to} (no conflict markers left), delete its \`.old\` and \`.updated\`, and push; \`verify\` then checks it, and the next run leaves it for review:`
        : `The overlay could not be merged cleanly to level ${o.to}; nothing was published. \`uplevel apply\` with this lock leaves \`.old\`/\`.updated\` beside each file for you to resolve:`,
      ...o.conflicts.map(
        (c) =>
          `- \`${escapeMarkdown(c.file ?? c.path)}\`${c.line ? ` line ${c.line}` : ''} (${c.outcome})`,
      ),
    );
  }
  const t = o.tests;
  if (t && !t.passed) {
    if (lines.length) lines.push('');
    lines.push(`**Tests failed at level ${o.to}.** Do not merge until they pass.`);
    if (t.server?.error) lines.push('', `Server: ${escapeMarkdown(t.server.error)}`);
    for (const c of t.commands.filter((x) => x.status === 'failed' || x.status === 'timed-out')) {
      lines.push(
        '',
        `\`${escapeMarkdown(c.name)}\` ${c.status}${c.exitCode !== null ? ` (exit ${c.exitCode})` : ''}, last lines:`,
        ...fence(c.tail || '(no output)'),
      );
    }
  }
  if (!lines.length) return [];
  if (o.runUrl) lines.push('', `The run's log and test output: ${o.runUrl}`);
  return ['> [!CAUTION]', ...lines.map((l) => (l ? `> ${l}` : '>')), ''];
}

/** A code block no line of `text` can close. */
function fence(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return [f, ...text.replace(/\s+$/, '').split('\n'), f];
}

// ---- the changes ----

function securityChanges(o: JobOutcome, from: number, to: number): LeveledChange[] {
  return collectChanges(o.levels, from, to)
    .filter((c) => c.type === 'security')
    .sort((a, b) => sevRank(a) - sevRank(b) || a.level - b.level);
}

function securitySection(o: JobOutcome): string[] {
  const sec = securityChanges(o, o.from, o.to);
  if (!sec.length) return [];
  let room = NAMED_IN_SECURITY;
  const lines = sec.flatMap((c) => {
    const named = namedComponents(o, c, room);
    room -= named.length;
    return [...changeLines(c), ...named];
  });
  return ['### Security fixes', '', ...lines, ''];
}

/** The jars a security fix names, under it (at most this many in the section). */
const NAMED_IN_SECURITY = 30;
const NAMED_PER_CHANGE = 5;

function namedComponents(o: JobOutcome, c: LeveledChange, room: number): string[] {
  const level = o.levels.find((l) => l.level === c.level);
  const named = (level?.components ?? []).filter((x) => x.changes.includes(c.id));
  if (!named.length || room <= 0) return [];
  const n = Math.min(NAMED_PER_CHANGE, room);
  const shown = named.slice(0, n).map((x) => {
    const what =
      x.kind === 'upgraded'
        ? `${clipped(x.from ?? '?')} → ${clipped(x.to ?? '?')}`
        : clipped(x.to ?? x.from ?? '');
    return `  - ${KIND_WORD[x.kind]} **${clipped(x.name)}** ${what}`.trimEnd();
  });
  return named.length > n ? [...shown, `  - … and ${named.length - n} more`] : shown;
}

function otherTitle(o: JobOutcome, from: number): string {
  if (o.changelogMarkdown) return `Changelog, level ${from} → ${o.to}`;
  const n = collectChanges(o.levels, from, o.to).filter((c) => c.type !== 'security').length;
  return `Other changes (${n})`;
}

function otherChanges(o: JobOutcome, from: number): string {
  if (o.changelogMarkdown) return demote(o.changelogMarkdown);
  const changes = collectChanges(o.levels, from, o.to);
  const lines: string[] = [];
  for (const type of CHANGE_TYPE_ORDER) {
    if (type === 'security') continue;
    const ofType = changes.filter((c) => c.type === type);
    if (!ofType.length) continue;
    lines.push(`#### ${TYPE_TITLE[type]}`, '', ...ofType.flatMap(changeLines), '');
  }
  return lines.join('\n').trimEnd();
}

const TYPE_TITLE: Record<string, string> = {
  security: 'Security fixes',
  bug: 'Bug fixes',
  improvement: 'Improvements',
  feature: 'New features',
};

const CVE = /^CVE-\d{4}-\d{4,}$/;
const cveLink = (id: string) => (CVE.test(id) ? `[${id}](${cveUrl(id)})` : escapeMarkdown(id));
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const sevRank = (c: LeveledChange) => {
  const i = c.severity ? SEVERITIES.indexOf(c.severity) : -1;
  return i < 0 ? SEVERITIES.length : i;
};

function changeLines(c: LeveledChange): string[] {
  const parts = [`**${escapeMarkdown(c.id)}**`];
  if (c.severity) parts.push(`(${escapeMarkdown(c.severity)})`);
  parts.push(escapeMarkdown(c.title));
  let line = `- ${parts.join(' ')} — level ${c.level}`;
  if (c.cves?.length) line += `; ${c.cves.map(cveLink).join(', ')}`;
  return c.description ? [line, `  ${escapeMarkdown(c.description)}`] : [line];
}

// ---- the jars the levels changed ----

/** At most this much of a body or summary lists components; the rest is counted. */
export const COMPONENTS_ROOM = 16_000;
/** Components listed per level before "… and N more": a level that rebuilds 300 jars. */
export const COMPONENTS_PER_LEVEL = 25;
/** A jar's name or version longer than this is cut (they are the jar's own, untrusted, text). */
const FIELD_MAX = 120;

const KIND_ORDER: ComponentChange['kind'][] = ['upgraded', 'removed', 'added', 'changed'];
const KIND_WORD: Record<ComponentChange['kind'], string> = {
  upgraded: 'upgraded',
  removed: 'removed',
  added: 'added',
  changed: 'rebuilt',
};

const clipped = (t: string) =>
  escapeMarkdown(t.length > FIELD_MAX ? `${t.slice(0, FIELD_MAX)}…` : t);

/**
 * Per level, the jars it upgraded, removed, added and rebuilt with the changes that name them,
 * folded; known only when this run read the packs (apply's component diff), else nothing.
 */
function componentsBlock(o: JobOutcome, from: number, room: number): string[] {
  const levels = componentsBetween(o.levels, from, o.to).filter((l) => l.components.length);
  if (!levels.length) return [];
  const all = levels.flatMap((l) => l.components);
  const lines: string[] = [];
  let left = room;
  for (const l of levels) {
    if (levels.length > 1) lines.push(`Level ${l.level}:`, '');
    const sorted = [...l.components].sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
    );
    let shown = 0;
    for (const c of sorted) {
      const at = c.path.length > 2 * FIELD_MAX ? `${c.path.slice(0, 2 * FIELD_MAX)}…` : c.path;
      const line = componentLine({ ...c, path: at }, clipped);
      if (shown >= COMPONENTS_PER_LEVEL || line.length + 1 > left) break;
      lines.push(line);
      left -= line.length + 1;
      shown++;
    }
    const rest = sorted.slice(shown);
    if (rest.length) lines.push(`- … and ${rest.length} more (${kindCounts(rest)})`);
    lines.push('');
  }
  if (lines.some((x) => x.startsWith('- … and ')))
    lines.push('`uplevel changelog --components` lists them all.', '');
  return [
    '<details>',
    `<summary>Components (${all.length}): ${kindCounts(all)}</summary>`,
    '',
    ...lines,
    '</details>',
    '',
  ];
}

function kindCounts(cs: readonly ComponentChange[]): string {
  return KIND_ORDER.flatMap((k) => {
    const n = cs.filter((c) => c.kind === k).length;
    return n ? [`${n} ${KIND_WORD[k]}`] : [];
  }).join(', ');
}

// ---- folded details ----

function detailsBlock(title: string, rows: string[]): string[] {
  if (!rows.length) return [];
  return ['<details>', `<summary>${title}</summary>`, '', ...rows, '', '</details>', ''];
}

function overlayRows(o: JobOutcome): string[] {
  if (!o.overlay.length) return [];
  return [
    '| file | merge result |',
    '|---|---|',
    ...o.overlay.map((f) => `| \`${escapeMarkdown(f.path)}\` | ${outcomeText(f)} |`),
  ];
}

function testsTitle(o: JobOutcome): string {
  return `Tests: ${o.tests ? (o.tests.passed ? 'passed' : 'FAILED') : 'not run'}`;
}

function testsRows(o: JobOutcome, times: boolean): string[] {
  if (!o.tests) return o.testsSkipped ? [`Not run: ${escapeMarkdown(o.testsSkipped)}.`] : [];
  const rows = o.tests.commands.map(
    (c) =>
      `| ${escapeMarkdown(c.name)} | ${c.status === 'passed' ? '✅' : '❌'} ${c.status} |${times ? ` ${(c.durationMs / 1000).toFixed(1)} s |` : ''}`,
  );
  return [
    times ? '| test | result | time |' : '| test | result |',
    times ? '|---|---|---|' : '|---|---|',
    ...rows,
  ];
}

// ---- what happens next ----

function nextSteps(o: JobOutcome): string[] {
  const base = o.base ? `\`${escapeMarkdown(o.base)}\`` : 'the base branch';
  const lock = o.lockPath ? ` for \`${escapeMarkdown(o.lockPath)}\`` : '';
  return [
    '### What happens next',
    '',
    `- When a new level is published, uplevel rebuilds this branch on ${base} and updates this pull request.`,
    '- A commit a person pushes to this branch stops those updates: uplevel never overwrites it.',
    `- Closing this pull request without merging declines level ${o.to}${lock}; a later level opens a new one.`,
    `- If ${base} reaches level ${o.to} another way, uplevel closes this pull request.`,
    '',
  ];
}

/** Nests the changelog's headings under the body's. */
function demote(md: string): string {
  return md.replace(/^(#{1,4}) /gm, (_, h: string) => `${h}## `);
}

function truncate(text: string, room: number, url: string): string {
  if (text.length <= room) return text;
  const note = `\n\n… the changelog is cut here to fit GitHub's limit; the full changelog: ${url}`;
  const cut = text.lastIndexOf('\n', Math.max(0, room - note.length));
  return `${text.slice(0, Math.max(0, cut))}${note}`;
}
