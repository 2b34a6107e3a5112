#include "common/legacy_charset.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "common/extract/language_id.h"
#include "common/segment.h"
#include "common/tokenizer.h"

namespace pressdex {
namespace {

// What is read of a file to choose its charset: enough text for CLD2, and a
// bounded cost per candidate however large the file.
constexpr std::size_t kSampleBytes = 16384;
constexpr std::size_t kDecidedBytes = 4096;  // of the decided words: what CLD2 reads anyway
// Of those, what is segmented to look words up in ICU's dictionary: about
// 300 Thai letters already tell Thai (88-100 % in dictionary words) from
// other bytes read as Thai letters (at most 10 %), at a quarter of the cost.
constexpr std::size_t kDictionaryBytes = 1024;
// The detector's further guesses worth a reading (beyond its first). Its
// floor confidence, 10, only says the bytes are possible in that charset.
constexpr std::size_t kMaxOtherGuesses = 4;
constexpr int32_t kMinConfidence = 10;
// The bar for a convincing reading (see legacy_charset.h).
constexpr double kMaxSubstituted = 0.005;
constexpr double kMinInScript = 0.9;
constexpr double kMinInDictionary = 0.5;
// How much higher CLD2 must score windows-874 or windows-1258 reading the
// same language to replace the choice. On 500 Vietnamese files
// (bench/decode-eval) windows-1258 scored 2.1-3.3 times what windows-1252
// did, where CLD2 found Vietnamese in both (in 60 % of them it found none in
// the windows-1252 reading: score 0); on French, German, Indonesian, Polish
// and Turkish files windows-1258 never scored more than the detector's guess.
constexpr double kClearlyHigher = 1.5;

// Counts what the charset cannot convert and writes U+FFFD for it. ICU's own
// substitution writes U+001A (a control character) for unassigned bytes of
// some charsets.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to convert
  ++*static_cast<std::size_t*>(const_cast<void*>(context));
  *status = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

bool IsMark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// At most `n` bytes of UTF-8 `text`, not cut inside a character.
std::string_view Prefix(std::string_view text, std::size_t n) {
  n = std::min(n, text.size());
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

// The words the charset decides: whitespace-separated runs holding a
// non-ASCII character, joined by spaces, up to kDecidedBytes.
std::string DecidedWords(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && out.size() < kDecidedBytes) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    const std::size_t begin = i;
    bool non_ascii = false;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t') {
      non_ascii |= static_cast<unsigned char>(text[i]) >= 0x80;
      ++i;
    }
    if (!non_ascii) continue;
    if (!out.empty()) out += ' ';
    out.append(text.substr(begin, i - begin));
  }
  out.resize(Prefix(out, kDecidedBytes).size());
  return out;
}

// How a text reads in the language CLD2 finds in it.
struct Fit {
  LanguageFit language;
  bool in_script = false;      // at least kMinInScript of the non-ASCII letters in the language's script
  bool in_dictionary = false;  // ...and, for dictionary scripts, in dictionary words
};

// `reliable_only`: stop short (in_dictionary false) unless CLD2's verdict
// is reliable, and `only_language`, unless it names that language: this
// saves segmenting readings that cannot matter.
Fit FitOf(std::string_view text, bool reliable_only, std::string_view only_language = {}) {
  Fit fit;
  fit.language = FitLanguage(text);
  if (fit.language.guess.code.empty() || (reliable_only && !fit.language.guess.reliable)) return fit;
  if (!only_language.empty() && fit.language.guess.code != only_language) return fit;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode scripts[8];
  const int32_t n = uscript_getCode(fit.language.guess.code.c_str(), scripts, 8, &status);
  if (U_FAILURE(status) || n <= 0) return fit;
  std::size_t letters = 0;
  std::size_t in_script = 0;
  bool dictionary_script = false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0x80 || !(u_isalpha(c) || IsMark(c))) continue;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    ++letters;
    if (std::find(scripts, scripts + n, script) != scripts + n) ++in_script;
    if (!dictionary_script)
      dictionary_script =
          HasDictionary(text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
  }
  fit.in_script = static_cast<double>(in_script) >= kMinInScript * static_cast<double>(letters);
  fit.in_dictionary = fit.in_script && !dictionary_script;  // nothing to look up
  if (!fit.in_script || !dictionary_script) return fit;
  // Only now (it segments the text): the share of dictionary-script letters
  // that lie in words of ICU's dictionary. Real Thai: 88-100 %; Chinese,
  // Russian or Vietnamese bytes read as windows-874: at most 10 %.
  std::size_t dictionary_letters = 0;
  std::size_t in_dictionary = 0;
  ForEachToken(Prefix(text, kDictionaryBytes), [&](const Token& token) {
    if (!HasDictionary(token.raw)) return;
    const auto code_points = static_cast<std::size_t>(
        std::count_if(token.raw.begin(), token.raw.end(), [](char b) { return (b & 0xC0) != 0x80; }));
    dictionary_letters += code_points;
    if (InDictionary(token.raw)) in_dictionary += code_points;
  });
  fit.in_dictionary = static_cast<double>(in_dictionary) >= kMinInDictionary * static_cast<double>(dictionary_letters);
  return fit;
}

struct Reading {
  std::string charset;
  int32_t confidence = 0;  // the detector's, 0 for the charsets it does not know
  std::string text;        // the sample, converted, as ReadableText makes it
  double substituted = 0;
  Fit decided;  // of the words the charset decides
  bool convincing = false;
};

// Non-ASCII characters, and of them the placeholders ICU maps the bytes
// some charsets leave unassigned to: C1 controls (windows-1252's 0x81) and
// private-use code points (windows-874's 0xDB). For judging a reading they
// count as substitutions: no character either.
struct NonAsciiCount {
  std::size_t all = 0;
  std::size_t placeholders = 0;
};

NonAsciiCount CountNonAscii(std::string_view utf8) {
  NonAsciiCount count;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0x80) continue;
    ++count.all;
    if (c <= 0x9F || u_charType(c) == U_PRIVATE_USE_CHAR) ++count.placeholders;
  }
  return count;
}

struct Candidate {
  std::string charset;
  int32_t confidence = 0;
};

// The sample read as the candidate's charset, not yet judged.
std::optional<Reading> Convert(std::string_view sample, const Candidate& candidate) {
  auto converted = ConvertFrom(sample, candidate.charset.c_str());
  if (!converted.ok()) return std::nullopt;
  Reading r;
  r.charset = candidate.charset;
  r.confidence = candidate.confidence;
  const NonAsciiCount count = CountNonAscii(converted->utf8);
  r.substituted = static_cast<double>(converted->substituted + count.placeholders) /
                  static_cast<double>(std::max<std::size_t>(1, count.all));
  std::string readable;
  r.text = std::string(ReadableText(converted->utf8, readable));
  return r;
}

// `first`: the detector's first guess, whose reading must also say whether
// it is plausible (reliable or not). `only_language`: see FitOf.
void Judge(Reading& r, bool first, std::string_view only_language = {}) {
  if (r.substituted > kMaxSubstituted) return;
  r.decided = FitOf(DecidedWords(r.text), !first, only_language);
  r.convincing = r.decided.language.guess.reliable && r.decided.in_script && r.decided.in_dictionary;
}

bool CanConvertFrom(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  ucnv_close(converter);
  return U_SUCCESS(status);
}

// The detector's guesses, best first.
std::vector<Candidate> DetectorGuesses(std::string_view sample) {
  std::vector<Candidate> guesses;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return guesses;
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = U_SUCCESS(status) ? ucsdet_detectAll(detector.get(), &count, &status) : nullptr;
  for (int32_t i = 0; U_SUCCESS(status) && matches != nullptr && i < count; ++i) {
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) break;
    if (!guesses.empty() && (guesses.size() > kMaxOtherGuesses || confidence < kMinConfidence)) break;
    std::string charset = name;
    // The caller found the bytes invalid as UTF-8, and UTF-16/32 without a
    // byte order mark is not what text files are. ISO-8859-1 is read as its
    // superset windows-1252 (curly quotes in 0x80-0x9F).
    if (charset.rfind("UTF-", 0) == 0) continue;
    if (charset == "ISO-8859-1") charset = "windows-1252";
    if (!CanConvertFrom(charset)) continue;  // "IBM420_ltr": the detector's name for a mode, not a converter
    if (std::none_of(guesses.begin(), guesses.end(), [&](const Candidate& c) { return c.charset == charset; }))
      guesses.push_back({charset, confidence});
  }
  return guesses;
}

bool ReadsAsLanguage(const Fit& fit) { return !fit.language.guess.code.empty() && fit.in_script && fit.in_dictionary; }

}  // namespace

Result<LegacyText> ConvertFrom(std::string_view bytes, const char* charset) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return Status::InvalidArgument("text too large to convert");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(charset, &status), &ucnv_close);
  if (U_FAILURE(status)) return Status::InvalidArgument(std::string("cannot convert from ") + charset);
  LegacyText out;
  ucnv_setToUCallBack(converter.get(), CountingSubstitute, &out.substituted, nullptr, nullptr, &status);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(), status);
  if (U_FAILURE(status) || text.isBogus())
    return Status::InvalidArgument(std::string("cannot convert from ") + charset);
  if (ucnv_compareNames(charset, "windows-1258") == 0) {
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) text = nfc->normalize(text, status);
    if (U_FAILURE(status)) return Status::InvalidArgument("cannot compose windows-1258 text");
  }
  text.toUTF8String(out.utf8);
  return out;
}

CharsetGuess GuessLegacyCharset(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, kSampleBytes);
  if (sample.size() < bytes.size()) {
    // End at a space or newline, which no charset here uses inside a
    // character, so the last one is not cut in two.
    const std::size_t end = sample.find_last_of(" \n");
    if (end != std::string_view::npos && end > 0) sample = sample.substr(0, end);
  }
  std::vector<Candidate> candidates = DetectorGuesses(sample);
  const std::size_t detected = candidates.size();
  // The two the detector does not know. windows-874 is TIS-620 plus
  // punctuation in 0x80-0x9F, so it reads either.
  for (const char* extra : {"windows-874", "windows-1258"}) {
    if (std::none_of(candidates.begin(), candidates.end(), [&](const Candidate& c) { return c.charset == extra; }))
      candidates.push_back({extra, 0});
  }

  // Each candidate is converted once and judged once, when first needed;
  // candidates[0] is the detector's first guess (windows-874 if it had none).
  std::vector<std::optional<std::optional<Reading>>> readings(candidates.size());
  std::vector<bool> judged(candidates.size(), false);
  auto converted = [&](std::size_t i) -> const std::optional<Reading>& {
    if (!readings[i]) readings[i] = Convert(sample, candidates[i]);
    return *readings[i];
  };
  auto reading = [&](std::size_t i) -> const std::optional<Reading>& {
    converted(i);
    std::optional<Reading>& r = *readings[i];
    if (r && !judged[i]) Judge(*r, i == 0);
    judged[i] = true;
    return r;
  };
  if (!reading(0)) return {candidates[0].charset, true};
  const Reading& first = *reading(0);
  // Short of convincing, the detector's reading may still be plausible: its
  // decided words, or else the whole sample, read as some language in its
  // script, reliably or not (a few accented words; a Chinese text CLD2 finds
  // 70 % Chinese; Vietnamese as windows-1252, whose garbled words CLD2 may
  // call no language at all while the whole text stays Vietnamese).
  std::string language = first.decided.language.guess.code;
  bool plausible = first.substituted <= kMaxSubstituted && ReadsAsLanguage(first.decided);
  if (!plausible && first.substituted <= kMaxSubstituted) {
    const Fit whole = FitOf(Prefix(first.text, kDecidedBytes), false);
    plausible = ReadsAsLanguage(whole);
    if (language.empty()) language = whole.language.guess.code;
  }

  // A charset the detector does not know may read the same language clearly
  // better (Vietnamese: windows-1258, not windows-1252). The score compared
  // is that of the decided words: 0 where CLD2 found no language in them.
  auto same_language_better = [&](std::size_t chosen, const std::string& code) {
    const Reading& r = *reading(chosen);
    for (std::size_t i = std::max<std::size_t>(detected, 1); i < candidates.size() && !code.empty(); ++i) {
      if (i == chosen || !converted(i) || converted(i)->text == r.text) continue;  // the same text cannot read better
      std::optional<Reading> other = judged[i] ? reading(i) : converted(i);
      if (!judged[i]) Judge(*other, false, code);  // only as far as it could be `code`
      if (other->convincing && other->decided.language.guess.code == code &&
          other->decided.language.score >= kClearlyHigher * r.decided.language.score)
        return CharsetGuess{other->charset, false};
    }
    return CharsetGuess{r.charset, false};
  };
  // A plausible first guess stands, unless the detector gave it only its
  // floor confidence (the bytes are merely possible in that charset: Thai
  // read as Shift_JIS can even be convincing Japanese, with a few bytes
  // Shift_JIS has no character for).
  if (plausible && first.confidence > kMinConfidence) return same_language_better(0, language);

  // Otherwise the convincing reading with the fewest substitutions, the
  // detector's order breaking ties (Thai: windows-874, where the detector
  // said Latin-1 or a CJK charset).
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& r = reading(i);
    if (r && r->convincing && (!best || r->substituted < reading(*best)->substituted)) best = i;
  }
  if (best) return same_language_better(*best, reading(*best)->decided.language.guess.code);
  return {first.charset, !plausible};
}

}  // namespace pressdex
