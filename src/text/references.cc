#include "text/references.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <utility>

#include "text/gfm.h"
#include "model/ascii.h"

namespace issuegraph::text {
namespace {

// Stand-ins written into the flattened text of a paragraph. Both are
// non-word, non-space characters, so they end a word as a tag boundary does.
constexpr char kOpaque = '\x01';   // code span, image, link naming no issue, ignored HTML text
constexpr char kLinkRef = '\x02';  // a link whose URL names an issue (FlatText::link_refs)

constexpr std::array<std::string_view, 9> kClosingKeywords = {
    "close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"};

// Elements whose text GitHub never autolinks (html-pipeline's ignored parents).
constexpr std::array<std::string_view, 5> kIgnoredTags = {"a", "code", "pre", "script", "style"};

constexpr size_t kMaxOwnerLength = 39;
constexpr size_t kMaxRepoLength = 100;
constexpr size_t kMaxNumberDigits = 10;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// ASCII only, as in Ruby's \w: bytes of other scripts end a word.
bool IsWordChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '_'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsOwnerChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '_' || c == '-'; }
bool IsRepoChar(char c) { return IsOwnerChar(c) || c == '.'; }

char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `prefix` is lower case.
bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view prefix) {
  if (pos > text.size() || text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerChar(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

std::string NormalizeHost(std::string_view host) {
  std::string out = LowerAscii(host);
  if (out.starts_with("www.")) out.erase(0, 4);
  if (out.empty()) out = std::string(kPublicHost);
  return out;
}

// Issue numbers as GitHub writes them: 1 to 10 digits, no leading zero.
std::optional<int64_t> ParseNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > kMaxNumberDigits || digits.front() == '0') {
    return std::nullopt;
  }
  int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// What references resolve against: the repository of #N and GH-N, and the
// only host whose URLs count.
struct Context {
  std::string host;
  std::string owner;
  std::string repo;
  std::string self_key;

  std::optional<IssueRef> Local(std::string_view digits) const {
    if (owner.empty() || repo.empty()) return std::nullopt;
    std::optional<int64_t> number = ParseNumber(digits);
    if (!number) return std::nullopt;
    return IssueRef{host, owner, repo, *number};
  }

  // An issue or pull request URL on this host; anything else is not a reference.
  std::optional<IssueRef> FromUrl(std::string_view url) const {
    if (!StartsWithNoCase(url, 0, "http://") && !StartsWithNoCase(url, 0, "https://")) {
      return std::nullopt;
    }
    Result<IssueRef> parsed = ParseIssueRef(url);
    if (!parsed || parsed->host != host) return std::nullopt;
    return std::move(*parsed);
  }
};

// One paragraph, heading or table cell as GitHub's reference filter sees
// it: the text of its text nodes, with code, inline HTML and links reduced
// to stand-ins. Element boundaries (emphasis, tags) are kept beside the text:
// a reference may start right after one even when a word precedes it in the
// flattened text, while closing keywords are still read across them.
struct FlatText {
  std::string text;
  std::vector<bool> run_start;  // text[i] opens a run of text after an element boundary
  std::vector<std::pair<size_t, IssueRef>> link_refs;  // position of each kLinkRef

  void Append(std::string_view piece, bool new_run) {
    for (size_t i = 0; i < piece.size(); ++i) {
      text += piece[i];
      run_start.push_back(new_run && i == 0);
    }
  }

  // True when nothing of the same text run precedes `pos`.
  bool RunStartsAt(size_t pos) const { return pos == 0 || (pos < text.size() && run_start[pos]); }
};

// Keeps count of open <a>, <code>, <pre>, <script> and <style> inline tags.
void TrackIgnoredTag(std::string_view tag, int& depth) {
  if (tag.size() < 3 || tag.front() != '<') return;
  size_t pos = 1;
  bool closing = tag[pos] == '/';
  if (closing) ++pos;
  size_t name_begin = pos;
  while (pos < tag.size() && (IsAlpha(tag[pos]) || IsDigit(tag[pos]))) ++pos;
  std::string name = LowerAscii(tag.substr(name_begin, pos - name_begin));
  if (std::find(kIgnoredTags.begin(), kIgnoredTags.end(), name) == kIgnoredTags.end()) return;
  if (closing) {
    depth = std::max(0, depth - 1);
  } else if (!tag.ends_with("/>")) {
    ++depth;
  }
}

FlatText Flatten(cmark_node* container, const Context& context) {
  FlatText flat;
  int ignored_depth = 0;
  // Consecutive text siblings form one run: cmark splits text at characters
  // such as '[', '!', '_' or ':' that might have started markup.
  bool new_run = true;
  gfm::IterPtr iter = gfm::Walk(container);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER) {
      new_run = true;
      continue;
    }
    switch (type) {
      case CMARK_NODE_TEXT:
        if (ignored_depth > 0) {
          flat.Append(std::string_view(&kOpaque, 1), true);
          new_run = true;
        } else {
          flat.Append(gfm::Literal(node), new_run);
          new_run = false;
        }
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        flat.Append("\n", new_run);
        new_run = false;
        break;
      case CMARK_NODE_CODE:
        flat.Append(std::string_view(&kOpaque, 1), true);
        new_run = true;
        break;
      case CMARK_NODE_HTML_INLINE:
        TrackIgnoredTag(gfm::Literal(node), ignored_depth);
        new_run = true;
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        // GitHub links nothing inside a link or an image's alt text; a link
        // to an issue on this host is itself a reference (bare URLs are links
        // too, through the autolink extension, with the URL as their text).
        std::optional<IssueRef> ref;
        if (type == CMARK_NODE_LINK && ignored_depth == 0) {
          if (const char* url = cmark_node_get_url(node); url != nullptr) {
            ref = context.FromUrl(url);
          }
        }
        if (ref) {
          flat.link_refs.emplace_back(flat.text.size(), std::move(*ref));
          flat.Append(std::string_view(&kLinkRef, 1), true);
        } else {
          flat.Append(std::string_view(&kOpaque, 1), true);
        }
        new_run = true;
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
        break;
      }
      default:
        new_run = true;
        break;
    }
  }
  return flat;
}

// Where the reference of "Duplicate of #N" starts, if the text opens with it.
std::optional<size_t> DuplicateMarker(const FlatText& flat) {
  std::string_view text = flat.text;
  size_t pos = 0;
  auto skip_spaces = [&](bool required) {
    size_t start = pos;
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    return !required || pos > start;
  };
  skip_spaces(false);
  if (!StartsWithNoCase(text, pos, "duplicate")) return std::nullopt;
  pos += 9;
  if (!skip_spaces(true) || !StartsWithNoCase(text, pos, "of")) return std::nullopt;
  pos += 2;
  if (!skip_spaces(true)) return std::nullopt;
  return pos;
}

// The references found in the text, de-duplicated by (host, key, kind).
class Collector {
 public:
  explicit Collector(const Context& context) : context_(context) {}

  void Add(IssueRef ref, RefKind kind, std::string keyword) {
    std::string key = ref.Key();
    if (ref.host == context_.host && key == context_.self_key) return;
    if (!seen_.insert(ref.host + "/" + key + "/" + std::to_string(static_cast<int>(kind))).second) {
      return;
    }
    refs_.push_back(TextRef{std::move(ref), kind, std::move(keyword)});
  }

  std::vector<TextRef> Take() { return std::move(refs_); }

 private:
  const Context& context_;
  std::set<std::string> seen_;
  std::vector<TextRef> refs_;
};

// Scans one flattened text left to right, trying at each position the
// reference forms GitHub autolinks.
class Scanner {
 public:
  Scanner(const FlatText& flat, const Context& context, std::optional<size_t> duplicate_at,
          Collector& out)
      : flat_(flat), text_(flat.text), context_(context), duplicate_at_(duplicate_at), out_(out) {}

  void Run() {
    size_t link_index = 0;
    size_t pos = 0;
    while (pos < text_.size()) {
      if (text_[pos] == kLinkRef) {
        // Stand-ins are written in order, so the next one is this one.
        if (link_index < flat_.link_refs.size()) {
          Emit(flat_.link_refs[link_index++].second, pos);
        }
        ++pos;
        continue;
      }
      std::optional<Match> match;
      if (WordStartsAt(pos)) {
        match = MatchUrl(pos);
        if (!match) match = MatchGh(pos);
        if (!match) match = MatchRepoRef(pos);
      }
      if (!match && text_[pos] == '#') match = MatchHash(pos);
      if (!match) {
        ++pos;
        continue;
      }
      if (match->ref) Emit(*match->ref, pos);
      pos = match->end;
    }
  }

 private:
  // A token that looked like a reference: `ref` is empty when it is not a
  // valid one, and the token is skipped all the same so that no shorter
  // form inside it fires (the #N of owner/repo#N, the #12 of a URL anchor).
  struct Match {
    size_t end = 0;
    std::optional<IssueRef> ref;
  };

  char Before(size_t pos) const { return text_[pos - 1]; }

  bool WordStartsAt(size_t pos) const { return flat_.RunStartsAt(pos) || !IsWordChar(Before(pos)); }

  bool NumberEndsAt(size_t pos) const { return pos >= text_.size() || !IsWordChar(text_[pos]); }

  size_t SkipDigits(size_t pos) const {
    while (pos < text_.size() && IsDigit(text_[pos])) ++pos;
    return pos;
  }

  // http(s)://… up to a space or a stand-in, without trailing punctuation.
  std::optional<Match> MatchUrl(size_t pos) const {
    if (!StartsWithNoCase(text_, pos, "http://") && !StartsWithNoCase(text_, pos, "https://")) {
      return std::nullopt;
    }
    size_t end = pos;
    while (end < text_.size() && !IsSpace(text_[end]) && text_[end] != kOpaque &&
           text_[end] != kLinkRef && text_[end] != '<' && text_[end] != '>' && text_[end] != '"' &&
           text_[end] != '`') {
      ++end;
    }
    while (end > pos &&
           std::string_view(".,:;!?'\")*_~").find(text_[end - 1]) != std::string_view::npos) {
      --end;
    }
    return Match{end, context_.FromUrl(std::string_view(text_).substr(pos, end - pos))};
  }

  // GH-N, any case.
  std::optional<Match> MatchGh(size_t pos) const {
    if (!StartsWithNoCase(text_, pos, "gh-")) return std::nullopt;
    size_t digits = pos + 3;
    size_t end = SkipDigits(digits);
    if (end == digits || !NumberEndsAt(end)) return std::nullopt;
    return Match{end, context_.Local(std::string_view(text_).substr(digits, end - digits))};
  }

  // OWNER/REPO#N. The owner must not continue a path or a longer name.
  std::optional<Match> MatchRepoRef(size_t pos) const {
    if (!flat_.RunStartsAt(pos)) {
      char before = Before(pos);
      if (before == '/' || before == '.' || before == '-') return std::nullopt;
    }
    size_t slash = pos;
    while (slash < text_.size() && slash - pos <= kMaxOwnerLength && IsOwnerChar(text_[slash])) {
      ++slash;
    }
    if (slash == pos || slash >= text_.size() || text_[slash] != '/') return std::nullopt;
    size_t hash = slash + 1;
    while (hash < text_.size() && hash - slash <= kMaxRepoLength && IsRepoChar(text_[hash])) {
      ++hash;
    }
    if (hash == slash + 1 || hash >= text_.size() || text_[hash] != '#') return std::nullopt;
    size_t end = SkipDigits(hash + 1);
    if (end == hash + 1 || !NumberEndsAt(end)) return std::nullopt;
    std::string_view owner = std::string_view(text_).substr(pos, slash - pos);
    std::string_view repo = std::string_view(text_).substr(slash + 1, hash - slash - 1);
    std::optional<int64_t> number =
        ParseNumber(std::string_view(text_).substr(hash + 1, end - hash - 1));
    if (!number || !IsValidOwner(owner) || !IsValidRepoName(repo)) return Match{end, std::nullopt};
    return Match{end, IssueRef{context_.host, std::string(owner), std::string(repo), *number}};
  }

  // #N. Not after a word ("abc#12"), a path ("/#3"), another '#' ("##8") or
  // '&' (an HTML entity such as "&#39;").
  std::optional<Match> MatchHash(size_t pos) const {
    if (!flat_.RunStartsAt(pos)) {
      char before = Before(pos);
      if (IsWordChar(before) || before == '/' || before == '#' || before == '&') {
        return std::nullopt;
      }
    }
    size_t end = SkipDigits(pos + 1);
    if (end == pos + 1 || !NumberEndsAt(end)) return std::nullopt;
    return Match{end, context_.Local(std::string_view(text_).substr(pos + 1, end - pos - 1))};
  }

  // The closing keyword right before a reference: "fixes #1", "Fixes: #1".
  // Each reference needs its own ("Fixes #1 and #2" closes only #1).
  std::optional<std::string> KeywordBefore(size_t pos) const {
    size_t end = pos;
    while (end > 0 && IsSpace(text_[end - 1])) --end;
    if (end == pos) return std::nullopt;
    if (end > 0 && text_[end - 1] == ':') --end;
    size_t begin = end;
    // One letter more than the longest keyword is enough to reject a word.
    while (begin > 0 && end - begin < 9 && IsAlpha(text_[begin - 1])) --begin;
    if (begin > 0 && !flat_.RunStartsAt(begin) && IsWordChar(text_[begin - 1])) {
      return std::nullopt;
    }
    std::string word = LowerAscii(std::string_view(text_).substr(begin, end - begin));
    if (std::find(kClosingKeywords.begin(), kClosingKeywords.end(), word) ==
        kClosingKeywords.end()) {
      return std::nullopt;
    }
    return word;
  }

  void Emit(const IssueRef& ref, size_t pos) {
    if (duplicate_at_ && *duplicate_at_ == pos) {
      out_.Add(ref, RefKind::kDuplicate, "");
    } else if (std::optional<std::string> keyword = KeywordBefore(pos)) {
      out_.Add(ref, RefKind::kClosing, std::move(*keyword));
    } else {
      out_.Add(ref, RefKind::kMention, "");
    }
  }

  const FlatText& flat_;
  const std::string& text_;
  const Context& context_;
  std::optional<size_t> duplicate_at_;
  Collector& out_;
};

}  // namespace

std::vector<TextRef> ExtractReferences(std::string_view markdown, const IssueRef& context) {
  Context resolved;
  resolved.host = NormalizeHost(context.host);
  resolved.owner = context.owner;
  resolved.repo = context.repo;
  resolved.self_key = context.Key();

  gfm::Document document = gfm::Document::Parse(markdown);
  Collector out(resolved);
  int quote_depth = 0;
  gfm::IterPtr iter = gfm::Walk(document.root());
  cmark_event_type event;
  // Only blocks holding inlines are read; code blocks and HTML blocks are
  // never looked at, which is how GitHub keeps code free of links.
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_BLOCK_QUOTE) {
      quote_depth += event == CMARK_EVENT_ENTER ? 1 : -1;
      continue;
    }
    if (event != CMARK_EVENT_ENTER) continue;
    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING && !gfm::IsTableCell(node)) {
      continue;
    }
    FlatText flat = Flatten(node, resolved);
    // GitHub's marker comment is a paragraph of its own; a quoted one is
    // someone else's words, so only unquoted paragraphs count.
    std::optional<size_t> duplicate_at;
    if (type == CMARK_NODE_PARAGRAPH && quote_depth == 0) duplicate_at = DuplicateMarker(flat);
    Scanner(flat, resolved, duplicate_at, out).Run();
    cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
  }
  return out.Take();
}

}  // namespace issuegraph::text
