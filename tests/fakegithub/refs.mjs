// Issue references in Markdown text, following GitHub's autolink grammar
// closely enough for test worlds: `#N`, `GH-N`, `OWNER/REPO#N` and issue or
// pull URLs on the HTML host, never inside code (fenced, indented or inline)
// or HTML comments. Closing keywords ("Fixes #3") are found the same way.
//
// References come back unresolved ({owner, repo, number}; owner and repo are
// null for a same-repository `#N`): world.mjs decides what they point at.

const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const REPO = '[A-Za-z0-9_.-]+';

export function parseRef(text) {
  const m = new RegExp(`^(${OWNER})/(${REPO})#([0-9]+)$`).exec(text ?? '');
  return m ? { owner: m[1], repo: m[2], number: Number(m[3]) } : null;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Code and comments never autolink, so they are blanked before any matching.
export function stripCode(text) {
  const withoutComments = (text ?? '').replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  return stripInlineCode(stripCodeBlocks(withoutComments));
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

function stripCodeBlocks(text) {
  const kept = [];
  let fence = null; // {char, length} while inside a fenced block
  let inIndented = false;
  let previousBlank = true;
  let lastTextLine = ''; // last non-blank line outside code, to spot list items
  for (const line of text.split('\n')) {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
      kept.push('');
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      inIndented = false;
      kept.push('');
      previousBlank = false;
      continue;
    }
    const blank = line.trim() === '';
    const indented = /^(?: {4}|\t)/.test(line);
    // An indented line opens a code block only after a blank line and outside
    // a list (where indentation continues the list item's paragraph instead).
    if (indented && !blank && (inIndented || (previousBlank && !LIST_ITEM.test(lastTextLine)))) {
      inIndented = true;
      kept.push('');
      previousBlank = false;
      continue;
    }
    if (!blank) {
      inIndented = false;
      lastTextLine = line;
    }
    kept.push(line);
    previousBlank = blank;
  }
  return kept.join('\n');
}

// A code span is a run of N backticks closed by the next run of exactly N.
function stripInlineCode(text) {
  return text.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}

function issueUrlPattern(htmlHost) {
  return new RegExp(
    `^https?://${escapeRegExp(htmlHost)}/(${OWNER})/(${REPO})/(?:issues|pull)/([0-9]+)(?![0-9A-Za-z_-])`, 'i');
}

// Every reference in `text`, in order of appearance, duplicates included.
export function findMentions(text, htmlHost = 'github.com') {
  let rest = stripCode(text);
  const found = [];
  const urlPattern = issueUrlPattern(htmlHost);
  // Matches are blanked with spaces of the same length, so positions stay put
  // and nothing inside a URL (a `#3` fragment, an `o/r#3`-looking path) or an
  // OWNER/REPO#N fires again in a later pass.
  rest = rest.replace(/https?:\/\/[^\s<>()[\]"'`]+/gi, (url, at) => {
    const m = urlPattern.exec(url);
    if (m) found.push({ at, owner: m[1], repo: m[2], number: Number(m[3]) });
    return ' '.repeat(url.length);
  });
  rest = rest.replace(new RegExp(`(?<![\\w./-])(${OWNER})/(${REPO})#([0-9]+)(?!\\w)`, 'g'), (match, owner, repo, n, at) => {
    found.push({ at, owner, repo, number: Number(n) });
    return ' '.repeat(match.length);
  });
  for (const m of rest.matchAll(/(?<![\w-])GH-([0-9]+)(?!\w)/g)) {
    found.push({ at: m.index, owner: null, repo: null, number: Number(m[1]) });
  }
  // `#N` after a word character (abc#12), `&#` (an HTML entity) or `/` is not a reference.
  for (const m of rest.matchAll(/(?<![\w&#/])#([0-9]+)(?!\w)/g)) {
    found.push({ at: m.index, owner: null, repo: null, number: Number(m[1]) });
  }
  return found.filter((ref) => ref.number > 0).sort((a, b) => a.at - b.at)
    .map(({ owner, repo, number }) => ({ owner, repo, number }));
}

// References preceded by one of GitHub's nine closing keywords, any case, with
// an optional colon: "Fixes #3", "closes: acme/app#4", "Resolves <issue URL>".
export function findClosingRefs(text, htmlHost = 'github.com') {
  const stripped = stripCode(text);
  const target = `(?:(${OWNER})/(${REPO}))?#([0-9]+)(?!\\w)` +
    `|https?://${escapeRegExp(htmlHost)}/(${OWNER})/(${REPO})/(?:issues|pull)/([0-9]+)(?![0-9A-Za-z_-])`;
  const pattern = new RegExp(`(?<![\\w-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?::\\s*|\\s+)(?:${target})`, 'gi');
  const found = [];
  for (const m of stripped.matchAll(pattern)) {
    if (m[3]) found.push({ owner: m[1] ?? null, repo: m[2] ?? null, number: Number(m[3]) });
    else found.push({ owner: m[4], repo: m[5], number: Number(m[6]) });
  }
  return found.filter((ref) => ref.number > 0);
}
