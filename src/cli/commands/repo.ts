import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseChangesYaml } from '../../core/documents.ts';
import { badInput } from '../../core/errors.ts';
import { DEFAULT_CHANNEL, type Change } from '../../core/types.ts';
import { addToRepository } from '../../repo/add-to-repository.ts';
import { buildUpdate } from '../../repo/build-update.ts';
import { withdrawLevel } from '../../repo/withdraw.ts';
import { checkServable, DEFAULT_PORT, serveDirectory } from '../../repo/serve.ts';
import {
  delegateRepository,
  initRepository,
  refreshRepository,
  rotateDelegatedKey,
  rotateKey,
  type Expiries,
} from '../../repo/tuf/index.ts';
import type { RoleName } from '../../repo/tuf/keys.ts';
import { pendingRootPath, signRoot } from '../../repo/tuf/sign-root.ts';
import { intFlag, parse, required } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function repoCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'init':
      return init(rest, ctx);
    case 'build':
      return build(rest, ctx);
    case 'add':
      return add(rest, ctx);
    case 'serve':
      return serve(rest, ctx);
    case 'refresh':
      return refresh(rest, ctx);
    case 'withdraw':
      return withdraw(rest, ctx);
    case 'rotate':
      return rotate(rest, ctx);
    case 'sign-root':
      return signRootCommand(rest, ctx);
    case 'delegate':
      return delegate(rest, ctx);
    default:
      throw badInput(
        `uplevel repo: unknown subcommand "${sub ?? ''}" (init, build, add, withdraw, refresh, rotate, sign-root, delegate, serve)`,
      );
  }
}

const ROLE_NAMES: RoleName[] = ['root', 'targets', 'snapshot', 'timestamp'];

/** `--expires DAYS` (every role) then `--expires-ROLE DAYS` for one role. */
function expiresFlags(values: Record<string, unknown>): Partial<Expiries> {
  const all = intFlag('expires', values.expires as string | undefined);
  const out: Partial<Expiries> = {};
  for (const role of ROLE_NAMES) {
    const one = intFlag(`expires-${role}`, values[`expires-${role}`] as string | undefined);
    const days = one ?? all;
    if (days !== undefined) out[role] = days;
  }
  return out;
}

/** `--threshold root=2,targets=2`: that many keys for the role, all needed to sign. */
function thresholdFlag(value: string | undefined): Partial<Record<RoleName, number>> {
  const out: Partial<Record<RoleName, number>> = {};
  for (const part of (value ?? '').split(',').filter(Boolean)) {
    const m = /^(root|targets|snapshot|timestamp)=([1-9]\d?)$/.exec(part.trim());
    if (!m) throw badInput(`--threshold: "${part}" is not ROLE=N (N from 1 to 99)`);
    out[m[1] as RoleName] = Number(m[2]);
  }
  return out;
}

async function init(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo init', argv, {
    dir: { type: 'string' },
    expires: { type: 'string' },
    ...Object.fromEntries(ROLE_NAMES.map((r) => [`expires-${r}`, { type: 'string' as const }])),
    threshold: { type: 'string' },
    delegate: { type: 'string' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const delegate = values.delegate as string | undefined;
  if (delegate !== undefined && delegate !== 'product')
    throw badInput(`--delegate: "${delegate}" is not a delegation; the one there is: product`);
  const { rootPath } = await initRepository({
    dir,
    expires: expiresFlags(values),
    threshold: thresholdFlag(values.threshold as string | undefined),
    ...(delegate ? { delegate } : {}),
  });
  ctx.print(`Initialised ${dir}`);
  ctx.print(`  trust anchor (pin it in uplevel.yml as trust:): ${rootPath}`);
  ctx.print(`  private keys: ${path.join(dir, 'keys')} (never serve or commit them)`);
  return 0;
}

async function build(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo build', argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    level: { type: 'string' },
    channel: { type: 'string' },
    changes: { type: 'string' },
    released: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'includes-hotfixes': { type: 'string' },
    hotfix: { type: 'string' },
    'base-level': { type: 'string' },
  });
  const level = intFlag('level', required('level', values.level as string | undefined)) as number;
  const baseLevel = intFlag('base-level', values['base-level'] as string | undefined);
  let changes: Change[] = [];
  if (values.changes) {
    const file = path.resolve(values.changes as string);
    const text = await fs.readFile(file, 'utf8').catch(() => {
      throw badInput(`--changes ${file}: cannot read the file`);
    });
    changes = parseChangesYaml(text, file);
  }
  let released = new Date();
  if (values.released) {
    released = new Date(values.released as string);
    if (Number.isNaN(released.getTime()))
      throw badInput(`--released must be an ISO date (got "${values.released}")`);
  }
  released.setUTCMilliseconds(0);
  const manifest = await buildUpdate({
    from: path.resolve(required('from', values.from as string | undefined)),
    to: path.resolve(required('to', values.to as string | undefined)),
    level,
    channel: (values.channel as string | undefined) ?? DEFAULT_CHANNEL,
    changes,
    released,
    out: path.resolve(required('out', values.out as string | undefined)),
    ...(values['includes-hotfixes']
      ? {
          includesHotfixes: (values['includes-hotfixes'] as string)
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        }
      : {}),
    ...(values.hotfix ? { hotfixId: values.hotfix as string } : {}),
    ...(baseLevel !== undefined ? { baseLevel } : {}),
  });
  const { added, modified, removed } = manifest.files;
  if (values.json) ctx.printJson({ out: path.resolve(values.out as string), manifest });
  else {
    ctx.print(
      `Built level ${level} of ${manifest.product} ${manifest.version} (${manifest.channel}): ${values.out}`,
    );
    ctx.print(
      `  ${added.length} added, ${modified.length} modified, ${removed.length} removed, ${changes.length} change(s)`,
    );
  }
  return 0;
}

async function add(argv: string[], ctx: CommandContext) {
  const { values, positionals } = parse(
    'repo add',
    argv,
    { dir: { type: 'string' }, pack: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const result = await addToRepository({
    dir,
    ...(values.pack ? { pack: path.resolve(values.pack as string) } : {}),
    updates: positionals.map((p) => path.resolve(p)),
  });
  if (values.json) ctx.printJson(result);
  else {
    for (const t of result.published) ctx.print(`published ${t}`);
    for (const t of result.unchanged) ctx.print(`unchanged ${t}`);
  }
  return 0;
}

async function withdraw(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo withdraw', argv, {
    dir: { type: 'string' },
    level: { type: 'string' },
    reason: { type: 'string' },
    product: { type: 'string' },
    version: { type: 'string' },
    channel: { type: 'string' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const level = intFlag('level', required('level', values.level as string | undefined)) as number;
  const r = await withdrawLevel({
    dir,
    level,
    ...(values.reason ? { reason: values.reason as string } : {}),
    ...(values.product ? { product: values.product as string } : {}),
    ...(values.version ? { version: values.version as string } : {}),
    ...(values.channel ? { channel: values.channel as string } : {}),
  });
  ctx.print(
    r.already
      ? `level ${level} of ${r.product} ${r.version} (${r.channel}) was already withdrawn`
      : `withdrew level ${level} of ${r.product} ${r.version} (${r.channel}); publish level ${level + 1} with repo build --base-level ${r.base}`,
  );
  return 0;
}

async function rotate(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo rotate', argv, {
    dir: { type: 'string' },
    role: { type: 'string' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const role = required('role', values.role as string | undefined);
  if (!(ROLE_NAMES as string[]).includes(role)) {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(role))
      throw badInput(`--role must be one of ${ROLE_NAMES.join(', ')} (got "${role}")`);
    await rotateDelegatedKey(dir, role);
    ctx.print(`rotated the ${role} key (keys/delegated/${role}.pem); root unchanged`);
    ctx.print(`  old key: ${path.join(dir, 'keys', 'retired')} (destroy it once uploaded)`);
    return 0;
  }
  const { rootVersion, pending } = await rotateKey(dir, role as RoleName);
  if (pending) {
    ctx.print(`rotated the ${role} keys; root version ${rootVersion} waits for the root keys:`);
    ctx.print(`  ${pendingRootPath(dir)}: run uplevel repo sign-root where they live`);
    ctx.print(`  old keys: ${path.join(dir, 'keys', 'retired')} (still signing until then)`);
    return 0;
  }
  ctx.print(`rotated the ${role} keys; root is now version ${rootVersion}`);
  ctx.print(`  old keys: ${path.join(dir, 'keys', 'retired')} (destroy them once uploaded)`);
  return 0;
}

async function delegate(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo delegate', argv, { dir: { type: 'string' } });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  if (await delegateRepository(dir))
    ctx.print(`each product's targets are now signed by its own role (keys/delegated/)`);
  else ctx.print('already delegating per product; nothing changed');
  return 0;
}

async function signRootCommand(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo sign-root', argv, {
    dir: { type: 'string' },
    key: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const r = await signRoot(dir, { keyFiles: (values.key as string[] | undefined) ?? [] });
  if (values.json) ctx.printJson(r);
  else if (r.published) ctx.print(`published root version ${r.version}`);
  else
    ctx.print(
      `root version ${r.version}: ${r.current.have} of ${r.current.need} signatures of the published root's keys, ${r.next.have} of ${r.next.need} of its own; ${pendingRootPath(dir)} waits for the other root keys`,
    );
  return 0;
}

async function refresh(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo refresh', argv, {
    dir: { type: 'string' },
    json: { type: 'boolean' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const result = await refreshRepository(dir);
  if (values.json) ctx.printJson(result);
  else if (result.resigned.length === 0) ctx.print('nothing expires soon; nothing re-signed');
  else ctx.print(`re-signed ${result.resigned.join(', ')}`);
  return 0;
}

async function serve(argv: string[], ctx: CommandContext) {
  const { values } = parse('repo serve', argv, {
    dir: { type: 'string' },
    port: { type: 'string' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const port = intFlag('port', values.port as string | undefined) ?? DEFAULT_PORT;
  await checkServable(dir);
  const server = await serveDirectory(dir, { port });
  ctx.print(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
