// Bundles the CLI (and later the action) into dist/ as self-contained ESM files.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const banner = {
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  js: "import { createRequire as __uplevelCreateRequire } from 'node:module'; const require = __uplevelCreateRequire(import.meta.url);",
};

await build({
  entryPoints: { cli: 'src/cli/main.ts', action: 'src/action/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __UPLEVEL_VERSION__: JSON.stringify(pkg.version) },
});
