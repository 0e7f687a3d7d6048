import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';

describe('helm', () => {
  it('reports a v3 version', async () => {
    const { stdout } = await execa(tool('helm'), ['version', '--short']);
    expect(stdout).toMatch(/^v3\./);
  });
});

describe('actionlint', () => {
  it('passes a valid workflow and rejects a broken one with its line', async () => {
    const dir = await tempDir('actionlint');
    onTestFinished(() => dir.remove());
    const good = join(dir.path, 'good.yml');
    const bad = join(dir.path, 'bad.yml');
    await writeFile(
      good,
      'on: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n',
    );
    await writeFile(
      bad,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression with a typo, on purpose
      'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ githb.sha }}\n',
    );
    const ok = await execa(tool('actionlint'), ['-no-color', good], { reject: false });
    expect(ok.exitCode, ok.stdout).toBe(0);
    const broken = await execa(tool('actionlint'), ['-no-color', bad], { reject: false });
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toMatch(/bad\.yml:6:.*githb/);
  });
});

describe('node 24 (the runtime GitHub runs our actions on)', () => {
  it('runs', async () => {
    const { stdout } = await execa(tool('node24'), ['--version']);
    expect(stdout).toMatch(/^v24\./);
  });
});
