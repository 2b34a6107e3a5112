#include "common/extract/clean_text.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "common/extract/text_util.h"
#include "common/normalize.h"

namespace pressdex {

using extract::NextCodePoint;
using extract::TrimView;

namespace {

// Dropped like chrome, but no sign of a site footer:
//  kStray: a lone punctuation mark or two (".", "|"); a rule of several
//    ("-----", "***") still is one.
//  kShortCapitalised: a few capitalised words ("WHAT WE DO", "Contact Us"),
//    which is also how a story's subheadings and the names heading a table
//    flattened to lines look (DOJ: "ATI", then what was done to ATI).
// kHeading: a short capitalised line with story on both sides (a
// subheading, a speaker's name), kept but given no say in the footer rule.
enum class LineKind { kBlank, kContent, kChrome, kTainted, kStray, kShortCapitalised, kHeading };

// Lines that are nothing but a site control, in the region's languages.
const std::unordered_set<std::string>& ChromePhrases() {
  static const std::unordered_set<std::string> phrases = {
      // English
      "see more",
      "read more",
      "more",
      "share",
      "share this",
      "share this article",
      "share this story",
      "share on facebook",
      "share on twitter",
      "print",
      "print this page",
      "print page",
      "email",
      "e-mail",
      "email this",
      "tweet",
      "back to top",
      "loading instagram",  // embedded posts' placeholders
      "loading twitter content",
      "loading video",
      "top",
      "skip to content",
      "skip to main content",
      "menu",
      "main menu",
      "home",
      "sitemap",
      "site map",
      "related",
      "related articles",
      "related news",
      "related posts",
      "related stories",
      "tags",
      "tags:",
      "comments",
      "leave a comment",
      "subscribe",
      "advertisement",
      "facebook",
      "twitter",
      "linkedin",
      "whatsapp",
      "telegram",
      "instagram",
      "youtube",
      "previous",
      "next",
      "previous article",
      "next article",
      "click here",
      "download",
      "download pdf",
      "copy link",
      "search",
      "login",
      "log in",
      "sign in",
      "sign up",
      "follow us",
      "contact us",
      "privacy policy",
      "terms of use",
      "cookie policy",
      "all rights reserved",
      "newsroom",
      "press releases",
      "news",
      "latest news",
      "photo gallery",
      "gallery",
      "video",
      // Vietnamese
      "xem thêm",
      "chia sẻ",
      "bình luận",
      "tin liên quan",
      "đọc thêm",
      "in bài",
      "in bài viết",
      // Indonesian / Malay
      "baca juga",
      "bagikan",
      "kongsi",
      "cetak",
      "lihat juga",
      "selengkapnya",
      "berita terkait",
      // Thai
      "พิมพ์",
      "แชร์",
      "อ่านต่อ",
      "อ่านเพิ่มเติม",
      "ข่าวที่เกี่ยวข้อง",
  };
  return phrases;
}

// Prefixes of lines that point elsewhere ("Read more: ...", "Menu - WHAT WE DO").
constexpr std::array<std::string_view, 10> kChromePrefixes = {
    "menu - ",  "menu | ",    "menu: ",    "read more:", "see also:",
    "related:", "baca juga:", "xem thêm:", "tags:",      "share:"};

// Site controls that scrapers glue onto the end of the last sentence ("…ASEAN.Menu").
constexpr std::array<std::string_view, 6> kGluedSuffixes = {"Menu", "See more", "Read more", "Share", "Print", "Tweet"};

std::string_view StripBullet(std::string_view line) {
  for (;;) {
    line = TrimView(line);
    if (line.empty()) return line;
    const unsigned char c = static_cast<unsigned char>(line[0]);
    if (c == '-' || c == '*' || c == '|' || c == '>' || c == '#') {
      line.remove_prefix(1);
      continue;
    }
    if (line.substr(0, 3) == "\xE2\x80\xA2" || line.substr(0, 2) == "\xC2\xBB" ||
        line.substr(0, 3) == "\xE2\x80\xBA") {  // • » ›
      line.remove_prefix(line[0] == '\xC2' ? 2 : 3);
      continue;
    }
    return line;
  }
}

// Thai, Khmer or Chinese letters run on without spaces: a run counts as a
// word per this many code points (Thai averages 4-5 with its marks), so a
// long sentence is not a "few words" line.
constexpr int kUnspacedCodePointsPerWord = 4;

struct Shape {
  int words = 0;  // spaced words, plus the estimate above for unspaced runs
  int code_points = 0;
  int cased_words = 0;        // words that start with a cased letter
  int capitalised_words = 0;  // ...of which capitalised
  bool sentence_punct = false;
  bool has_url = false;
  bool bullet = false;
};

Shape ShapeOf(std::string_view line) {
  Shape s;
  s.bullet = StripBullet(line).size() != TrimView(line).size();
  s.has_url = line.find("http://") != std::string_view::npos || line.find("https://") != std::string_view::npos ||
              line.find("www.") != std::string_view::npos;
  bool in_word = false;
  int unspaced_in_word = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    const char32_t c = NextCodePoint(line, &i);
    ++s.code_points;
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ',' || c == 0x3002) s.sentence_punct = true;
    const bool word = extract::IsWordChar(c);
    if (word && !in_word) unspaced_in_word = 0;
    if (word && extract::IsUnspaced(c) && unspaced_in_word++ > 0 &&
        unspaced_in_word % kUnspacedCodePointsPerWord == 1) {
      ++s.words;
    }
    if (word && !in_word) {
      ++s.words;
      if (extract::IsUpperChar(c)) {
        ++s.cased_words;
        ++s.capitalised_words;
      } else if (extract::IsLowerChar(c))
        ++s.cased_words;
    }
    in_word = word || (in_word && (c == '\'' || c == 0x2019 || c == '-'));
  }
  return s;
}

// Headings of a list of links to other stories, as the last block of a page.
bool IsRelatedHeading(std::string_view line) {
  static const std::unordered_set<std::string> headings = {
      "related",           "related articles", "related news",  "related posts",       "related stories",
      "related links",     "related content",  "see also",      "more news",           "more stories",
      "you may also like", "read also",        "tin liên quan", "tin cùng chuyên mục", "berita terkait",
      "artikel terkait",   "berita berkaitan", "baca juga",     "ข่าวที่เกี่ยวข้อง",         "ข่าวที่น่าสนใจ"};
  const std::string_view core = StripBullet(line);
  if (core.size() > 60) return false;
  std::string key = FoldKey(core);
  while (!key.empty() && (key.back() == ':' || key.back() == ' ')) key.pop_back();
  return headings.count(key) != 0;
}

// A headline's length at most: one line of a list of links, not a paragraph.
bool IsHeadlineLength(const Shape& shape) { return shape.words <= 30 && shape.code_points <= 160; }

// "(Photo: Xinhua)", "Photo by ...", "ảnh 1", "(ภาพ: ...)".
bool ContainsCaptionMarker(const std::string& folded) {
  static constexpr std::array<std::string_view, 4> kWords = {"photo", "ảnh", "foto", "ภาพ"};
  for (const std::string_view w : kWords) {
    std::size_t at = 0;
    while ((at = folded.find(w, at)) != std::string::npos) {
      const std::size_t after = at + w.size();
      const bool open_paren = at > 0 && folded[at - 1] == '(';
      const bool word_start = at == 0 || !extract::IsWordChar(extract::PrevCodePoint(folded, at));
      std::size_t k = after;
      while (k < folded.size() && folded[k] == ' ') ++k;
      const bool colon = k < folded.size() && folded[k] == ':';
      const bool numbered = k > after && k < folded.size() && extract::IsAsciiDigit(folded[k]);
      const bool credit = folded.compare(k, 2, "by") == 0 || folded.compare(k, 6, "credit") == 0;
      if (word_start && (open_paren || colon || numbered || credit)) return true;
      at = after;
    }
  }
  return folded.find("(file photo") != std::string::npos || folded.find("credit:") != std::string::npos;
}

// Cheap pre-check for ContainsCaptionMarker, which needs a folded copy.
bool MayBeCaption(std::string_view line) {
  static constexpr std::string_view kNeedles[] = {
      "hoto",  "HOTO", "oto", "OTO", "\xE1\xBA\xA3nh", "\xE1\xBA\xA2nh", "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\x9E",
      "redit", "REDIT"};
  for (const std::string_view n : kNeedles) {
    if (line.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// A font-size control scraped with the story: "A- A+ (Ubah saiz teks)",
// "A+ A-", "Text size: A- A A+". Its labels are taken out; what is left must
// be letters A with at least one sign, so "A+" alone (a grade) or "A A A" stays.
bool IsTextSizeControl(std::string_view core) {
  if (core.size() > 60) return false;
  // Cheap first: a capital A with a sign beside it ("A-", "A+", "A–").
  bool signed_a = false;
  for (std::size_t at = core.find('A'); at != std::string_view::npos && !signed_a; at = core.find('A', at + 1)) {
    const char next = at + 1 < core.size() ? core[at + 1] : ' ';
    signed_a = next == '+' || next == '-' || next == '\xE2' || (at > 0 && (core[at - 1] == '+' || core[at - 1] == '-'));
  }
  if (!signed_a) return false;
  std::string folded = FoldKey(core);
  static constexpr std::string_view kLabels[] = {"ubah saiz teks", "saiz teks", "saiz huruf", "ukuran teks",
                                                 "ukuran huruf",   "text size", "font size",  "co chu"};
  for (const std::string_view label : kLabels) {
    for (auto at = folded.find(label); at != std::string::npos; at = folded.find(label, at))
      folded.erase(at, label.size());
  }
  for (const std::string_view dash : {std::string_view("\xE2\x80\x93"), std::string_view("\xE2\x88\x92")}) {
    for (auto at = folded.find(dash); at != std::string::npos; at = folded.find(dash, at))
      folded.replace(at, dash.size(), "-");
  }
  int letters = 0, signs = 0;
  for (const char c : folded) {
    if (c == 'a') {
      ++letters;
    } else if (c == '+' || c == '-') {
      ++signs;
    } else if (c != ' ' && c != '(' && c != ')' && c != ':' && c != '|') {
      return false;
    }
  }
  return letters >= 2 && signs >= 1;
}

bool IsChromePhrase(std::string_view line) {
  const std::string_view core = StripBullet(line);
  if (core.empty()) return true;
  if (IsTextSizeControl(core)) return true;
  if (core.size() > 60) {
    // Long lines can still be "Read more: <headline>" links.
  } else if (ChromePhrases().count(FoldKey(core)) != 0) {
    return true;
  }
  // ASCII lower-casing is enough here: the prefixes differ from their
  // capitalised forms only in ASCII letters ("Xem thêm:", "Menu - ").
  std::string folded(core.substr(0, 40));
  for (char& c : folded) {
    if (extract::IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  for (const std::string_view p : kChromePrefixes) {
    if (folded.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

// "Home | News | Health | Sport": three or more short items between bars or
// arrows is a navigation bar or a breadcrumb trail.
bool IsNavigationBar(std::string_view line, const Shape& shape) {
  int separators = 0;
  for (const std::string_view sep : {std::string_view(" | "), std::string_view(" \xE2\x80\xBA "),
                                     std::string_view(" \xC2\xBB "), std::string_view(" > ")}) {
    for (std::size_t at = line.find(sep); at != std::string_view::npos; at = line.find(sep, at + 1)) ++separators;
  }
  return separators >= 2 && shape.words <= 4 * (separators + 1);
}

bool InBoilerplate(const std::vector<std::string>& boilerplate, const std::string& line) {
  if (boilerplate.size() < 32) return std::find(boilerplate.begin(), boilerplate.end(), line) != boilerplate.end();
  return std::binary_search(boilerplate.begin(), boilerplate.end(), line);
}

// Strips a site control glued to the end of the line; true if it did.
bool StripGluedSuffix(std::string* line) {
  for (const std::string_view suffix : kGluedSuffixes) {
    if (line->size() <= suffix.size() + 1) continue;
    if (line->compare(line->size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    const char before = (*line)[line->size() - suffix.size() - 1];
    const bool glued = before == '.' || before == '!' || before == '?' || before == ')' || before == '"' ||
                       static_cast<unsigned char>(before) == 0x9D;  // end of ” (E2 80 9D)
    if (!glued) continue;
    line->resize(line->size() - suffix.size());
    return true;
  }
  return false;
}

// A site menu's entry that a blurb follows: "- WHAT WE DO", "Menu - OUR
// COMMUNITIES". Upper case: short list items ("* Apply science-based
// standards") are bulleted too.
bool IsMenuLabel(std::string_view line, LineKind kind) {
  if (kind == LineKind::kShortCapitalised) {
    int letters = 0;
    for (const char c : line) {
      if (c >= 'a' && c <= 'z') return false;
      if (extract::IsAsciiUpper(c)) ++letters;
    }
    return letters >= 2 && ShapeOf(line).bullet;
  }
  if (kind != LineKind::kChrome) return false;
  std::string folded(StripBullet(line).substr(0, 8));
  for (char& c : folded) {
    if (extract::IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return folded.rfind("menu - ", 0) == 0 || folded.rfind("menu | ", 0) == 0 || folded.rfind("menu: ", 0) == 0;
}

// Moves a footer's start back over a site menu that ends the story: its
// entries ("- WHAT WE DO", "Menu - OUR COMMUNITIES") with a blurb under
// each, and a line with the menu glued on ("- ABOUT USWe were founded....Menu").
// Those blurbs can outweigh a short story, and the footer rule keeps them
// then. At least two entries: a single bulleted subheading with its
// paragraph before a share button is story.
std::size_t BackOverSiteMenu(const std::vector<std::string>& lines, const std::vector<LineKind>& kinds,
                             std::size_t cut) {
  std::size_t start = cut;
  int labels = 0;  // the menu's entries, those already in the footer too
  for (std::size_t i = cut; i < lines.size(); ++i) labels += IsMenuLabel(lines[i], kinds[i]) ? 1 : 0;
  const int in_footer = labels;
  const auto previous = [&](std::size_t i) {  // the non-blank line before i, or lines.size()
    while (i > 0) {
      if (kinds[--i] != LineKind::kBlank) return i;
    }
    return lines.size();
  };
  for (std::size_t i = previous(cut); i < lines.size(); i = previous(i)) {
    const LineKind kind = kinds[i];
    if (IsMenuLabel(lines[i], kind)) {
      ++labels;
    } else if (kind == LineKind::kContent) {
      const std::size_t above = previous(i);  // a blurb sits under an entry
      if (above == lines.size() || !IsMenuLabel(lines[above], kinds[above])) break;
    } else if (kind == LineKind::kTainted) {
      if (labels == in_footer) break;  // a control glued on, just above the menu's entries
      start = i;
      break;
    } else if (kind != LineKind::kChrome && kind != LineKind::kStray && kind != LineKind::kShortCapitalised) {
      break;
    }
    start = i;
  }
  return labels >= 2 && labels > in_footer ? start : cut;
}

LineKind Classify(std::string* line, const std::vector<std::string>& boilerplate, bool from_markup, bool first_line) {
  if (line->empty()) return LineKind::kBlank;
  if (InBoilerplate(boilerplate, *line)) return LineKind::kChrome;
  if (IsChromePhrase(*line)) return LineKind::kChrome;
  const Shape shape = ShapeOf(*line);
  if (shape.words == 0) return shape.code_points <= 2 ? LineKind::kStray : LineKind::kChrome;      // "***", "|", "—"
  if (line->find("\xC2\xA9") != std::string::npos && shape.words <= 25) return LineKind::kChrome;  // ©
  if (shape.has_url && shape.words <= 12) return LineKind::kChrome;
  if (IsNavigationBar(*line, shape)) return LineKind::kChrome;
  if (shape.words <= 40 && MayBeCaption(*line) && ContainsCaptionMarker(FoldKey(*line))) return LineKind::kChrome;
  // Short link-like lines: a handful of capitalised words, no sentence
  // punctuation ("WHAT WE DO", "Contact Us"), bulleted or not. The first line
  // is the headline candidate and markup headings are real structure, so
  // both are kept. A bulleted item in sentence case ("- City of Oakland",
  // "* Apply science-based standards", "- Đau đầu") is a list's, not a menu's.
  if (!first_line && !from_markup && shape.words <= 4 && shape.code_points <= 40 && !shape.sentence_punct &&
      ((shape.bullet && shape.capitalised_words == shape.cased_words) ||
       (shape.cased_words == shape.words && shape.capitalised_words == shape.words))) {
    return LineKind::kShortCapitalised;
  }
  if (StripGluedSuffix(line)) return LineKind::kTainted;
  return LineKind::kContent;
}

}  // namespace

bool IsPhotoCaption(std::string_view line) {
  return MayBeCaption(line) && ShapeOf(line).words <= 40 && ContainsCaptionMarker(FoldKey(line));
}

std::vector<std::string> CleanLines(std::string_view raw, const std::vector<std::string>& boilerplate,
                                    bool from_markup) {
  std::vector<std::string> lines;
  std::vector<LineKind> kinds;
  bool seen_content = false;
  for (const std::string_view l : extract::SplitLines(raw)) {
    std::string line(TrimView(l));
    const LineKind kind = Classify(&line, boilerplate, from_markup, !seen_content);
    if (kind == LineKind::kContent || kind == LineKind::kTainted) seen_content = true;
    lines.push_back(std::move(line));
    kinds.push_back(kind);
  }

  // A short capitalised line alone between two of the story's lines is a
  // subheading ("Background", "Key findings") or a name; in a run of its kind,
  // or beside chrome, it is a menu item.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (kinds[i] != LineKind::kShortCapitalised) continue;
    const auto is_story = [&](std::size_t at) { return kinds[at] == LineKind::kContent; };
    std::size_t before = i, after = i + 1;
    while (before > 0 && kinds[before - 1] == LineKind::kBlank) --before;
    while (after < lines.size() && kinds[after] == LineKind::kBlank) ++after;
    if (before > 0 && after < lines.size() && is_story(before - 1) && is_story(after)) kinds[i] = LineKind::kHeading;
  }

  // A site's footer (menus with their blurbs, "About us") sits at the end:
  // the tail from the first chrome line on is dropped when chrome makes up
  // at least half of it, with at least two chrome lines. Short capitalised
  // lines have no say: read as votes, a story's closing sections under
  // subheadings, or a table's rows under names, went as a footer.
  // ...and only when the story before the cut outweighs what the tail would
  // take with it (twice the tail's non-chrome text), so chrome sprinkled
  // through a story never takes the story along.
  std::vector<std::size_t> content_bytes_before(lines.size() + 1, 0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    content_bytes_before[i + 1] = content_bytes_before[i] + (kinds[i] == LineKind::kContent ? lines[i].size() : 0);
  }
  const std::size_t all_content = content_bytes_before[lines.size()];
  std::size_t cut = lines.size();
  int chrome = 0, total = 0;
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (kinds[i] == LineKind::kBlank || kinds[i] == LineKind::kStray || kinds[i] == LineKind::kShortCapitalised ||
        kinds[i] == LineKind::kHeading)
      continue;
    ++total;
    const bool is_chrome = kinds[i] == LineKind::kChrome || kinds[i] == LineKind::kTainted;
    if (is_chrome) ++chrome;
    const std::size_t before = content_bytes_before[i];
    const std::size_t tail = all_content - before;
    if (is_chrome && chrome >= 2 && 2 * chrome >= total && before > 0 && before >= 2 * tail) cut = i;
  }
  cut = BackOverSiteMenu(lines, kinds, cut);
  // "Related news" and the headlines under it, to the end, link to other
  // stories: their words would make this release match searches for those.
  for (std::size_t i = 0; i < cut; ++i) {
    if (content_bytes_before[i] == 0 || !IsRelatedHeading(lines[i])) continue;
    bool only_headlines = true;
    for (std::size_t j = i + 1; j < cut && only_headlines; ++j) {
      only_headlines = kinds[j] != LineKind::kContent || IsHeadlineLength(ShapeOf(lines[j]));
    }
    if (only_headlines) {
      cut = i;
      break;
    }
  }

  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < cut; ++i) {
    if (kinds[i] == LineKind::kChrome || kinds[i] == LineKind::kStray || kinds[i] == LineKind::kShortCapitalised)
      continue;
    if (kinds[i] == LineKind::kBlank) {
      if (!out.empty() && !out.back().empty()) out.emplace_back();
      continue;
    }
    // A line already seen (a headline printed twice, a lead repeated) is kept once.
    if (!seen.insert(lines[i]).second) continue;
    out.push_back(std::move(lines[i]));
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

void DropTitleRepeats(std::vector<std::string>* lines, std::string_view title) {
  title = TrimView(title);
  const std::string key = FoldKey(title);
  if (key.empty()) return;
  std::vector<std::string> kept;
  for (std::string& line : *lines) {
    if (line.empty()) {
      if (kept.empty() || kept.back().empty()) continue;
    } else if (line.size() + 8 >= title.size()) {  // shorter lines cannot repeat the headline
      const std::string folded = FoldKey(line);
      if (folded == key) continue;
      // The headline with a caption glued on ("<headline> ảnh 1In Bangkok...").
      if (folded.size() > key.size() && folded.compare(0, key.size(), key) == 0 &&
          IsPhotoCaption(std::string_view(line))) {
        continue;
      }
    }
    kept.push_back(std::move(line));
  }
  while (!kept.empty() && kept.back().empty()) kept.pop_back();
  *lines = std::move(kept);
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    if (!text.empty()) text += '\n';
    text += line;
  }
  return text;
}

}  // namespace pressdex
