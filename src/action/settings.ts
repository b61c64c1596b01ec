/**
 * The action's inputs, read once into a typed object (as actions/checkout does), so every
 * later step works with checked values and a bad input fails before anything runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { badInput } from '../core/errors.ts';

export const MODES = ['check', 'verify', 'pull-request', 'artifact', 'release'] as const;
export type Mode = (typeof MODES)[number];

export interface ActionSettings {
  mode: Mode;
  /** Absolute path of the lock file. */
  lock: string;
  /** Target level; undefined means the mode's default (latest for pull-request, else the lock's). */
  level: number | 'latest' | undefined;
  /** GitHub token for pull requests, statuses and releases. */
  token: string;
  /** Repository credentials (bearer token, or basic username/password). */
  repositoryToken: string;
  username: string;
  password: string;
  /** WSO2 subscription login for source: wso2 (given to the tool by environment). */
  wso2Username: string;
  wso2Password: string;
  labels: string[];
  /** Branch the pull request targets; empty: the repository's default branch. */
  base: string;
  branchPrefix: string;
  /** Put before the title of a PR whose levels carry security fixes; empty: nothing. */
  securityTitlePrefix: string;
  draft: boolean;
  reviewers: string[];
  teamReviewers: string[];
  /** Repository-relative file the pull request commits the changelog to; empty: none. */
  changelogFile: string;
  runTests: boolean;
  artifactName: string;
  retentionDays: number | undefined;
  releaseTag: string;
  cache: boolean;
  /** The checkout: paths committed to the pull request are relative to it. */
  workspace: string;
  /** Where packs, logs and the changelog are written. */
  outputDir: string;
  repository: { owner: string; repo: string } | undefined;
  apiUrl: string;
  serverUrl: string;
  runId: string;
  sha: string;
  /**
   * The commit the checkout stands for: a pull request's head (GITHUB_SHA is then the
   * merge commit GitHub made), else GITHUB_SHA. Where verify posts its status.
   */
  headSha: string;
}

export type GetInput = (name: string) => string;

export function readSettings(getInput: GetInput, env: NodeJS.ProcessEnv): ActionSettings {
  const input = (name: string) => getInput(name).trim();
  const mode = input('mode') || 'check';
  if (!(MODES as readonly string[]).includes(mode)) {
    throw badInput(`input mode: "${mode}" is not one of ${MODES.join(', ')}`);
  }
  const workspace = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const temp = path.resolve(env.RUNNER_TEMP ?? path.join(workspace, '..'));
  const repoSlug = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repoSlug.split('/');
  return {
    mode: mode as Mode,
    lock: path.resolve(workspace, input('lock') || 'uplevel.yml'),
    level: parseLevel(input('level')),
    token: input('token'),
    repositoryToken: input('repository-token'),
    username: input('username'),
    password: getInput('password'),
    wso2Username: input('wso2-username'),
    wso2Password: getInput('wso2-password'),
    labels: list(input('labels')),
    base: input('base'),
    branchPrefix: input('branch-prefix') || 'uplevel/',
    securityTitlePrefix: titlePrefix(input('security-title-prefix')),
    draft: bool(input('draft'), 'draft', false),
    reviewers: list(input('reviewers')),
    teamReviewers: list(input('team-reviewers')),
    changelogFile: input('changelog-file'),
    runTests: bool(input('tests'), 'tests', true),
    artifactName: input('artifact-name'),
    retentionDays: retention(input('retention-days')),
    releaseTag: input('release-tag'),
    cache: bool(input('cache'), 'cache', true),
    workspace,
    outputDir: path.resolve(workspace, input('output-dir') || path.join(temp, 'uplevel')),
    repository: owner && repo ? { owner, repo } : undefined,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID ?? '',
    sha: env.GITHUB_SHA ?? '',
    headSha: eventHeadSha(env.GITHUB_EVENT_PATH) || (env.GITHUB_SHA ?? ''),
  };
}

/** The event's pull request head, as actions/github's context reads the event file. */
function eventHeadSha(file: string | undefined): string {
  if (!file) return '';
  try {
    const event = JSON.parse(readFileSync(file, 'utf8')) as {
      pull_request?: { head?: { sha?: unknown } };
    };
    const sha = event.pull_request?.head?.sha;
    return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? sha : '';
  } catch {
    return '';
  }
}

function titlePrefix(v: string): string {
  if (v === '') return '[security]';
  return /^(none|false)$/i.test(v) ? '' : v;
}

function parseLevel(v: string): number | 'latest' | undefined {
  if (v === '') return undefined;
  if (v === 'latest') return 'latest';
  if (/^\d+$/.test(v)) return Number(v);
  throw badInput(`input level: must be a whole number or "latest" (got "${v}")`);
}

/** Comma- or newline-separated, as the inputs of create-pull-request are. */
function list(v: string): string[] {
  return v
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function bool(v: string, name: string, dflt: boolean): boolean {
  if (v === '') return dflt;
  if (/^(true|yes|1)$/i.test(v)) return true;
  if (/^(false|no|0)$/i.test(v)) return false;
  throw badInput(`input ${name}: must be true or false (got "${v}")`);
}

function retention(v: string): number | undefined {
  if (v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 90) {
    throw badInput(`input retention-days: must be a whole number from 1 to 90 (got "${v}")`);
  }
  return n;
}
