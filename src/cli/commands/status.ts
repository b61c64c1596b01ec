import { badInput } from '../../core/errors.ts';
import { statusOfDir, statusOfPack, type StatusReport } from '../../pipeline/in-place/status.ts';
import { PACK_STATE_PATH } from '../../core/types.ts';
import { WORK_DIR } from '../../pipeline/in-place/journal.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function statusCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('status', argv, {
    dir: { type: 'string' },
    pack: { type: 'string' },
    json: { type: 'boolean' },
  });
  const dir = values.dir as string | undefined;
  const pack = values.pack as string | undefined;
  if (Boolean(dir) === Boolean(pack)) throw badInput('give one of --dir DIR and --pack ZIP');
  const r = dir ? await statusOfDir(dir) : await statusOfPack(pack as string);
  if (dir && !r.managed && r.vendor.kind === 'none') {
    // Nothing says what this folder is: "level 0" would be a guess, and often a wrong one.
    throw badInput(
      `--dir ${dir}: no ${PACK_STATE_PATH} (uplevel writes it) and no vendor update state: not a pack uplevel knows; for a GA pack as shipped use status --pack GA.zip, or apply --dir to take the folder over`,
    );
  }
  if (values.json) ctx.printJson(r);
  else print(r, ctx);
  return 0;
}

function print(r: StatusReport, ctx: CommandContext) {
  const v = r.vendor;
  const vendorLine =
    v.kind === 'none'
      ? undefined
      : `  vendor: ${v.note}${v.kind === 'wso2-u2' ? `; update level ${v.level ?? 'none yet'}` : ''}${v.product ? ` (${v.product})` : ''}`;
  if (!r.managed) {
    ctx.print(
      v.kind === 'wso2-u2' && v.level !== undefined
        ? `${r.name}: WSO2 update level ${v.level} (not written by uplevel)`
        : `${r.name}: level 0 (GA as shipped; no ${'updates/uplevel.json'})`,
    );
    if (vendorLine) ctx.print(vendorLine);
    return;
  }
  ctx.print(`${r.product} ${r.version} (${r.channel}): level ${r.level}`);
  if (r.running !== undefined)
    ctx.print(`  in progress: uplevel (pid ${r.running}) is working on this folder now`);
  else if (r.leftover) ctx.print(`  ${leftoverLine(r)}`);
  if (vendorLine) ctx.print(vendorLine);
  for (const u of r.updates)
    ctx.print(`  update level ${u.level} (payload sha256 ${u.sha256.slice(0, 12)}…)`);
  for (const h of r.hotfixes) ctx.print(`  hotfix ${h.id}`);
  // Not the vendor's files of the level: the hotfix's (removed by hotfix remove, byte for byte).
  for (const [p, id] of Object.entries(r.hotfixFiles ?? {})) ctx.print(`  hotfix   ${p} (${id})`);
  if (r.edits) {
    const { modified, missing, added } = r.edits;
    if (!modified.length && !missing.length && !added.length) ctx.print('  no local edits');
    for (const p of modified) ctx.print(`  edited   ${p}`);
    for (const p of missing) ctx.print(`  missing  ${p}`);
    for (const p of added) ctx.print(`  added    ${p}`);
  }
}

/** An interrupted run's leftovers: what they are and the one command that settles them. */
function leftoverLine(r: StatusReport): string {
  const what = r.leftover?.journal
    ? `a committed change not yet finished (${WORK_DIR}/journal.json)`
    : r.leftover?.staging
      ? `a staging folder (${WORK_DIR}/staging) from a run that was interrupted`
      : `hotfixes taken off and not yet put back (${WORK_DIR}/hotfixes-due.json)`;
  return `interrupted: ${what}; run uplevel recover --dir ${r.source.path}`;
}
