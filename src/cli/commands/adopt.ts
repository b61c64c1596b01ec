import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePackState } from '../../core/documents.ts';
import { badInput } from '../../core/errors.ts';
import { parseLock } from '../../core/lock.ts';
import { PACK_STATE_PATH, type Lock } from '../../core/types.ts';
import { adopt, type AdoptReport } from '../../pipeline/adopt/adopt.ts';
import { newLockText } from '../../pipeline/adopt/lock-file.ts';
import { writeFileAtomic } from '../../pipeline/overlay.ts';
import { DEFAULT_LOCK, loadLock, lockRoot } from '../../pipeline/load-lock.ts';
import { intFlag, parse, required } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function adoptCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('adopt', argv, {
    dir: { type: 'string' },
    lock: { type: 'string' },
    level: { type: 'string' },
    overlay: { type: 'string' },
    pack: { type: 'string' },
    repository: { type: 'string' },
    trust: { type: 'string' },
    'include-binaries': { type: 'boolean' },
    report: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const lockFile = path.resolve((values.lock as string | undefined) ?? DEFAULT_LOCK);
  const lockExists = existsSync(lockFile);
  const lock = lockExists ? await loadLock(lockFile) : await lockFromFlags(lockFile, dir, values);
  const overlayFlag = values.overlay as string | undefined;
  const overlay = overlayFlag ? path.resolve(overlayFlag) : lock.overlay;
  if (!overlay) throw badInput('adopt needs --overlay DIR (the lock names no overlay)');
  const level = intFlag('level', values.level as string | undefined);
  const reportFile = values.report ? path.resolve(values.report as string) : undefined;
  if (reportFile) await assertReportPath(reportFile);
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  let report: AdoptReport;
  try {
    report = await adopt({
      dir,
      lock,
      lockExists,
      ...(level === undefined ? {} : { level }),
      overlay,
      ...(values.pack ? { pack: path.resolve(values.pack as string) } : {}),
      includeBinaries: Boolean(values['include-binaries']),
      dryRun: Boolean(values['dry-run']),
      reporter,
      env: ctx.env,
    });
  } finally {
    reporter.end();
  }
  if (reportFile) await writeReport(reportFile, report);
  if (values.json) ctx.printJson(report);
  else printAdopt(report, ctx);
  return 0;
}

/** No lock yet: one is written from the installation's state and --repository/--trust. */
async function lockFromFlags(
  lockFile: string,
  dir: string,
  values: Record<string, unknown>,
): Promise<Lock> {
  if (!values.repository || !values.trust)
    throw badInput(
      `${lockFile}: lock file not found; give --lock FILE, or --repository URL and --trust ROOT.json to write one`,
    );
  const stateFile = path.join(dir, PACK_STATE_PATH);
  if (!existsSync(stateFile))
    throw badInput(
      `--dir ${dir}: has no ${PACK_STATE_PATH} naming its product; give a --lock that does`,
    );
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(stateFile, 'utf8'));
  } catch {
    throw badInput(`${stateFile}: is not valid JSON`);
  }
  const state = parsePackState(json, stateFile);
  const draft = {
    file: lockFile,
    product: state.product,
    version: state.version,
    channel: state.channel,
    source: 'tuf',
    repository: resolveLike(values.repository as string),
    trust: path.resolve(values.trust as string),
    hotfixes: [],
  } as unknown as Lock;
  // Round-trip through the parser, so a new lock is checked like any other.
  const root = await lockRoot(path.dirname(lockFile));
  return parseLock(newLockText(draft, state.level, path.dirname(lockFile)), lockFile, root);
}

const resolveLike = (r: string) => (/^[a-z][a-z0-9+.-]+:\/\//i.test(r) ? r : path.resolve(r));

/** Checked before adopt writes the overlay and the lock, so a bad path fails first. */
async function assertReportPath(file: string): Promise<void> {
  const st = await fs.stat(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    if (e.code === 'ENOTDIR') throw badInput(`--report ${file}: a folder above it is a file`);
    throw e;
  });
  if (st?.isDirectory()) throw badInput(`--report ${file}: is a folder; name a .md or .json file`);
}

async function writeReport(file: string, report: AdoptReport): Promise<void> {
  const md = file.endsWith('.md');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, md ? adoptMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`);
}

export function adoptMarkdown(r: AdoptReport): string {
  const lines = [
    `# Adopted ${r.product} ${r.version} (${r.channel}) at level ${r.level}`,
    '',
    `From \`${r.dir}\` into the overlay \`${r.overlay}\`; ${r.unchanged} file(s) as the vendor shipped them.`,
    '',
  ];
  const section = (title: string, rows: string[]) => {
    lines.push(`## ${title} (${rows.length})`, '');
    lines.push(...(rows.length ? rows : ['none']), '');
  };
  section(
    'Taken',
    r.taken.map((t) => `- \`${t.path}\` (${t.why})`),
  );
  section(
    'Not classified, not taken',
    r.unclassified.map((t) => `- \`${t.path}\`: ${t.why}`),
  );
  section(
    'Left out',
    r.left.map((t) => `- \`${t.path}\`: ${t.why}`),
  );
  section(
    'Vendor files missing from the installation',
    r.missing.map((p) => `- \`${p}\``),
  );
  return lines.join('\n');
}

function printAdopt(r: AdoptReport, ctx: CommandContext): void {
  const head = r.dryRun ? 'Would adopt' : 'Adopted';
  ctx.print(`${head} ${r.product} ${r.version} (${r.channel}) level ${r.level} from ${r.dir}`);
  ctx.print(
    `  ${r.taken.length} taken, ${r.unclassified.length} not classified, ${r.left.length} left out, ${r.unchanged} unchanged, ${r.missing.length} missing`,
  );
  for (const t of r.taken) ctx.print(`  + ${t.path} (${t.why})`);
  for (const t of r.unclassified) ctx.print(`  ? ${t.path}: ${t.why}`);
  for (const t of r.left) ctx.print(`  - ${t.path}: ${t.why}`);
  for (const p of r.missing) ctx.print(`  ! ${p}: shipped by the vendor, missing here`);
  if (!r.dryRun) ctx.print(`  wrote ${r.overlay} and ${r.lock}`);
}
