/**
 * Which pack files are text configuration, whose previous content a payload carries as the
 * merge base. The rule: configuration formats anywhere in the pack, and any text-like file
 * under a conf/ folder or bin/ (start scripts are routinely customised); never archives or
 * class files.
 */
const CONFIG_EXTENSIONS = new Set([
  '.toml',
  '.xml',
  '.yaml',
  '.yml',
  '.properties',
  '.conf',
  '.cfg',
  '.ini',
  '.json',
  '.j2',
  '.policy',
  '.jks.txt',
]);
const TEXT_EXTENSIONS = new Set([
  ...CONFIG_EXTENSIONS,
  '.sh',
  '.bat',
  '.cmd',
  '.ps1',
  '.txt',
  '.vm',
  '.xsd',
  '.wsdl',
  '.sql',
  '.env',
  '',
]);
const BINARY_EXTENSIONS = new Set([
  '.jar',
  '.war',
  '.zip',
  '.class',
  '.so',
  '.dll',
  '.exe',
  '.jks',
  '.p12',
  '.png',
  '.gif',
  '.jpg',
  '.ico',
  '.gz',
  '.tar',
]);

function extension(p: string): string {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function isConfigFile(p: string): boolean {
  const ext = extension(p);
  if (BINARY_EXTENSIONS.has(ext)) return false;
  if (CONFIG_EXTENSIONS.has(ext)) return true;
  const inConf = /(^|\/)conf\//.test(p) || p.startsWith('bin/');
  return inConf && TEXT_EXTENSIONS.has(ext);
}
