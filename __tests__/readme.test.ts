/**
 * The README against the CLI: every `uplevel` command its shell blocks show uses only flags
 * that command's --help lists, and the vendor's publishing block runs as written.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { CLI, ROOT, runCli } from './helpers/cli.ts';
import { writePack } from './helpers/packs.ts';

const exec = promisify(execFile);

async function readmeBlocks(lang: string): Promise<string[]> {
  const text = await fs.readFile(path.join(ROOT, 'README.md'), 'utf8');
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map(
    (m) => m[1] as string,
  );
}

/** Shell lines of a block: continuations joined, comments dropped. */
function lines(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

describe('README', () => {
  test('every uplevel command in its shell blocks uses flags its --help lists', async () => {
    const commands = (await readmeBlocks('sh'))
      .flatMap(lines)
      .filter((l) => l.startsWith('uplevel '));
    assert.ok(commands.length >= 10, `found ${commands.length}`);
    for (const line of commands) {
      const words = line.split(/\s+/).slice(1);
      const key =
        words[0] === 'repo' || words[0] === 'hotfix' ? words.slice(0, 2) : words.slice(0, 1);
      const help = await runCli([...key, '--help']);
      assert.equal(help.code, 0, `${line}: ${help.stderr}`);
      for (const flag of words.filter((w) => w.startsWith('--') && w !== '--help')) {
        assert.ok(
          help.stdout.includes(flag),
          `${line}: ${flag} is not in uplevel ${key.join(' ')} --help`,
        );
      }
    }
  });

  test('the vendor block runs as written: init, build, add, serve', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-readme-'));
    try {
      const bin = path.join(work, 'bin');
      await fs.mkdir(bin);
      await fs.writeFile(
        path.join(bin, 'uplevel'),
        `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`,
        { mode: 0o755 },
      );
      await writePack(path.join(work, 'gw-level-0.zip'), 'gw-4.2.0', {
        'conf/a.properties': 'a = 1\n',
      });
      await writePack(path.join(work, 'gw-level-1.zip'), 'gw-4.2.0', {
        'conf/a.properties': 'a = 2\n',
      });
      const [changes] = await readmeBlocks('yaml').then((b) =>
        b.filter((x) => x.startsWith('- id:')),
      );
      await fs.writeFile(path.join(work, 'CHANGES.yml'), changes as string);
      const block = (await readmeBlocks('sh')).find((b) => b.includes('uplevel repo init'));
      const steps = lines(block as string);
      const serve = steps.pop() as string;
      assert.match(serve, /^uplevel repo serve /);
      const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
      await exec('sh', ['-ec', steps.join('\n')], { cwd: work, env });
      const [cmd, ...args] = serve.split(/\s+/);
      const server = spawn(path.join(bin, cmd as string), args, { cwd: work, env });
      try {
        const url = await new Promise<string>((resolve) =>
          server.stdout.once('data', (d) => resolve(String(d).trim())),
        );
        const status = await new Promise<number>((resolve, reject) =>
          http
            .get(`${url}/metadata/1.root.json`, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            })
            .on('error', reject),
        );
        assert.equal(status, 200);
      } finally {
        server.kill('SIGTERM');
      }
      // What the README tells the vendor to hand teams exists.
      await fs.access(path.join(work, 'repo', 'metadata', '1.root.json'));
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });
});
