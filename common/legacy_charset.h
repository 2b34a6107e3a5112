// Bytes that are not UTF-8: which legacy charset they are in, and their text.
//
// ICU's charset detector ranks the charsets it knows by byte statistics, but
// it knows neither Thai TIS-620 nor Vietnamese windows-1258: it takes the
// first for Latin-1 or a CJK charset and the second for windows-1252, and
// either way the text comes out as garbage. So the detector's guesses, plus
// windows-874 (TIS-620's superset) and windows-1258, are each decoded (the
// first 16 KB) and read. A reading is *convincing* when
//   * (almost) every byte converts: at most 0.5 % of the non-ASCII
//     characters stand for bytes the charset has no character for (U+FFFD,
//     or the C1 control or private-use code point ICU maps such a byte to);
//   * CLD2 reliably names the language of the words the charset decides
//     (those holding a non-ASCII character: the others read the same in
//     every candidate);
//   * at least 90 % of those words' letters are in that language's script
//     (ICU's uscript_getCode), and
//   * where ICU segments the script with a dictionary (Thai, Lao, Khmer,
//     Burmese, Han), at least half of those letters lie in dictionary words:
//     CLD2 calls any run of Thai letters Thai, and Chinese or Cyrillic bytes
//     read as windows-874 are such runs.
// It is *plausible* when, short of that, the decided words or the whole
// text read as some language in its script, reliably or not.
//
// The detector's first guess stands when it is plausible and the detector
// gave it more than its floor confidence (10: the bytes are merely possible
// in that charset). Otherwise the convincing reading with the fewest
// substitutions wins. Either way, windows-874 or windows-1258 replaces the
// choice when it reads the same language convincingly and CLD2 scores it
// clearly higher: Vietnamese read as windows-1252 is still "Vietnamese",
// scored 2-3 times lower. With no convincing reading the detector's guess
// stands, *uncertain* unless it was plausible.
// Measured on real files: bench/decode-eval, docs/indexing.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pressdex {

struct CharsetGuess {
  std::string charset;     // an ICU converter name: "windows-1252", "windows-874", "GB18030"...
  bool uncertain = false;  // no reading was convincing and the detector's own not even plausible
};

// For bytes that are not valid UTF-8 (only their first 16 KB are read).
// Thread-safe.
CharsetGuess GuessLegacyCharset(std::string_view bytes);

struct LegacyText {
  std::string utf8;
  std::size_t substituted = 0;  // byte sequences `charset` has no character for, now U+FFFD
};

// `bytes` read as `charset` (an ICU converter name). windows-1258 writes
// most tones as separate marks; they are composed (NFC), as Vietnamese UTF-8
// text writes them. InvalidArgument for a charset ICU cannot convert from.
Result<LegacyText> ConvertFrom(std::string_view bytes, const char* charset);

}  // namespace pressdex
