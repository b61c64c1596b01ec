/**
 * `uplevel --help` and `uplevel COMMAND --help`: one table, so the overview, each command's
 * help and the README's synopses (a test compares them) say the same.
 */

interface Help {
  /** Synopsis lines, without the leading `uplevel `. */
  usage: string[];
  what: string;
  flags: [string, string][];
  example: string;
}

const LOCK: [string, string] = ['--lock F', 'the lock file (default: uplevel.yml)'];
const JSON_FLAG: [string, string] = ['--json', 'one JSON document on stdout, also on failure'];

export const HELP: Record<string, Help> = {
  check: {
    usage: ['check     [--lock F] [--json] [--exit-code]'],
    what: 'Lists the levels above the lock’s level with their changes and CVE ids.',
    flags: [LOCK, JSON_FLAG, ['--exit-code', 'exit 10 when updates are available']],
    example: 'uplevel check --lock uplevel.yml --exit-code',
  },
  apply: {
    usage: [
      'apply     [--lock F] [--level N|latest] (--out ZIP | --dir DIR) [--pack ZIP] [--bundle DIR] [--dry-run] [--no-lock-update] [--no-sbom] [--keep FILE]… [--json]',
      'apply     [--lock F] --diff DIFF.zip --dir DIR [--dry-run] [--json]',
    ],
    what: 'Applies every level up to --level in one pass, merging the overlay three-way.',
    flags: [
      LOCK,
      ['--level N|latest', 'the level to reach (default: latest)'],
      ['--out ZIP', 'write the pack as a zip (and ZIP.sha256 beside it)'],
      ['--dir DIR', 'write a new folder, or update a folder that holds the pack in place'],
      ['--pack ZIP', 'start from this pack instead of the GA pack or the lock’s pack:'],
      ['--bundle DIR', 'offline: an `uplevel export` bundle instead of the repository'],
      ['--diff DIFF.zip', 'offline: an `uplevel diff` zip applied to --dir'],
      ['--dry-run', 'print the plan and the merge results, write nothing'],
      ['--no-lock-update', 'leave the lock’s level and the overlay files as they are'],
      ['--no-sbom', 'no ZIP.cdx.json beside the zip and no component diff in the report'],
      [
        '--keep FILE',
        'a conflicted overlay file kept as it is: yours wins over the vendor’s change (repeatable)',
      ],
      JSON_FLAG,
    ],
    example: 'uplevel apply --lock uplevel.yml --out pack.zip',
  },
  test: {
    usage: ['test      [--lock F] (--dir DIR | --pack ZIP) [--logs DIR] [--json]'],
    what: 'Runs the lock’s tests: against a folder or a pack (exit 5 when one fails).',
    flags: [
      LOCK,
      ['--dir DIR', 'the product folder to test'],
      ['--pack ZIP', 'a pack, extracted to a temporary folder'],
      ['--logs DIR', 'keep the logs and junit.xml here (default: a temporary folder)'],
      JSON_FLAG,
    ],
    example: 'uplevel test --lock uplevel.yml --pack pack.zip --logs test-logs',
  },
  status: {
    usage: ['status    (--dir DIR | --pack ZIP) [--json]'],
    what: 'Shows the level, the updates and hotfixes applied, and (for a folder) local edits.',
    flags: [['--dir DIR', 'a product folder'], ['--pack ZIP', 'a pack zip'], JSON_FLAG],
    example: 'uplevel status --pack pack.zip',
  },
  revert: {
    usage: ['revert    --dir DIR [--level N] [--lock F] [--json]'],
    what: 'Goes back to an earlier level from the backups in-place updates keep, byte for byte, with the hotfixes the folder carried there.',
    flags: [
      ['--dir DIR', 'the product folder'],
      ['--level N', 'the level to go back to (default: the level before the last update)'],
      ['--lock F', 'the lock file whose level is set to the level reverted to'],
      JSON_FLAG,
    ],
    example: 'uplevel revert --dir /opt/acme-gateway-4.2.0',
  },
  recover: {
    usage: ['recover   --dir DIR [--json]'],
    what: 'Finishes or undoes an apply or revert that was interrupted.',
    flags: [['--dir DIR', 'the product folder'], JSON_FLAG],
    example: 'uplevel recover --dir /opt/acme-gateway-4.2.0',
  },
  hotfix: {
    usage: [
      'hotfix    apply --dir DIR [--lock F] [--json] HOTFIX.zip',
      'hotfix    remove --dir DIR --id ID [--json]',
    ],
    what: 'Puts a vendor hotfix the lock pins (hotfixes: path and sha256) on a product folder, or takes one off byte for byte.',
    flags: [
      ['--dir DIR', 'the product folder'],
      ['--lock F', 'the lock whose hotfixes: pins the zip’s sha256 (default: uplevel.yml)'],
      ['--id ID', 'the hotfix to remove'],
      JSON_FLAG,
    ],
    example: 'uplevel hotfix apply --dir /opt/acme-gateway-4.2.0 --lock uplevel.yml HF-1234.zip',
  },
  diff: {
    usage: ['diff      [--lock F] [--from N] --to M --out DIFF.zip [--json]'],
    what: 'Writes only what changed between two levels, for `apply --diff` on an offline target.',
    flags: [
      LOCK,
      ['--from N', 'the level the target is at (default: the lock’s level)'],
      ['--to M', 'the level to reach'],
      ['--out DIFF.zip', 'the diff to write'],
      JSON_FLAG,
    ],
    example: 'uplevel diff --from 3 --to 5 --out gw-3-5.zip',
  },
  export: {
    usage: ['export    [--lock F] [--from N] --to M --out BUNDLE_DIR [--json]'],
    what: 'Writes a signed offline bundle (metadata and payloads) for `apply --bundle`.',
    flags: [
      LOCK,
      ['--from N', 'the lowest level the bundle serves (default: the lock’s level)'],
      ['--to M', 'the highest level'],
      ['--out BUNDLE_DIR', 'the folder to write'],
      JSON_FLAG,
    ],
    example: 'uplevel export --from 3 --to 5 --out gw-bundle/',
  },
  changelog: {
    usage: ['changelog [--lock F] [--from N] [--to M] [--format md|json] [--components]'],
    what: 'Renders the changes between two levels, security first, CVE ids linked.',
    flags: [
      LOCK,
      ['--from N', 'default: the lock’s level'],
      ['--to M', 'default: the latest level'],
      ['--format md|json', 'default: md'],
      ['--components', 'add the jars each level upgrades, adds or removes (reads the packs)'],
    ],
    example: 'uplevel changelog --to 3 --format md',
  },
  demo: {
    usage: ['demo      [--out DIR] [--json]', 'demo      --stage DIR'],
    what: 'The whole flow on the embedded sample, offline; --stage writes only its files.',
    flags: [
      ['--out DIR', 'where the pack, changelog, report and logs go (default: out)'],
      ['--stage DIR', 'an empty folder: DIR/vendor/repo and DIR/team/uplevel.yml at level 0'],
      JSON_FLAG,
    ],
    example: 'uplevel demo --out out',
  },
  adopt: {
    usage: [
      'adopt     --dir INSTALLED [--lock F] [--level N] [--overlay DIR] [--pack ZIP] [--repository URL] [--trust ROOT.json] [--include-binaries] [--report F.json|F.md] [--dry-run] [--json]',
    ],
    what: 'Compares an installed folder with the vendor’s pack at its level: writes the team’s changed and added files as the overlay, and the lock.',
    flags: [
      ['--dir INSTALLED', 'the installed, customised product folder'],
      LOCK,
      ['--level N', 'the level the installation is at (default: from its updates/uplevel.json)'],
      ['--overlay DIR', 'where the overlay goes (default: the lock’s overlay:)'],
      ['--pack ZIP', 'build the vendor’s pack from this GA pack instead of the repository’s'],
      ['--repository URL', 'no lock yet: the repository the new lock names'],
      ['--trust ROOT.json', 'no lock yet: the pinned root the new lock names'],
      ['--include-binaries', 'copy changed jars and binaries too (default: listed only)'],
      ['--report F.json|F.md', 'write the report of what was taken, left and not classified'],
      ['--dry-run', 'say what would be taken, write nothing'],
      JSON_FLAG,
    ],
    example: 'uplevel adopt --dir /opt/acme-gateway-4.2.0 --lock uplevel.yml --overlay deploy/',
  },
  'repo init': {
    usage: [
      'repo init  --dir REPO [--expires DAYS] [--expires-ROLE DAYS] [--threshold ROLE=N,…] [--delegate product]',
    ],
    what: 'Creates a signed repository with fresh keys (in REPO/keys: never serve them).',
    flags: [
      ['--dir REPO', 'the repository folder'],
      ['--expires DAYS', 'one expiry for every role (default: per role, below)'],
      [
        '--expires-ROLE DAYS',
        'per role: --expires-timestamp (default 1), -snapshot (7), -targets (365), -root (365)',
      ],
      ['--threshold ROLE=N,…', 'signatures a role needs (keys made to match); default 1'],
      [
        '--delegate product',
        "each product's targets signed by a role of its own (key in REPO/keys/delegated/): clients fetch only their product's",
      ],
    ],
    example: 'uplevel repo init --dir repo',
  },
  'repo build': {
    usage: [
      'repo build --from A.zip --to B.zip --level N [--base-level B] [--channel C] [--changes CHANGES.yml] [--released ISO] [--includes-hotfixes ID,…] [--hotfix ID] [--json] --out UPDATE.zip',
    ],
    what: 'Builds the update (or, with --hotfix, the hotfix) that turns pack A into pack B.',
    flags: [
      ['--from A.zip', 'the pack at the level below'],
      ['--to B.zip', 'the pack at level N'],
      ['--level N', 'the level this update reaches (the level patched, for a hotfix)'],
      ['--base-level B', 'the level A is at (default N-1; lower to skip a withdrawn level)'],
      ['--channel C', 'default: full'],
      [
        '--changes CHANGES.yml',
        'the changes it carries (id, type, severity, cves, title, description, components)',
      ],
      ['--released ISO', 'its release date (default: now)'],
      ['--includes-hotfixes ID,…', 'hotfixes this level already contains'],
      ['--hotfix ID', 'build a hotfix instead of an update'],
      ['--out UPDATE.zip', 'the zip to write'],
      JSON_FLAG,
    ],
    example:
      'uplevel repo build --from gw-level-0.zip --to gw-level-1.zip --level 1 --changes CHANGES.yml --out update-1.zip',
  },
  'repo add': {
    usage: ['repo add   --dir REPO [--pack GA.zip] [--json] UPDATE.zip...'],
    what: 'Publishes updates (and the GA pack) in the repository and signs new metadata.',
    flags: [
      ['--dir REPO', 'the repository folder'],
      ['--pack GA.zip', 'the GA pack, published once'],
      JSON_FLAG,
    ],
    example: 'uplevel repo add --dir repo --pack gw-level-0.zip update-1.zip',
  },
  'repo withdraw': {
    usage: [
      'repo withdraw --dir REPO --level N [--reason TEXT] [--product P --version V] [--channel C]',
    ],
    what: 'Marks a published level withdrawn in the signed index; clients skip it.',
    flags: [
      ['--dir REPO', 'the repository folder'],
      ['--level N', 'the level to withdraw'],
      ['--reason TEXT', 'shown to clients at that level'],
      ['--product P --version V', 'which product, when the repository holds several'],
      ['--channel C', 'default: full'],
    ],
    example: 'uplevel repo withdraw --dir repo --level 5 --reason "breaks SSO"',
  },
  'repo refresh': {
    usage: ['repo refresh --dir REPO [--json]'],
    what: 'Re-signs the metadata that expires within half its period (for a scheduled job).',
    flags: [['--dir REPO', 'the repository folder'], JSON_FLAG],
    example: 'uplevel repo refresh --dir repo',
  },
  'repo rotate': {
    usage: ['repo rotate --dir REPO --role root|targets|snapshot|timestamp|PRODUCT'],
    what: 'Gives a role a new key; every moment of the publication verifies.',
    flags: [
      ['--dir REPO', 'the repository folder'],
      ['--role ROLE', "root, targets, snapshot, timestamp, or a product's delegated role"],
    ],
    example: 'uplevel repo rotate --dir repo --role timestamp',
  },
  'repo sign-root': {
    usage: ['repo sign-root --dir REPO [--key ROOT.pem]… [--json]'],
    what: 'Signs the new root version waiting in REPO/pending/ (or a renewal) where the root keys live; publishes it once enough have signed.',
    flags: [
      ['--dir REPO', 'the repository folder (a copy with metadata/root.json and pending/ will do)'],
      [
        '--key ROOT.pem',
        'a root private key (repeat for several); also UPLEVEL_KEY_ROOT, REPO/keys/root*.pem',
      ],
      JSON_FLAG,
    ],
    example: 'uplevel repo sign-root --dir repo --key /media/usb/root.pem',
  },
  'repo delegate': {
    usage: ['repo delegate --dir REPO'],
    what: "Moves an existing repository's targets into one delegated role per product (as repo init --delegate product).",
    flags: [['--dir REPO', 'the repository folder']],
    example: 'uplevel repo delegate --dir repo',
  },
  'repo serve': {
    usage: ['repo serve --dir REPO [--port N]'],
    what: 'Serves the repository’s metadata and targets on 127.0.0.1 until interrupted.',
    flags: [
      ['--dir REPO', 'the repository folder'],
      ['--port N', 'default: 8470 (so a lock’s URL survives restarts)'],
    ],
    example: 'uplevel repo serve --dir repo --port 8080',
  },
};

const ORDER = [
  'check',
  'apply',
  'test',
  'status',
  'revert',
  'recover',
  'hotfix',
  'diff',
  'export',
  'changelog',
  'demo',
  'adopt',
];

/** Every synopsis line, as `uplevel --help` and the README's Commands block show them. */
export function synopses(): string[] {
  const main = ORDER.flatMap((c) => HELP[c]?.usage ?? []);
  const repo = Object.keys(HELP)
    .filter((k) => k.startsWith('repo '))
    .flatMap((k) => HELP[k]?.usage ?? []);
  return [...main, '', ...repo].map((l) => (l ? `uplevel ${l}` : l));
}

export function overview(): string {
  return `uplevel: keep server product packs at the latest vendor update level

${synopses()
  .map((l) => (l ? `  ${l}` : l))
  .join('\n')}

uplevel COMMAND --help (and uplevel repo SUBCOMMAND --help) describes each flag.

Repository credentials: UPLEVEL_TOKEN, or UPLEVEL_USERNAME with UPLEVEL_PASSWORD or
--password-stdin (the password read from standard input).

Exit codes: 0 done, 1 bug, 2 bad input, 3 verification failed, 4 merge conflicts,
5 tests failed, 6 unreachable, 10 updates available (check --exit-code), 130 interrupted.`;
}

export function commandHelp(key: string): string | undefined {
  const h = HELP[key];
  if (!h) return undefined;
  const width = Math.max(...h.flags.map(([f]) => f.length));
  return [
    ...h.usage.map(
      (u, i) => `${i === 0 ? 'usage: ' : '       '}uplevel ${u.replace(/ {2,}/g, ' ')}`,
    ),
    '',
    h.what,
    '',
    ...h.flags.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`),
    '',
    `example: ${h.example}`,
  ].join('\n');
}
