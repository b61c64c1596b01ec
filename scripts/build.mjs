// Bundles the CLI (and later the action) into dist/ as self-contained ESM files.
import { build } from 'esbuild';

const banner = {
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  js: "import { createRequire as __uplevelCreateRequire } from 'node:module'; const require = __uplevelCreateRequire(import.meta.url);",
};

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
