/**
 * A deterministic, news-like corpus for the benchmark: wire-style articles with datelines,
 * titles (Gen., Dr., Mr.), acronyms (U.N., U.S.), numbers, decimals, percentages, quotations
 * with attributions, handles, hashtags and links — the phenomena the segmenter must handle.
 * Same seed, same bytes.
 */

/** mulberry32: a small seeded PRNG (the benchmark may be random; the product may not). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['ROME', 'PALERMO', 'TRIPOLI', 'CAIRO', 'PARIS', 'TUNIS', 'GENEVA', 'BENGHAZI', 'MILAN', 'ALGIERS'];
const PEOPLE = ['Gen. Khalifa Haftar', 'Dr. Amina Salem', 'Mr. Giuseppe Conte', 'Sen. Laura Bianchi', 'Prof. Omar Khaled', 'Mrs. Claire Martin', 'St. John Rivers', 'Fayez Al-Sarraj', 'Ghassan Salame', 'Jean-Yves Le Drian'];
const ORGS = ['the U.N.', 'the U.S. State Department', 'the European Union', 'the African Union', 'NATO', 'the E.U. Council', 'the I.M.F.'];
const VERBS = ['said', 'told reporters', 'announced', 'warned', 'added', 'confirmed'];
const TOPICS = ['migration', 'oil exports', 'the ceasefire', 'elections', 'border security', 'the central bank', 'reconstruction', 'humanitarian access'];

export function article(index: number, seed = 2018): { slug: string; markdown: string } {
  const r = rng(seed * 100_003 + index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const num = (max: number): number => Math.floor(r() * max);
  const city = pick(CITIES);
  const sentence = (): string => {
    switch (num(8)) {
      case 0:
        return `${pick(PEOPLE)} met officials from ${pick(ORGS)} on Tuesday to discuss ${pick(TOPICS)}.`;
      case 1:
        return `“We are committed to ${pick(TOPICS)},” ${pick(PEOPLE)} ${pick(VERBS)}.`;
      case 2:
        return `Output rose ${num(40)}.${num(10)}% to ${num(900) + 100},${String(num(1000)).padStart(3, '0')} barrels a day, according to ${pick(ORGS)}.`;
      case 3:
        return `The talks, which began at ${num(11) + 1} p.m. local time, lasted ${num(5) + 2} hours.`;
      case 4:
        return `Officials said the plan would cost $${num(90) + 10}.${num(10)} billion over ${num(5) + 2} years (about €${num(80) + 10} billion).`;
      case 5:
        return `Follow @NewsDesk${num(99)} and #${pick(['Libya', 'Italy', 'Sahel', 'Mediterranean'])} for updates at https://news.example.org/${num(9999)}.`;
      case 6:
        return `Asked about ${pick(TOPICS)}, ${pick(PEOPLE)} did not answer… The meeting ended early.`;
      default:
        return `${pick(ORGS).replace(/^the /, 'The ')} has urged all sides to resume talks on ${pick(TOPICS)} before the end of the year.`;
    }
  };
  const paragraphs: string[] = [];
  const n = 6 + num(8);
  for (let p = 0; p < n; p++) {
    const k = 1 + num(3);
    const ss: string[] = [];
    for (let s = 0; s < k; s++) ss.push(sentence());
    paragraphs.push(ss.join(' '));
  }
  paragraphs[0] = `${city}: ${paragraphs[0]}`;
  const slug = `story-${String(index).padStart(5, '0')}`;
  const day = String((index % 28) + 1).padStart(2, '0');
  const markdown = `---\nslug: ${slug}\nlang: en\nheadline: Talks on ${pick(TOPICS)} resume in ${city[0]}${city.slice(1).toLowerCase()}\ndateline: ${city}\ndate: 2018-11-${day}\n---\n\n${paragraphs.join('\n\n')}\n`;
  return { slug, markdown };
}

/**
 * One very long article of about `units` segments (plus the headline): paragraphs of five
 * sentences drawn from the corpus, each numbered so that no two are the same (segment ids are
 * content hashes). For the large-file import row of the benchmark.
 */
export function bigArticle(units: number, split: (paragraph: string) => string[]): { slug: string; markdown: string } {
  const paragraphs: string[] = [];
  const pool: string[] = [];
  let n = 0;
  for (let i = 0; n < units; i++) {
    for (const p of article(i).markdown.split('\n---\n')[1]!.split('\n\n')) if (p.trim()) pool.push(...split(p.trim()));
    while (pool.length >= 5 && n < units) {
      const k = Math.min(5, units - n);
      paragraphs.push(pool.splice(0, k).map((s, j) => `Item ${n + j}: ${s}`).join(' '));
      n += k;
    }
  }
  return { slug: 'big', markdown: `---\nslug: big\nlang: en\nheadline: One very long article\ndateline: ROME\ndate: 2018-11-01\n---\n\n${paragraphs.join('\n\n')}\n` };
}
