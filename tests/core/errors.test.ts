import { describe, expect, it } from 'vitest';
import { InputError, formatDiagnostic, inputError, msg } from '../../src/core/errors.js';
import { cliTranslator } from '../../src/i18n/index.js';

describe('formatDiagnostic', () => {
  it('writes file:line:column: level: message, then the hint indented on its own line', () => {
    expect(formatDiagnostic({ severity: 'error', rule: 'x', message: 'bad thing', file: 'a.md', line: 3, column: 7, hint: 'fix it' })).toBe('a.md:3:7: error: bad thing\n  fix it');
    expect(formatDiagnostic({ severity: 'warning', rule: 'x', message: 'odd', file: 'a.md', line: 3 })).toBe('a.md:3: warning: odd');
    expect(formatDiagnostic({ severity: 'info', rule: 'x', message: 'note', file: 'a.md' })).toBe('a.md: info: note');
    expect(formatDiagnostic({ severity: 'error', rule: 'x', message: 'no file' })).toBe('error: no file');
    // A column without a line, or a line without a file, is not printed.
    expect(formatDiagnostic({ severity: 'error', rule: 'x', message: 'm', file: 'a.md', column: 2 })).toBe('a.md: error: m');
    expect(formatDiagnostic({ severity: 'error', rule: 'x', message: 'm', line: 2 })).toBe('error: m');
  });
});

describe('InputError', () => {
  it('carries its diagnostics, and its message is their formatted text', () => {
    const e = new InputError([
      { severity: 'error', rule: 'a', message: 'first', file: 'f', line: 1 },
      { severity: 'error', rule: 'b', message: 'second' },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('InputError');
    expect(e.diagnostics).toHaveLength(2);
    expect(e.message).toBe('f:1: error: first\nerror: second');
  });

  it('inputError builds one error diagnostic from messages: English text, and the keys for the CLI', () => {
    const e = inputError(msg('errors.noMatch', { pattern: '*.xlf' }), { file: 'x.yaml', line: 4, column: 2 }, msg('errors.checkPath'), 'pipeline');
    expect(e.diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'pipeline',
        message: 'no file matches "*.xlf"',
        file: 'x.yaml',
        line: 4,
        column: 2,
        hint: 'check the path',
        i18n: { message: { key: 'errors.noMatch', params: { pattern: '*.xlf' } }, hint: { key: 'errors.checkPath' } },
      },
    ]);
    expect('hint' in inputError(msg('errors.noSuchFile')).diagnostics[0]!).toBe(false);
    expect(inputError(msg('errors.noSuchFile')).diagnostics[0]!.rule).toBe('input');
  });

  it('is printed in the language of the translator given to formatDiagnostic', () => {
    const [d] = inputError(msg('errors.noSuchFile'), { file: 'a.xlf' }, msg('errors.checkPath')).diagnostics;
    expect(formatDiagnostic(d!)).toBe('a.xlf: error: no such file\n  check the path');
    expect(formatDiagnostic(d!, cliTranslator('it').t)).toBe('a.xlf: errore: file inesistente\n  controllare il percorso');
    expect(formatDiagnostic(d!, cliTranslator('fr').t)).toBe('a.xlf : erreur : fichier introuvable\n  vérifiez le chemin');
    // Arabic: the Latin position is isolated so that the bidi algorithm keeps it in one piece.
    expect(formatDiagnostic(d!, cliTranslator('ar').t)).toBe('\u2068a.xlf\u2069: خطأ: الملف غير موجود\n  تحقق من المسار');
  });
});
