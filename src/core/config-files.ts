/**
 * Which pack files are text configuration, whose previous content an update payload
 * carries as `base/<path>` so a team's edits can be three-way merged. A base costs payload
 * bytes; a missing one turns every customised file into a conflict — so the rule errs
 * towards including:
 *
 * - configuration formats anywhere in the pack (.toml .xml .yaml .yml .properties .conf
 *   .cfg .ini .json .j2 .policy .xsl .xslt);
 * - under a configuration or script folder at any depth (`conf/`, `config/`, `etc/`,
 *   `bin/`, e.g. `repository/conf/`, `wso2/broker/bin/`), also scripts and other text
 *   (.sh .bat .cmd .ps1 .txt .vm .xsd .wsdl .dtd .sql .env .jaas and files without an
 *   extension, like `bin/setenv`);
 * - never archives, classes, native code, keystores or images, wherever they are.
 *
 * Paths are relative to the pack's top folder, '/'-separated. The builder also checks the
 * content is text (`isText`) before shipping a base.
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
  '.xsl',
  '.xslt',
]);
const TEXT_IN_CONFIG_FOLDERS = new Set([
  '.sh',
  '.bat',
  '.cmd',
  '.ps1',
  '.txt',
  '.vm',
  '.xsd',
  '.wsdl',
  '.dtd',
  '.sql',
  '.env',
  '.jaas',
  '',
]);
const CONFIG_FOLDER = /(^|\/)(conf|config|etc|bin)\//i;

/** The last extension, lower-case, with its dot; '' for none (dotfiles have none). */
function extension(p: string): string {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function isConfigFile(p: string): boolean {
  const ext = extension(p);
  if (CONFIG_EXTENSIONS.has(ext)) return true;
  return TEXT_IN_CONFIG_FOLDERS.has(ext) && CONFIG_FOLDER.test(p);
}
