// Guide search a worried person can use: whole words only ("ALS" never finds "also" or "minerals"), accents and case
// ignored ("cafeina" finds "cafeína"), words that mean the same from content (ALS = MND = motor neurone disease), the
// pages ranked by how much of the query they hold, and the best question (FAQ) first. Pure: runs in Node's tests.

/** Lower case, no accents, words of letters and digits only, each with a space either side: " cafeina y te ". */
export function normalize(text) {
  const words = String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return ` ${words.join(" ")} `;
}

const wordsOf = (text) => normalize(text).trim().split(" ").filter(Boolean);

/** The query as terms: each a list of phrases that mean the same (its synonym group, or the word alone). A phrase
 * of several words ("motor neurone disease") is one term; words too common to search by are left out. */
export function queryTerms(query, { synonyms = [], ignore = [] } = {}) {
  const groups = synonyms.map((group) => group.map((phrase) => wordsOf(phrase).join(" ")).filter(Boolean));
  // The longest phrase wins: a phrase of three words is tried before one of its words alone.
  const phrases = groups.flatMap((group) => group.map((phrase) => ({ phrase, words: phrase.split(" "), group })))
    .sort((a, b) => b.words.length - a.words.length);
  const skip = new Set(ignore.map((word) => wordsOf(word).join(" ")));
  const words = wordsOf(query);
  const terms = [];
  for (let i = 0; i < words.length;) {
    const found = phrases.find(({ words: p }) => p.every((word, k) => words[i + k] === word));
    if (found) {
      terms.push(found.group);
      i += found.words.length;
    } else {
      if (!skip.has(words[i])) terms.push([words[i]]);
      i += 1;
    }
  }
  return terms.filter((term, n) => terms.findIndex((other) => other === term || other.join() === term.join()) === n);
}

// A word in the title counts for more than one in the body.
const IN_TITLE = 3;
const IN_TEXT = 1;

/** Entries as the search reads them: `{kind: "faq" | "page", title, text}` plus anything the screen needs. */
export function searchIndex(entries) {
  return entries.map((entry, order) => ({ entry, order, title: normalize(entry.title), text: normalize(`${entry.title} ${entry.text}`) }));
}

/** The entries that hold any term of the query, best first: most terms held, then most weight (title over body),
 * then in content order; the best FAQ goes to the top, because a question people ask answers a worry directly. */
export function search(index, query, words = {}) {
  const terms = queryTerms(query, words);
  if (!terms.length) return [];
  const holds = (text, term) => term.some((phrase) => text.includes(` ${phrase} `));
  const ranked = index.map((item) => {
    const held = terms.filter((term) => holds(item.text, term));
    const weight = held.reduce((sum, term) => sum + (holds(item.title, term) ? IN_TITLE : IN_TEXT), 0);
    return { ...item, held: held.length, weight };
  }).filter((item) => item.held > 0)
    .sort((a, b) => b.held - a.held || b.weight - a.weight || a.order - b.order);
  const bestFaq = ranked.findIndex((item) => item.entry.kind === "faq");
  if (bestFaq > 0) ranked.unshift(...ranked.splice(bestFaq, 1));
  return ranked.map((item) => item.entry);
}

/** The guide's sections and every FAQ as search entries (`href`, `title`, `summary` for the list; `text` searched). */
export function guideEntries(content) {
  const table = (s) => (s.table ? [s.table.caption, s.table.columns, s.table.rows] : []);
  return [
    ...content.guide.sections.map((s) => ({
      kind: "page", id: s.id, href: `#/guide/${s.id}`, title: s.title, summary: s.summary,
      text: [s.summary, s.body, table(s), s.questions_to_ask ?? []].flat(Infinity).join(" "),
    })),
    ...content.faq.map((f) => ({
      kind: "faq", id: f.id, href: `#/guide/faq/${f.id}`, title: f.question, summary: f.answer[0], text: f.answer.join(" "),
    })),
  ];
}
