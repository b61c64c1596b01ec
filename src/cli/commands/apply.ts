import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { apply, type ApplyReport } from '../../pipeline/apply.ts';
import { applyDiff } from '../../pipeline/in-place/apply-diff.ts';
import { readBundleInfo } from '../../pipeline/export.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { outcomeText } from '../../core/structured-merge/index.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function applyCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('apply', argv, {
    lock: { type: 'string' },
    level: { type: 'string' },
    out: { type: 'string' },
    dir: { type: 'string' },
    pack: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'no-lock-update': { type: 'boolean' },
    'no-sbom': { type: 'boolean' },
    bundle: { type: 'string' },
    diff: { type: 'string' },
    keep: { type: 'string', multiple: true },
  });
  if (values.diff) return applyDiffCommand(values, ctx);
  let lock = await loadLock(values.lock as string | undefined);
  let levelFlag = (values.level as string | undefined) ?? 'latest';
  let bundleFrom: number | undefined;
  if (values.bundle) {
    // Offline: the bundle is the repository, verified against the same pinned trust anchor.
    const dir = path.resolve(values.bundle as string);
    const info = await readBundleInfo(dir);
    if (
      info.product !== lock.product ||
      info.version !== lock.version ||
      info.channel !== lock.channel
    ) {
      throw badInput(
        `--bundle ${dir}: holds ${info.product} ${info.version} (${info.channel}), the lock says ${lock.product} ${lock.version} (${lock.channel})`,
      );
    }
    if (levelFlag === 'latest') levelFlag = String(info.to);
    if (Number(levelFlag) > info.to || Number(levelFlag) < info.from) {
      throw badInput(`--level ${levelFlag}: the bundle covers levels ${info.from} to ${info.to}`);
    }
    lock = { ...lock, repository: dir };
    bundleFrom = info.from;
  }
  let level: number | 'latest';
  if (levelFlag === 'latest') level = 'latest';
  else if (/^\d+$/.test(levelFlag)) level = Number(levelFlag);
  else throw badInput(`--level must be a whole number or "latest" (got "${levelFlag}")`);
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  const abs = (p: unknown) => (typeof p === 'string' ? path.resolve(p) : undefined);
  // --out into a folder that does not exist yet: make it, as --dir makes its folder.
  const out = abs(values.out);
  if (out && !values['dry-run']) await fs.mkdir(path.dirname(out), { recursive: true });
  let report: ApplyReport;
  try {
    report = await apply({
      lock,
      level,
      ...(abs(values.out) ? { out: abs(values.out) as string } : {}),
      ...(abs(values.dir) ? { dir: abs(values.dir) as string } : {}),
      ...(abs(values.pack) ? { pack: abs(values.pack) as string } : {}),
      dryRun: Boolean(values['dry-run']),
      updateLock: !values['no-lock-update'],
      ...(values['no-sbom'] ? { inventory: false } : {}),
      ...(bundleFrom !== undefined ? { bundleFrom } : {}),
      ...(values.keep ? { keep: (values.keep as string[]).map((k) => path.resolve(k)) } : {}),
      hints: true,
      reporter,
      env: ctx.env,
    });
  } finally {
    reporter.end();
  }
  // ZIP.sha256 and ZIP.cdx.json are written with the zip (pipeline/zip-output.ts).
  if (values.json) ctx.printJson(report);
  else printReport(report, ctx);
  return report.conflicts.length > 0 ? 4 : 0;
}

function printReport(r: ApplyReport, ctx: CommandContext) {
  const head = r.dryRun ? 'Plan' : 'Applied';
  ctx.print(`${head}: ${r.product} ${r.version} (${r.channel}) level ${r.packLevel} → ${r.level}`);
  for (const l of r.levels) ctx.print(`  level ${l.level}: ${l.changes.length} change(s)`);
  ctx.print(
    `  files: ${r.files.added.length} added, ${r.files.modified.length} modified, ${r.files.removed.length} removed`,
  );
  if (r.dryRun) {
    for (const p of r.files.added) ctx.print(`    + ${p}`);
    for (const p of r.files.modified) ctx.print(`    ~ ${p}`);
    for (const p of r.files.removed) ctx.print(`    - ${p}`);
  }
  for (const o of r.overlay) ctx.print(`  overlay ${o.path}: ${outcomeText(o)}`);
  for (const c of r.conflicts)
    ctx.print(`  CONFLICT ${c.path}${c.files.length ? ` (${c.files.join(', ')})` : ''}`);
  printHotfixes(r.hotfixes, ctx);
  if (r.output)
    ctx.print(
      `  wrote ${r.output.path}${r.output.sha256 ? ` and ${r.output.path}.sha256 (${r.output.sha256})` : ''}`,
    );
  if (r.lockUpdated)
    ctx.print(
      `  lock level set to ${r.level}${r.overlayRewritten.length ? `; overlay updated: ${r.overlayRewritten.join(', ')}` : ''}`,
    );
}

/** apply --diff FILE --dir DIR: offline, no repository involved. */
async function applyDiffCommand(
  values: Record<string, unknown>,
  ctx: CommandContext,
): Promise<number> {
  if (!values.dir)
    throw badInput('apply --diff needs --dir DIR: a folder at the level the diff starts from');
  if (values.out || values.bundle || values.pack || values.level) {
    throw badInput('apply --diff takes --dir only (the diff says its levels)');
  }
  const lock = await loadLock(values.lock as string | undefined);
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await applyDiff({
      lock,
      diff: path.resolve(values.diff as string),
      dir: path.resolve(values.dir as string),
      dryRun: Boolean(values['dry-run']),
      updateLock: !values['no-lock-update'],
      reporter,
      env: ctx.env,
    });
    if (values.json) ctx.printJson(r);
    else {
      ctx.print(
        `${values['dry-run'] ? 'Plan' : 'Applied'}: level ${r.from} → ${r.to} in ${values.dir as string}`,
      );
      for (const m of r.merged) ctx.print(`  ${m.origin} ${m.path}: ${m.outcome}`);
      for (const c of r.conflicts) ctx.print(`  CONFLICT ${c.path}`);
      printHotfixes(r.hotfixes, ctx);
    }
    return r.conflicts.length ? 4 : 0;
  } finally {
    reporter.end();
  }
}

/** The folder's hotfixes after an in-place update: put back on, or dropped as included. */
function printHotfixes(h: ApplyReport['hotfixes'], ctx: CommandContext) {
  if (h?.reapplied.length) ctx.print(`  hotfixes put back: ${h.reapplied.join(', ')}`);
  if (h?.dropped.length)
    ctx.print(`  hotfixes dropped (included in the new level): ${h.dropped.join(', ')}`);
}
