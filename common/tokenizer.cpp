#include "common/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "common/normalize.h"
#include "common/segment.h"

namespace pressdex {
namespace {

// Break iterators are costly to create (dictionaries load lazily) and not
// thread-safe: one per thread, created on first use only.
icu::BreakIterator* WordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return breaker.get();
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// ICU keeps "U.S" and "e.g" as one word; the query parser reads "U.S." as the
// acronym "us". Dropping the dots between letters makes both sides agree.
std::string DropAcronymDots(std::string folded) {
  if (folded.find('.') == std::string::npos) return folded;
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == '.' && i > 0 && IsAsciiLetter(folded[i - 1])) continue;
    out.push_back(c);
  }
  return out;
}

// Thai ฯ and Lao ຯ (U+0E2F, U+0EAF) end an abbreviated word ("กรุงเทพฯ").
constexpr std::string_view kThaiAbbreviation = "\xE0\xB8\xAF";
constexpr std::string_view kLaoAbbreviation = "\xE0\xBA\xAF";
bool EndsWithAbbreviationMark(std::string_view s) {
  return s.ends_with(kThaiAbbreviation) || s.ends_with(kLaoAbbreviation);
}

// A trailing or leading apostrophe is punctuation, not part of the word; so
// are the dot and the ฯ a Thai abbreviation keeps ("กทม." reads as "กทม",
// "กรุงเทพฯ" as "กรุงเทพ", so a search for the word finds its abbreviation).
std::string TrimWordPunctuation(std::string folded) {
  for (;;) {
    if (!folded.empty() && (folded.back() == '\'' || folded.back() == '.')) {
      folded.pop_back();
    } else if (EndsWithAbbreviationMark(folded)) {
      folded.resize(folded.size() - kThaiAbbreviation.size());
    } else {
      break;
    }
  }
  std::size_t start = 0;
  while (start < folded.size() && folded[start] == '\'') ++start;
  return start ? folded.substr(start) : folded;
}

}  // namespace

std::string FoldToken(std::string_view raw) { return TrimWordPunctuation(DropAcronymDots(FoldForMatch(raw))); }

std::string FoldTokenKeepAccents(std::string_view raw) {
  return TrimWordPunctuation(DropAcronymDots(FoldKeepAccents(raw)));
}

namespace {

// Lao writes ໝ and ໜ either as one letter or as ຫ + ມ/ນ; NFKC folds them to
// the pair, but ICU's Lao dictionary only knows the single letters, so
// "ຫມາກ" would break as ຫ|ມາກ where "ໝາກ" stays whole. The break iterator
// reads the pairs as the letters; offsets are mapped back to the input.
constexpr std::string_view kLaoHo = "\xE0\xBA\xAB";  // ຫ U+0EAB

// Text shown to the break iterator in place of the input.
struct RewrittenText {
  std::string text;
  std::vector<std::size_t> source;  // source[i]: input offset of text byte i (size()+1 entries)
};

bool NeedsLaoLigatures(std::string_view utf8) {
  for (auto at = utf8.find(kLaoHo); at != std::string_view::npos; at = utf8.find(kLaoHo, at + 3)) {
    const std::string_view next = utf8.substr(at + 3, 3);
    if (next == "\xE0\xBA\xA1" || next == "\xE0\xBA\x99") return true;  // ມ ນ
  }
  return false;
}
RewrittenText ComposeLao(std::string_view utf8) {
  RewrittenText out;
  out.text.reserve(utf8.size());
  out.source.reserve(utf8.size() + 1);
  for (std::size_t i = 0; i < utf8.size();) {
    const std::string_view pair = utf8.substr(i, 6);
    if (pair.substr(0, 3) == kLaoHo && (pair.substr(3) == "\xE0\xBA\xA1" || pair.substr(3) == "\xE0\xBA\x99")) {
      out.text += pair.substr(3) == "\xE0\xBA\xA1" ? "\xE0\xBB\x9D" : "\xE0\xBB\x9C";  // ໝ ໜ
      for (int k = 0; k < 3; ++k) out.source.push_back(i);
      i += 6;
      continue;
    }
    out.text += utf8[i];
    out.source.push_back(i);
    ++i;
  }
  out.source.push_back(utf8.size());
  return out;
}

// ICU reads a run of Thai (Lao, Khmer, Burmese) letters glued to Latin
// letters or digits as one word ("ใน7วัน", "ตายๆHONDAทำ"), and keeps the
// repetition mark on its word ("ดีๆ"). The hand-segmented Thai of wisesight
// (bench/thai-wordseg) and search both want them apart: a query for "honda"
// must find "ตายๆHONDAทำไร". So a word is cut where it changes between
// these scripts, digits and other letters, around each repetition mark, and
// after an abbreviation's dot before a Thai letter ("กทม.|มี").
enum class Run { kSoutheastAsian, kDigit, kOther, kRepeat };

bool IsSoutheastAsian(UChar32 c) {
  return (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF);
}

// Cheap test on the bytes: Thai/Lao (E0 B8..BB), Burmese (E1 80..82) or
// Khmer (E1 9E..9F) next to ASCII, Latin-1..Cyrillic letters or a repetition mark.
bool MayMixScripts(std::string_view word) {
  bool southeast_asian = false, other = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80 || (b >= 0xC3 && b <= 0xD3)) {
      other = true;
    } else if ((b == 0xE0 || b == 0xE1) && i + 2 < word.size()) {
      const auto b1 = static_cast<unsigned char>(word[i + 1]);
      const auto b2 = static_cast<unsigned char>(word[i + 2]);
      if (b == 0xE0 && b1 >= 0xB8 && b1 <= 0xBB) {
        southeast_asian = true;
        if (b2 == 0x86 && (b1 == 0xB9 || b1 == 0xBB)) other = true;  // ๆ U+0E46, ໆ U+0EC6
      } else if (b == 0xE1 && ((b1 >= 0x80 && b1 <= 0x82) || b1 == 0x9E || b1 == 0x9F)) {
        southeast_asian = true;
      }
    }
    if (southeast_asian && other) return true;
  }
  return false;
}

// Calls cut(offset) for each offset inside `word` where it is cut in two.
template <typename Cut>
void MixedScriptCuts(std::string_view word, Cut&& cut) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  Run prev = Run::kOther;
  UChar32 prev_char = 0;
  bool after_abbreviation_dot = false;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    Run run;
    const int8_t type = u_charType(c);
    if (c == 0x0E46 || c == 0x0EC6) {
      run = Run::kRepeat;
    } else if (type == U_DECIMAL_DIGIT_NUMBER) {
      run = Run::kDigit;
    } else if (at > 0 && (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
                          u_ispunct(c))) {
      run = prev;  // marks and inner punctuation (3.5, U.S) belong to what they follow
    } else {
      run = IsSoutheastAsian(c) ? Run::kSoutheastAsian : Run::kOther;
    }
    if (at > 0 && (run != prev || run == Run::kRepeat || (after_abbreviation_dot && run == Run::kSoutheastAsian)))
      cut(static_cast<std::size_t>(at));
    after_abbreviation_dot = c == '.' && prev == Run::kSoutheastAsian && prev_char != '.';
    prev = run;
    prev_char = c;
  }
}

// ICU's segments of `utf8`, with the cuts above: sink(begin, end, is_word) in
// offsets of `original` (`source` maps them when the text was rewritten).
// Calls visit(begin, end, is_word) for each segment ICU's word break
// gives `utf8`; false when ICU cannot read it.
template <typename Visit>
bool ForEachIcuSegment(std::string_view utf8, Visit&& visit) {
  icu::BreakIterator* breaker = WordBreaker();
  if (breaker == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return false;
  breaker->setText(text, status);
  if (U_SUCCESS(status)) {
    int32_t start = breaker->first();
    for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next())
      visit(static_cast<std::size_t>(start), static_cast<std::size_t>(end), breaker->getRuleStatus() != UBRK_WORD_NONE);
  }
  utext_close(text);
  return U_SUCCESS(status);
}

template <typename Sink>
void Segment(std::string_view utf8, const std::vector<std::size_t>* source, Sink&& sink) {
  auto emit = [&](std::size_t b, std::size_t e, bool is_word) {
    if (source == nullptr) {
      sink(b, e, is_word);
    } else if ((*source)[b] != (*source)[e]) {  // a space added to the input is not passed on
      sink((*source)[b], (*source)[e], is_word);
    }
  };
  ForEachIcuSegment(utf8, [&](std::size_t b, std::size_t e, bool is_word) {
    const std::string_view word = utf8.substr(b, e - b);
    if (!is_word || !MayMixScripts(word)) {
      emit(b, e, is_word);
      return;
    }
    std::size_t piece = b;
    MixedScriptCuts(word, [&](std::size_t cut) {
      emit(piece, b + cut, true);
      piece = b + cut;
    });
    emit(piece, e, true);
  });
}

// ASCII text is segmented without ICU: creating a break iterator and
// running it cost ~60 % of a snippet's instructions and most of its page
// faults (ICU's rules and data), noticeable in a one-shot search (bench/cli).
// These are ICU 72's root word rules (UAX #29 with ICU's tailoring) for the
// ASCII classes; a property test (tests/unit/test_tokenizer_asean.cpp)
// compares them with ICU's break iterator on random ASCII text.
enum class WordBreak : std::uint8_t {
  kOther,
  kCr,
  kLf,
  kNewline,      // \v \f
  kSpace,        // ' ' (WSegSpace; a tab is Other)
  kLetter,       // ALetter
  kDigit,        // Numeric
  kMidNumLet,    // '.' and the single quote (MidNumLetQ)
  kMidNum,       // ',' ';'  (ICU takes ':' out of MidLetter: "a:b" is three segments)
  kExtendNumLet  // '_'
};

constexpr WordBreak ClassOfSlow(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return WordBreak::kLetter;  // '@' is an ALetter
  if (c >= '0' && c <= '9') return WordBreak::kDigit;
  switch (c) {
    case '\r': return WordBreak::kCr;
    case '\n': return WordBreak::kLf;
    case '\v':
    case '\f': return WordBreak::kNewline;
    case ' ': return WordBreak::kSpace;
    case '.':
    case '\'': return WordBreak::kMidNumLet;
    case ',':
    case ';': return WordBreak::kMidNum;
    case '_': return WordBreak::kExtendNumLet;
    default: return WordBreak::kOther;
  }
}

// A table: every byte of a snippet's text passes here twice.
constexpr auto kAsciiClasses = [] {
  std::array<WordBreak, 128> table{};
  for (int c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = ClassOfSlow(static_cast<char>(c));
  return table;
}();

WordBreak ClassOf(char c) { return kAsciiClasses[static_cast<unsigned char>(c) & 0x7F]; }

// Whether UAX #29 keeps text[i-1] and text[i] in one segment (rules WB3-WB13b).
// Inlined: every byte of a snippet's text passes here.
[[gnu::always_inline]] inline bool JoinsAscii(std::string_view text, std::size_t i) {
  using enum WordBreak;
  const WordBreak left = ClassOf(text[i - 1]);
  const WordBreak right = ClassOf(text[i]);
  const bool alnum_left = left == kLetter || left == kDigit;
  const bool alnum_right = right == kLetter || right == kDigit;
  if (alnum_left && alnum_right) return true;  // WB5, WB8-WB10: most pairs; none is a WB3 case
  if ((alnum_left && right == kSpace) || (left == kSpace && alnum_right)) return false;  // WB999, the next most
  auto before = [&] { return i >= 2 ? ClassOf(text[i - 2]) : kOther; };
  auto after = [&] { return i + 1 < text.size() ? ClassOf(text[i + 1]) : kOther; };
  if (left == kCr && right == kLf) return true;                                    // WB3
  if (left == kCr || left == kLf || left == kNewline) return false;                // WB3a
  if (right == kCr || right == kLf || right == kNewline) return false;             // WB3b
  if (left == kSpace && right == kSpace) return true;                              // WB3d
  if (left == kLetter && right == kMidNumLet && after() == kLetter) return true;   // WB6
  if (left == kMidNumLet && right == kLetter && before() == kLetter) return true;  // WB7
  const bool mid_num_right = right == kMidNum || right == kMidNumLet;
  const bool mid_num_left = left == kMidNum || left == kMidNumLet;
  if (left == kDigit && mid_num_right && after() == kDigit) return true;             // WB12
  if (mid_num_left && right == kDigit && before() == kDigit) return true;            // WB11
  if ((alnum_left || left == kExtendNumLet) && right == kExtendNumLet) return true;  // WB13a
  if (left == kExtendNumLet && alnum_right) return true;                             // WB13b
  return false;                                                                      // WB999
}

// ICU's rule status for an ASCII segment is a word's (not UBRK_WORD_NONE)
// when it holds a letter (or '@') or digit, or is a run of two or more '_'.
bool IsAsciiWord(std::string_view segment) {
  bool underscores = true;
  for (const char c : segment) {
    const WordBreak kind = ClassOf(c);
    if (kind == WordBreak::kLetter || kind == WordBreak::kDigit) return true;
    underscores = underscores && kind == WordBreak::kExtendNumLet;
  }
  return underscores && segment.size() >= 2;
}

bool SegmentAscii(std::string_view text, auto&& sink) {
  if (!IsAscii(text)) return false;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i < text.size() && JoinsAscii(text, i)) continue;
    sink(begin, i, IsAsciiWord(text.substr(begin, i - begin)));
    begin = i;
  }
  return true;
}

// ICU's Thai and Lao engines read the abbreviation mark ฯ (ຯ) as a letter of
// the word before it, and the dictionary then no longer finds that word:
// "กรุงเทพฯ" stayed one term, so a search for กรุงเทพ missed it, and
// "นายกรัฐมนตรีฯ" broke as นายก|รัฐ|มน|ตรีฯ (144 of 300 thaigov releases
// write ฯ). ICU is given spaces in place of each mark (as many bytes, so
// offsets hold); the mark is then given back to the word it ends, as the
// abbreviation dot is ("กม." in the hand-segmented wisesight gold, and
// "กรุงเทพฯ" too), and FoldToken drops it from the term. ฯลฯ ("etc.") is
// punctuation, no word: read as letters it gave a stray ล.
bool HasAbbreviationMark(std::string_view utf8) {
  return utf8.find(kThaiAbbreviation) != std::string_view::npos ||
         utf8.find(kLaoAbbreviation) != std::string_view::npos;
}

// ฯลฯ / ຯລຯ at `at`: the mark, the letter lo ling / lo, the mark.
bool IsEtcetera(std::string_view utf8, std::size_t at) {
  return utf8.substr(at, 9) == "\xE0\xB8\xAF\xE0\xB8\xA5\xE0\xB8\xAF" ||
         utf8.substr(at, 9) == "\xE0\xBA\xAF\xE0\xBA\xA5\xE0\xBA\xAF";
}

void MaskAbbreviationMarks(std::string& text) {
  for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
    const std::string_view here = std::string_view(text).substr(at, 3);
    if (here != kThaiAbbreviation && here != kLaoAbbreviation) continue;
    const std::size_t length = IsEtcetera(text, at) ? 9 : 3;
    text.replace(at, length, length, ' ');
    at += length - 1;
  }
}

// Passes segments on, giving each lone mark (now inside a run of spaces) back
// to the word right before it. `original` is the unmasked text.
template <typename Sink>
class AbbreviationMarkSink {
 public:
  AbbreviationMarkSink(std::string_view original, Sink& sink) : original_(original), sink_(sink) {}

  void operator()(std::size_t begin, std::size_t end, bool is_word) {
    if (!is_word && has_word_ && begin == word_end_ && !IsEtcetera(original_, begin)) {
      const std::string_view mark = original_.substr(begin, 3);
      if (mark == kThaiAbbreviation || mark == kLaoAbbreviation) {
        word_end_ += 3;
        Finish();
        if (begin + 3 < end) sink_(begin + 3, end, false);
        return;
      }
    }
    Finish();
    if (is_word) {
      has_word_ = true;
      word_begin_ = begin;
      word_end_ = end;
    } else {
      sink_(begin, end, false);
    }
  }

  // Passes on the word held back (it might have been followed by a mark).
  void Finish() {
    if (has_word_) sink_(word_begin_, word_end_, true);
    has_word_ = false;
  }

 private:
  std::string_view original_;
  Sink& sink_;
  bool has_word_ = false;
  std::size_t word_begin_ = 0;
  std::size_t word_end_ = 0;
};

// Thai abbreviations are consonants and a dot (ครม. "the cabinet", กทม.
// "Bangkok", จ. "province", พ.ร.บ. "act"), often glued to the word before
// them: "ประชุมครม." (cabinet meeting), "ตามมติครม." (by cabinet
// resolution). ICU's dictionary doesn't know them and covers the letters
// with words it does know: ประ|ชุม|ค|รม, so neither ประชุม nor ครม was a
// term. Where ICU ends the run before the dot with a dictionary word (รม),
// it is shown a space where the abbreviation starts: two to five bare
// consonants (no vowel, no mark) before the dot, one or more in a dotted
// abbreviation (พ.ศ.); of the places it could start, the one whose text
// before it ICU reads, alone, in the fewest words ending with a dictionary
// word (ประชุม|ครม: one word, not ประ|ชุ|มครม: two), the shorter
// abbreviation on a tie (เผย|ครม, not เผ|ยครม: ICU's dictionary has เผ).
// Where ICU already ends the run with an unknown word (สะดวก|จ., มกอช.),
// its reading stands.
bool ThaiConsonantBefore(std::string_view s, std::size_t end) {  // ก..ฮ, U+0E01..U+0E2E
  return end >= 3 && end <= s.size() && static_cast<unsigned char>(s[end - 3]) == 0xE0 &&
         static_cast<unsigned char>(s[end - 2]) == 0xB8 && static_cast<unsigned char>(s[end - 1]) >= 0x81 &&
         static_cast<unsigned char>(s[end - 1]) <= 0xAE;
}

// Thai letters, vowels and marks, not ฯ, ๆ, digits or the baht sign.
bool ThaiLetterBefore(std::string_view s, std::size_t end) {
  if (end < 3 || static_cast<unsigned char>(s[end - 3]) != 0xE0) return false;
  const auto b1 = static_cast<unsigned char>(s[end - 2]);
  const auto b2 = static_cast<unsigned char>(s[end - 1]);
  if (b1 == 0xB8) return b2 >= 0x81 && b2 <= 0xBA && b2 != 0xAF;  // U+0E01..U+0E3A less ฯ
  if (b1 == 0xB9) return b2 >= 0x80 && b2 <= 0x8E && b2 != 0x86;  // U+0E40..U+0E4E less ๆ
  return false;
}

struct IcuReading {
  std::size_t words = 0;
  std::size_t last = 0;     // where the last word starts
  bool last_known = false;  // the last word is a dictionary word
};

std::optional<IcuReading> ReadWithIcu(std::string_view thai) {
  IcuReading reading;
  const bool read = ForEachIcuSegment(thai, [&](std::size_t begin, std::size_t, bool) {
    ++reading.words;
    reading.last = begin;
  });
  if (!read || reading.words == 0) return std::nullopt;
  reading.last_known = InDictionary(thai.substr(reading.last));
  return reading;
}

// Offsets, in order, where a glued abbreviation starts.
std::vector<std::size_t> GluedAbbreviationStarts(std::string_view utf8) {
  constexpr std::size_t kMaxLetters = 5, kBytes = 3;  // every Thai letter is 3 bytes
  std::vector<std::size_t> starts;
  for (auto dot = utf8.find('.'); dot != std::string_view::npos; dot = utf8.find('.', dot + 1)) {
    std::size_t consonants = dot;
    while (ThaiConsonantBefore(utf8, consonants)) consonants -= kBytes;
    const bool dotted = ThaiConsonantBefore(utf8, dot + 1 + kBytes) && utf8.substr(dot + 1 + kBytes, 1) == ".";
    const std::size_t min_letters = dotted ? 1 : 2;
    if (dot - consonants < min_letters * kBytes) continue;
    std::size_t run = consonants;
    while (ThaiLetterBefore(utf8, run)) run -= kBytes;
    const auto icu = ReadWithIcu(utf8.substr(run, dot - run));
    if (!icu || (run + icu->last >= consonants && !icu->last_known)) continue;
    std::optional<std::size_t> best_start;
    std::size_t best_words = 0;
    for (std::size_t letters = min_letters; letters <= kMaxLetters; ++letters) {
      const std::size_t split = dot - letters * kBytes;
      if (split < consonants || split <= run) break;
      const auto before = ReadWithIcu(utf8.substr(run, split - run));
      if (before && before->last_known && (!best_start || before->words < best_words)) {
        best_start = split;
        best_words = before->words;
      }
    }
    if (best_start) starts.push_back(*best_start);
  }
  return starts;
}

RewrittenText WithSpacesAt(std::string_view utf8, const std::vector<std::size_t>& at) {
  RewrittenText out;
  out.text.reserve(utf8.size() + at.size());
  out.source.reserve(utf8.size() + at.size() + 1);
  auto next = at.begin();
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (next != at.end() && *next == i) {
      out.text += ' ';
      out.source.push_back(i);  // an empty segment in the input: not passed on
      ++next;
    }
    out.text += utf8[i];
    out.source.push_back(i);
  }
  out.source.push_back(utf8.size());
  return out;
}

template <typename Sink>
void SegmentText(std::string_view utf8, Sink&& sink) {
  if (utf8.empty()) return;
  if (SegmentAscii(utf8, sink)) return;
  const bool marks = HasAbbreviationMark(utf8);
  if (NeedsLaoLigatures(utf8)) {
    RewrittenText composed = ComposeLao(utf8);
    if (!marks) {
      Segment(composed.text, &composed.source, sink);
      return;
    }
    MaskAbbreviationMarks(composed.text);
    AbbreviationMarkSink<std::remove_reference_t<Sink>> unmask(utf8, sink);
    Segment(composed.text, &composed.source, unmask);
    unmask.Finish();
    return;
  }
  std::string masked;
  if (marks) {
    masked = utf8;
    MaskAbbreviationMarks(masked);
  }
  const std::string_view text = marks ? std::string_view(masked) : utf8;
  RewrittenText spaced;
  if (const auto starts = GluedAbbreviationStarts(text); !starts.empty()) spaced = WithSpacesAt(text, starts);
  const bool rewritten = !spaced.source.empty();
  const std::string_view shown = rewritten ? std::string_view(spaced.text) : text;
  const std::vector<std::size_t>* source = rewritten ? &spaced.source : nullptr;
  if (!marks) {
    Segment(shown, source, sink);
    return;
  }
  AbbreviationMarkSink<std::remove_reference_t<Sink>> unmask(utf8, sink);
  Segment(shown, source, unmask);
  unmask.Finish();
}

}  // namespace

void ForEachSegment(std::string_view utf8, const SegmentSink& sink) { SegmentText(utf8, sink); }

void ForEachToken(std::string_view utf8, const TokenSink& sink) { ForEachToken(utf8, sink, RawWordFilter()); }

void ForEachToken(std::string_view utf8, const TokenSink& sink, const RawWordFilter& wanted) {
  Token token;
  SegmentText(utf8, [&](std::size_t begin, std::size_t end, bool is_word) {
    if (!is_word) return;
    token.raw = utf8.substr(begin, end - begin);
    if (wanted && !wanted(token.raw)) return;
    token.begin = begin;
    token.end = end;
    token.term = FoldToken(token.raw);
    if (!token.term.empty()) sink(token);
  });
}

std::vector<std::string> ExactAccentForms(std::string_view utf8) {
  std::vector<std::string> forms;
  ForEachToken(utf8, [&](const Token& t) {
    if (!MayHaveFoldedAccents(t.raw)) return;
    std::string exact = FoldTokenKeepAccents(t.raw);
    if (exact != t.term) forms.push_back(std::move(exact));
  });
  return forms;
}

std::vector<std::string> Terms(std::string_view utf8) {
  std::vector<std::string> terms;
  ForEachToken(utf8, [&](const Token& t) { terms.push_back(t.term); });
  return terms;
}

}  // namespace pressdex
