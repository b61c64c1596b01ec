/**
 * Which update tool a pack belongs to, from the files it carries (WSO2's "Finding the update
 * tool": updates/config.json is Updates 2.0, updates/config.yaml the older in-place tool,
 * neither — with updates/wum/ — WUM). Pure: the caller reads the pack or folder.
 */

export type UpdateModel =
  | {
      kind: 'wso2-u2';
      /** The tool in bin/ for this platform, if the pack carries it. */
      tool?: string;
      /** From updates/config.json "update-level"; undefined below 0 (never updated). */
      level?: number;
      product?: string;
      note: string;
    }
  | { kind: 'wso2-in-place'; tool?: string; product?: string; note: string }
  | { kind: 'wso2-wum'; product?: string; note: string }
  | { kind: 'none'; note: string };

export interface PackFiles {
  has(path: string): boolean;
  /** Text of a small file, or undefined when absent. */
  text(path: string): string | undefined;
}

export const U2_STATE = 'updates/config.json';
export const IN_PLACE_STATE = 'updates/config.yaml';

/** The Updates 2.0 tool's name in bin/ for a Node platform and architecture. */
export function u2ToolName(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'wso2update_windows.exe';
  const os = platform === 'darwin' ? 'darwin' : 'linux';
  // Arm builds carry an _arm64 suffix in newer tool releases (unconfirmed; see docs/wso2.md).
  return arch === 'arm64' ? `wso2update_${os}_arm64` : `wso2update_${os}`;
}

export function detectUpdateModel(
  files: PackFiles,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): UpdateModel {
  const product = files.text('updates/product.txt')?.trim() || undefined;
  const withProduct = <T extends object>(m: T) => (product ? { ...m, product } : m);
  if (files.has(U2_STATE)) {
    const level = u2Level(files.text(U2_STATE));
    const names = [u2ToolName(platform, arch), u2ToolName(platform, 'x64')];
    const tool = names.map((n) => `bin/${n}`).find((p) => files.has(p));
    const note = tool
      ? `WSO2 Updates 2.0 pack: ${tool} updates it (source: wso2)`
      : files.has('bin/update_tool_setup.sh')
        ? 'WSO2 Updates 2.0 pack: the tool is not bundled; bin/update_tool_setup.sh fetches it'
        : 'WSO2 Updates 2.0 pack: the update tool is missing from bin/';
    return withProduct({
      kind: 'wso2-u2' as const,
      ...(tool ? { tool } : {}),
      ...(level !== undefined ? { level } : {}),
      note,
    });
  }
  if (files.has(IN_PLACE_STATE)) {
    const tool = ['bin/update_linux', 'bin/update_darwin', 'bin/update_windows.exe'].find((p) =>
      files.has(p),
    );
    return withProduct({
      kind: 'wso2-in-place' as const,
      ...(tool ? { tool } : {}),
      note: 'WSO2 in-place update tool pack (decommissioned 7 March 2023): move to Updates 2.0',
    });
  }
  if (files.has('updates/wum')) {
    return withProduct({
      kind: 'wso2-wum' as const,
      note: 'WSO2 WUM pack (decommissioned 7 March 2023): move to Updates 2.0',
    });
  }
  return { kind: 'none', note: 'no vendor update tool state' };
}

/** "update-level" of updates/config.json: an integer; below 0 means never updated. */
export function u2Level(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    const v = (JSON.parse(text) as Record<string, unknown>)['update-level'];
    const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
  } catch {
    return undefined;
  }
}
