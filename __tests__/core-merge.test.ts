import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isText, mergeFile, mergeText, splitLines } from '../src/core/merge.ts';
import { configText } from './helpers/packs.ts';

const B = (s: string) => Buffer.from(s);

describe('mergeText', () => {
  test('edits in different places merge cleanly: customer line 2, vendor line 40 and an appended line', () => {
    const base = configText(50);
    const ours = configText(50, { 2: 'setting.2 = customer' });
    const theirs = configText(50, { 40: 'setting.40 = vendor' }, ['new.setting = 1']);
    const m = mergeText(base, ours, theirs);
    assert.equal(m.clean, true);
    assert.equal(
      m.text,
      configText(50, { 2: 'setting.2 = customer', 40: 'setting.40 = vendor' }, ['new.setting = 1']),
    );
  });

  test('edits to the same line conflict, with markers showing both sides and the base', () => {
    const m = mergeText('a\nb\nc\n', 'a\nB-ours\nc\n', 'a\nB-theirs\nc\n');
    assert.equal(m.clean, false);
    assert.equal(
      m.text,
      'a\n<<<<<<< ours\nB-ours\n||||||| base\nb\n=======\nB-theirs\n>>>>>>> theirs\nc\n',
    );
  });

  test('keeps CRLF line endings and a missing final newline', () => {
    const base = 'a = 1\r\nb = 2\r\nc = 3';
    const m = mergeText(base, 'a = 9\r\nb = 2\r\nc = 3', 'a = 1\r\nb = 2\r\nc = 4');
    assert.deepEqual(m, { clean: true, text: 'a = 9\r\nb = 2\r\nc = 4' });
  });

  test('the same change on both sides is not a conflict', () => {
    assert.deepEqual(mergeText('a\nb\n', 'a\nx\n', 'a\nx\n'), { clean: true, text: 'a\nx\n' });
  });

  test('splitLines keeps every character', () => {
    for (const s of ['', 'a', 'a\n', 'a\r\nb', '\n\n', 'x\ny\nz'])
      assert.equal(splitLines(s).join(''), s);
  });
});

describe('mergeFile outcomes', () => {
  const base = B('a\nb\nc\n');
  test('vendor unchanged keeps ours; team unchanged takes theirs; both same is identical', () => {
    assert.equal(mergeFile(base, B('a\nX\nc\n'), base).outcome, 'unchanged');
    const t = mergeFile(base, base, B('a\nb\nc\nd\n'));
    assert.equal(t.outcome, 'taken-theirs');
    assert.equal(mergeFile(base, B('z\n'), B('z\n')).outcome, 'identical');
  });
  test('clean merge, conflict, binary conflict', () => {
    const m = mergeFile(base, B('A\nb\nc\n'), B('a\nb\nC\n'));
    assert.equal(m.outcome, 'merged');
    assert.equal(m.outcome === 'merged' && m.content.toString(), 'A\nb\nC\n');
    assert.equal(mergeFile(base, B('a\nX\nc\n'), B('a\nY\nc\n')).outcome, 'conflict');
    assert.equal(mergeFile(B('\0bin1'), B('\0bin2'), B('\0bin3')).outcome, 'binary-conflict');
  });
  test('files the vendor removed or added', () => {
    assert.equal(mergeFile(base, base, undefined).outcome, 'removed-upstream');
    assert.equal(mergeFile(base, B('edited\n'), undefined).outcome, 'removed-upstream-conflict');
    assert.equal(mergeFile(undefined, B('mine\n'), B('theirs\n')).outcome, 'added-both');
    assert.equal(mergeFile(undefined, B('same\n'), B('same\n')).outcome, 'identical');
  });
  test('isText', () => {
    assert.equal(isText(B('plain\n')), true);
    assert.equal(isText(B('a\0b')), false);
    assert.equal(isText(Buffer.from([0xc3, 0x28])), false);
  });
});
