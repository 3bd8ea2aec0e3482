import { describe, expect, it } from 'vitest';
import { InputError, formatDiagnostic, inputError } from '../../src/core/errors.js';

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

  it('inputError builds one error diagnostic, with the hint only when given', () => {
    const e = inputError('bad', { file: 'x.yaml', line: 4, column: 2 }, 'do this', 'pipeline');
    expect(e.diagnostics).toEqual([{ severity: 'error', rule: 'pipeline', message: 'bad', file: 'x.yaml', line: 4, column: 2, hint: 'do this' }]);
    expect('hint' in inputError('bad').diagnostics[0]!).toBe(false);
    expect(inputError('bad').diagnostics[0]!.rule).toBe('input');
  });
});
