import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isText, mergeFile, mergeText, splitLines } from '../src/core/merge.ts';
import { configText } from './helpers/packs.ts';

const B = (s: string) => Buffer.from(s);
const RUNS = Number(process.env.UPLEVEL_FUZZ_RUNS ?? 300);

describe('mergeText', () => {
  test('customer line 2, vendor line 40 and appended lines: merged cleanly', () => {
    const base = configText(50);
    const ours = configText(50, { 2: 'setting.2 = customer' });
    const theirs = configText(50, { 40: 'setting.40 = vendor' }, ['new.a = 1', 'new.b = 2']);
    assert.deepEqual(mergeText(base, ours, theirs), {
      clean: true,
      text: configText(50, { 2: 'setting.2 = customer', 40: 'setting.40 = vendor' }, [
        'new.a = 1',
        'new.b = 2',
      ]),
    });
  });

  test('edits separated by one unchanged line merge; deletions and insertions too', () => {
    const base = 'a\nb\nc\nd\ne\n';
    assert.deepEqual(mergeText(base, 'a\nB\nc\nd\ne\n', 'a\nb\nc\nD\ne\n'), {
      clean: true,
      text: 'a\nB\nc\nD\ne\n',
    });
    assert.deepEqual(mergeText(base, 'b\nc\nd\ne\n', 'a\nb\nc\nd\ne\nf\n'), {
      clean: true,
      text: 'b\nc\nd\ne\nf\n',
    });
  });

  test('edits to the same line conflict, with markers showing ours, base and theirs', () => {
    const m = mergeText('a\nb\nc\n', 'a\nB-ours\nc\n', 'a\nB-theirs\nc\n');
    assert.deepEqual(m, {
      clean: false,
      conflicts: 1,
      text: 'a\n<<<<<<< ours\nB-ours\n||||||| base\nb\n=======\nB-theirs\n>>>>>>> theirs\nc\n',
    });
  });

  test('edits to adjacent lines conflict (as in git), the rest of the file still merges', () => {
    const base = configText(30);
    const ours = configText(30, { 10: 'mine', 25: 'far away' });
    const theirs = configText(30, { 11: 'vendor' });
    const m = mergeText(base, ours, theirs);
    assert.equal(m.clean, false);
    assert.equal(!m.clean && m.conflicts, 1);
    assert.match(m.text, /<<<<<<< ours\nmine\nsetting\.11 = value-11\n\|\|\|\|\|\|\| base\n/);
    assert.match(m.text, /=======\nsetting\.10 = value-10\nvendor\n>>>>>>> theirs\n/);
    assert.match(m.text, /^far away$/m);
  });

  test('two conflicts are counted separately', () => {
    const m = mergeText('1\n2\n3\n4\n5\n', 'x\n2\n3\n4\ny\n', 'X\n2\n3\n4\nY\n');
    assert.equal(!m.clean && m.conflicts, 2);
  });

  test('both inserting different lines at the same place conflicts', () => {
    const m = mergeText('a\nb\n', 'a\nmine\nb\n', 'a\ntheirs\nb\n');
    assert.equal(
      m.text,
      'a\n<<<<<<< ours\nmine\n||||||| base\n=======\ntheirs\n>>>>>>> theirs\nb\n',
    );
  });

  test('keeps CRLF line endings and a missing final newline', () => {
    const base = 'a = 1\r\nb = 2\r\nc = 3\r\nd = 4';
    const m = mergeText(
      base,
      'a = 9\r\nb = 2\r\nc = 3\r\nd = 4',
      'a = 1\r\nb = 2\r\nc = 3\r\nd = 5',
    );
    assert.deepEqual(m, { clean: true, text: 'a = 9\r\nb = 2\r\nc = 3\r\nd = 5' });
    const lf = mergeText('a\nb\nc', 'A\nb\nc', 'a\nb\nC');
    assert.deepEqual(lf, { clean: true, text: 'A\nb\nC' });
  });

  test('a final newline added by one side is kept', () => {
    assert.deepEqual(mergeText('a\nb\nc', 'A\nb\nc', 'a\nb\nc\n'), {
      clean: true,
      text: 'A\nb\nc\n',
    });
  });

  test('conflict markers in a CRLF file end in CRLF; an unterminated last line is terminated', () => {
    const m = mergeText('a\r\nb', 'a\r\nX', 'a\r\nY');
    assert.equal(
      m.text,
      'a\r\n<<<<<<< ours\r\nX\r\n||||||| base\r\nb\r\n=======\r\nY\r\n>>>>>>> theirs\r\n',
    );
  });

  test("the team's copy turned CRLF by an editor still merges, and stays CRLF", () => {
    const base = 'a\nb\nc\nd\n';
    const m = mergeText(base, 'A\r\nb\r\nc\r\nd\r\n', 'a\nb\nc\nD\n');
    assert.deepEqual(m, { clean: true, text: 'A\r\nb\r\nc\r\nD\r\n' });
  });

  test('the same change on both sides is not a conflict', () => {
    assert.deepEqual(mergeText('a\nb\nc\n', 'a\nx\nc\n', 'a\nx\nc\n'), {
      clean: true,
      text: 'a\nx\nc\n',
    });
  });

  test(
    'a large file of repeated lines merges (the LCS must not blow up)',
    { timeout: 60_000 },
    () => {
      const xml = (n: number, edit: Record<number, string> = {}) =>
        Array.from(
          { length: n },
          (_, i) =>
            edit[i] ??
            (i % 3 === 0 ? `  <property name="p${i}">\n` : i % 3 === 1 ? '  </property>\n' : '\n'),
        ).join('');
      const m = mergeText(
        xml(30_000),
        xml(30_000, { 3: '  <property name="mine">\n' }),
        xml(30_000, { 29_997: '  <property name="vendor">\n' }),
      );
      assert.deepEqual(m, {
        clean: true,
        text: xml(30_000, {
          3: '  <property name="mine">\n',
          29_997: '  <property name="vendor">\n',
        }),
      });
    },
  );

  test('a file of 200,000 lines merges (no argument-list limits)', () => {
    const base = Array.from({ length: 200_000 }, (_, i) => `k${i} = ${i}\n`).join('');
    assert.deepEqual(mergeText(base, `mine\n${base}`, `${base}vendor\n`), {
      clean: true,
      text: `mine\n${base}vendor\n`,
    });
  });

  test('splitLines keeps every character', () => {
    for (const s of ['', 'a', 'a\n', 'a\r\nb', '\n\n', 'x\ny\nz', '\r'])
      assert.equal(splitLines(s).join(''), s);
    assert.deepEqual(splitLines('a\r\nb'), ['a\r\n', 'b']);
  });
});

describe('mergeText properties', () => {
  const line = fc.constantFrom('a\n', 'b\n', 'c\n', '\n', 'a\r\n', 'x');
  const text = fc.array(line, { maxLength: 25 }).map((l) => l.join(''));

  test('one side unchanged gives the other; the same change on both sides gives it', () => {
    fc.assert(
      fc.property(text, text, (base, other) => {
        assert.deepEqual(mergeText(base, other, base), { clean: true, text: other });
        assert.deepEqual(mergeText(base, base, other), { clean: true, text: other });
        assert.deepEqual(mergeText(base, other, other), { clean: true, text: other });
      }),
      { numRuns: RUNS },
    );
  });

  // Edits at base lines at least two apart (an unchanged line between) always merge to
  // both edits applied.
  type Edit = { kind: 'replace' | 'delete' | 'insert'; side: 'ours' | 'theirs' };
  const edits = fc.array(
    fc.option(
      fc.record({
        kind: fc.constantFrom('replace', 'delete', 'insert'),
        side: fc.constantFrom('ours', 'theirs'),
      }) as fc.Arbitrary<Edit>,
      { freq: 2 },
    ),
    { maxLength: 30 },
  );
  test('edits separated by an unchanged line merge cleanly into both', () => {
    fc.assert(
      fc.property(edits, fc.boolean(), (slots, finalNewline) => {
        const at = new Map<number, Edit>();
        slots.forEach((e, i) => {
          const prev = at.get(i - 1);
          if (e && !(prev && prev.side !== e.side)) at.set(i, e);
        });
        // Without a final newline, deleting the last line also changes the one before it.
        const last = at.get(slots.length - 1);
        if (!finalNewline && last?.kind === 'delete') last.kind = 'replace';
        const baseLines = slots.map((_, i) => `line ${i}`);
        const render = (side: 'ours' | 'theirs' | 'both') => {
          const out: string[] = [];
          baseLines.forEach((l, i) => {
            const e = at.get(i);
            if (!e || (side !== 'both' && e.side !== side)) return void out.push(l);
            if (e.kind === 'replace') out.push(`${e.side} ${i}`);
            if (e.kind === 'insert') out.push(l, `${e.side} new ${i}`);
          });
          const joined = out.join('\n');
          return finalNewline && out.length > 0 ? `${joined}\n` : joined;
        };
        const base =
          finalNewline && baseLines.length ? `${baseLines.join('\n')}\n` : baseLines.join('\n');
        const m = mergeText(base, render('ours'), render('theirs'));
        assert.deepEqual(m, { clean: true, text: render('both') });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mergeFile outcomes', () => {
  const base = B('a\nb\nc\n');
  test('vendor unchanged keeps ours', () => {
    assert.deepEqual(mergeFile(base, B('a\nX\nc\n'), base), {
      outcome: 'unchanged',
      content: B('a\nX\nc\n'),
    });
  });
  test('team unchanged takes theirs; both the same is identical', () => {
    assert.deepEqual(mergeFile(base, base, B('a\nb\nc\nd\n')), {
      outcome: 'taken-theirs',
      content: B('a\nb\nc\nd\n'),
    });
    assert.deepEqual(mergeFile(base, B('z\n'), B('z\n')), {
      outcome: 'identical',
      content: B('z\n'),
    });
  });
  test('clean merge', () => {
    assert.deepEqual(mergeFile(base, B('A\nb\nc\n'), B('a\nb\nC\n')), {
      outcome: 'merged',
      content: B('A\nb\nC\n'),
    });
  });
  test('conflict carries the markers and the count', () => {
    const m = mergeFile(base, B('a\nX\nc\n'), B('a\nY\nc\n'));
    assert.equal(m.outcome, 'conflict');
    assert.equal(m.outcome === 'conflict' && m.conflicts, 1);
    assert.equal(
      m.outcome === 'conflict' && m.content.toString(),
      'a\n<<<<<<< ours\nX\n||||||| base\nb\n=======\nY\n>>>>>>> theirs\nc\n',
    );
  });
  test('binary files that all differ conflict; ISO-8859-1 text merges byte for byte', () => {
    assert.deepEqual(mergeFile(B('\0bin1'), B('\0bin2'), B('\0bin3')), {
      outcome: 'binary-conflict',
    });
    // Java's Properties.load reads ISO-8859-1: é is the single byte 0xe9, not valid UTF-8.
    const l1 = (s: string) => Buffer.from(s, 'latin1');
    const m = mergeFile(
      l1('name=Jos\xe9\n#\nport=1\n'),
      l1('name=Zo\xeb\n#\nport=1\n'),
      l1('name=Jos\xe9\n#\nport=2\n'),
    );
    assert.deepEqual(m, { outcome: 'merged', content: l1('name=Zo\xeb\n#\nport=2\n') });
    // Binary but only one side changed: no merge needed.
    assert.equal(mergeFile(B('\0x'), B('\0x'), B('\0y')).outcome, 'taken-theirs');
  });
  test('UTF-8 text with a BOM and multi-byte characters round-trips', () => {
    const b = B('\uFEFFname = José\n#\nport = 1\n');
    const m = mergeFile(
      b,
      B('\uFEFFname = Zoë\n#\nport = 1\n'),
      B('\uFEFFname = José\n#\nport = 2\n'),
    );
    assert.deepEqual(m, { outcome: 'merged', content: B('\uFEFFname = Zoë\n#\nport = 2\n') });
  });
  test('the vendor removed the file: removed if untouched, a conflict if customised', () => {
    assert.deepEqual(mergeFile(base, base, undefined), { outcome: 'removed-upstream' });
    assert.deepEqual(mergeFile(base, B('edited\n'), undefined), {
      outcome: 'removed-upstream-conflict',
    });
  });
  test('the vendor added a file the team also has', () => {
    assert.deepEqual(mergeFile(undefined, B('mine\n'), B('theirs\n')), { outcome: 'added-both' });
    assert.deepEqual(mergeFile(undefined, B('same\n'), B('same\n')), {
      outcome: 'identical',
      content: B('same\n'),
    });
    assert.deepEqual(mergeFile(undefined, B('only mine\n'), undefined), {
      outcome: 'unchanged',
      content: B('only mine\n'),
    });
  });
});

test('isText: NUL in the first 8 KiB is binary; any single-byte encoding is text', () => {
  assert.equal(isText(B('plain\n')), true);
  assert.equal(isText(B('')), true);
  assert.equal(isText(B('a\0b')), false);
  assert.equal(isText(Buffer.from([0xc3, 0x28])), true);
  assert.equal(isText(Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])])), true);
});
