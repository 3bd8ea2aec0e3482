/**
 * Latin runs in right-to-left text: isolated whole, once, and never the digits that stand alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FSI, LRI, PDI, RLI, isolateAs, isolateLatin, isolateLatinHtml, latinRuns, stripBidiControls } from '../../src/formats/bidi.js';

const locale = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(resolve(process.cwd(), `locales/${lang}/palermo-conference.json`), 'utf8')) as Record<string, string>;
const AR = locale('ar');
const EN = locale('en');
/** The Arabic translation of the English sentence that starts with `prefix` (ids may change, sentences do not). */
const ar = (prefix: string): string => {
  const id = Object.keys(EN).find((k) => EN[k]!.startsWith(prefix));
  const t = id === undefined ? undefined : AR[id];
  if (t === undefined) throw new Error(`no Arabic translation for "${prefix}"`);
  return t;
};

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** Makes isolates visible in failure messages: ⟦ FSI, ⟪ LRI, ⟨ RLI, ⟧ PDI. */
const show = (s: string): string => s.replaceAll(FSI, '⟦').replaceAll(LRI, '⟪').replaceAll(RLI, '⟨').replaceAll(PDI, '⟧');
const iso = (s: string, markdown = false): string => show(isolateLatin(s, { markdown }));
const runs = (s: string): string[] => latinRuns(s).flatMap((p) => (p.kind === 'run' ? [p.text] : []));

describe('the bundled Arabic translation', () => {
  it('isolates the hashtag of the embedded post', () => {
    expect(iso(ar('Welcome today’s conference'))).toBe('أرحب بمؤتمر اليوم من أجل ⟦#Libya⟧ في باليرمو.');
  });

  it('isolates the handle in the attribution, not the day or the year', () => {
    expect(iso(ar('— Alistair Burt'))).toBe('— أليستير بيرت (⟦@AlistairBurtUK⟧) 13 نوفمبر 2018');
  });

  it('leaves every sentence without Latin script as it is, numbers included', () => {
    for (const [id, s] of Object.entries(AR)) {
      if (/\p{Script=Latin}/u.test(s)) continue;
      expect(isolateLatin(s), id).toBe(s);
    }
    expect(ar('Libya plunged')).toContain('عام 2011');
  });

  it('every sentence: stripping the controls gives it back, and isolating twice is isolating once', () => {
    for (const [id, s] of Object.entries(AR)) {
      const once = isolateLatin(s);
      expect(stripBidiControls(once), id).toBe(s);
      expect(isolateLatin(once), id).toBe(once);
      expect(isolateLatinHtml(once, esc), id).toBe(isolateLatinHtml(s, esc));
    }
  });
});

describe('Latin runs: maximal, whole, and only Latin', () => {
  it('a link with digits and punctuation inside is one run', () => {
    expect(runs('تغريدة pic.twitter.com/g5bbaN5LzK هنا')).toEqual(['pic.twitter.com/g5bbaN5LzK']);
    expect(runs('الرابط https://example.com:8080/a/b?q=1&r=2#top.')).toEqual(['https://example.com:8080/a/b?q=1&r=2#top']);
    expect(runs('راسلونا على press@example.org اليوم')).toEqual(['press@example.org']);
    expect(runs('الوسم #Libya والحساب @AlistairBurtUK')).toEqual(['#Libya', '@AlistairBurtUK']);
  });

  it('a Latin name of several words is one run, so the paragraph cannot swap its words', () => {
    expect(iso('حضر Jean-Yves Le Drian الاجتماع')).toBe('حضر ⟦Jean-Yves Le Drian⟧ الاجتماع');
    expect(iso('قال Fayez Al-Sarraj، ثم Khalifa Haftar.')).toBe('قال ⟦Fayez Al-Sarraj⟧، ثم ⟦Khalifa Haftar⟧.');
    expect(iso('نظام Windows 10 Pro الجديد')).toBe('نظام ⟦Windows 10 Pro⟧ الجديد');
    expect(iso('رمز ABC-123 والمطار LHR.')).toBe('رمز ⟦ABC-123⟧ والمطار ⟦LHR⟧.');
  });

  it('sentence punctuation after a run stays outside it', () => {
    expect(iso('من أجل #Libya.')).toBe('من أجل ⟦#Libya⟧.');
    expect(iso('قال (Reuters):')).toBe('قال (⟦Reuters⟧):');
  });

  it('digits that stand alone are not isolated, Latin or Arabic-Indic', () => {
    for (const s of ['في عام 2011', 'في ١٣ نوفمبر ٢٠١٨', 'الساعة 14:30', 'بنسبة 3.5%', '— أليستير بيرت 13 نوفمبر 2018']) expect(isolateLatin(s), s).toBe(s);
    expect(iso('عام 2018 Google 2')).toBe('عام 2018 ⟦Google⟧ 2');
  });

  it('nothing to do in text without Latin letters, or for an empty string', () => {
    expect(isolateLatin('')).toBe('');
    expect(isolateLatin('«حفتر ملتزم بالعملية السياسية».')).toBe('«حفتر ملتزم بالعملية السياسية».');
  });
});

describe('already isolated text', () => {
  it('is not isolated twice', () => {
    for (const s of [`الوسم ${FSI}#Libya${PDI} هنا`, `الوسم ${LRI}#Libya${PDI} هنا`, `${FSI}pic.twitter.com/g5bbaN5LzK${PDI}`, `${LRI}Welcome ${FSI}#Libya${PDI} today.${PDI}`]) {
      expect(isolateLatin(s), show(s)).toBe(s);
    }
  });

  it('isolates the runs outside an existing isolate, not inside it', () => {
    expect(iso(`${FSI}#Libya${PDI} و @AlistairBurtUK`)).toBe('⟦#Libya⟧ و ⟦@AlistairBurtUK⟧');
  });

  it('an isolate left open is kept as it is', () => {
    expect(iso(`نص ${LRI}abc`)).toBe('نص ⟪abc');
  });

  it('embeddings and overrides are left alone', () => {
    const s = 'نص \u202aabc def\u202c نص';
    expect(isolateLatin(s)).toBe(s);
  });
});

describe('HTML: <bdi>', () => {
  it('marks runs with bdi and escapes the rest', () => {
    expect(isolateLatinHtml('قال <AT&T> و #Libya', esc)).toBe('قال &lt;<bdi>AT&amp;T</bdi>&gt; و <bdi>#Libya</bdi>');
  });

  it('turns isolates already in the text into bdi of the same direction', () => {
    expect(isolateLatinHtml(`${LRI}abc${PDI} ${RLI}نص${PDI} ${FSI}x${PDI}`, esc)).toBe('<bdi dir="ltr">abc</bdi> <bdi dir="rtl">نص</bdi> <bdi>x</bdi>');
  });
});

describe('Markdown', () => {
  it('leaves link destinations, code spans and autolinks alone, isolates link text', () => {
    expect(iso('انظر [Reuters](https://reuters.com/a) و`code x` و<https://x.org>', true)).toBe('انظر [⟦Reuters⟧](https://reuters.com/a) و`code x` و<https://x.org>');
  });
});

describe('whole sentences of known direction', () => {
  it('a fallback sentence is wrapped LRI … PDI, once', () => {
    const s = 'Welcome today’s conference for #Libya in Palermo.';
    expect(show(isolateAs(s, 'ltr'))).toBe(`⟪${s}⟧`);
    expect(isolateAs(isolateAs(s, 'ltr'), 'ltr')).toBe(isolateAs(s, 'ltr'));
    expect(show(isolateAs('نص', 'rtl'))).toBe('⟨نص⟧');
  });
});
