#include "common/segment.h"

#include <unicode/bytestrie.h>
#include <unicode/uchar.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <vector>

namespace pressdex {
namespace {

// ICU's break-iterator dictionaries, read straight from ICU's data: the same
// word lists the word break iterator uses, so a compound splits into words
// ICU itself knows. The layout is ICU's DictionaryData (dictionarydata.h):
// eight int32 indexes, then a BytesTrie (Thai, Lao, Khmer, Burmese; code
// points stored as one byte, offset from the script's block) or a UCharsTrie
// (Chinese/Japanese). Stable since ICU 50.
enum Index { kTrieOffset = 0, kTrieType = 4, kTransform = 5, kIndexCount = 8 };
constexpr int32_t kTrieTypeMask = 7;
constexpr int32_t kTrieBytes = 0;
constexpr int32_t kTrieUChars = 1;
constexpr int32_t kTransformTypeMask = 0x7f000000;
constexpr int32_t kTransformOffset = 0x01000000;
constexpr int32_t kTransformOffsetMask = 0x1fffff;

enum class Script { kOther, kThai, kLao, kKhmer, kMyanmar, kHan };

struct Dictionary {
  const char* bytes = nullptr;       // BytesTrie data, or
  const char16_t* uchars = nullptr;  // UCharsTrie data
  int32_t transform = 0;
  // Kept (never closed: the tries point into it until exit) so that leak
  // checkers see the ICU handle as still reachable, not lost.
  UDataMemory* memory = nullptr;

  bool loaded() const { return bytes != nullptr || uchars != nullptr; }

  // The byte a code point is stored as in a BytesTrie; -1 if it cannot occur.
  int32_t Transform(UChar32 c) const {
    if ((transform & kTransformTypeMask) != kTransformOffset) return c;
    if (c == 0x200D) return 0xFF;
    if (c == 0x200C) return 0xFE;
    const int32_t delta = c - (transform & kTransformOffsetMask);
    return (delta < 0 || delta > 0xFD) ? -1 : delta;
  }
};

Dictionary Load(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  // Never closed: the data lives in libicudata and is needed until exit.
  UDataMemory* memory = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", name, &status);
  Dictionary dict;
  if (U_FAILURE(status) || memory == nullptr) return dict;
  dict.memory = memory;
  const auto* base = static_cast<const uint8_t*>(udata_getMemory(memory));
  if (base == nullptr) return dict;
  std::array<int32_t, kIndexCount> index{};
  std::copy_n(reinterpret_cast<const int32_t*>(base), kIndexCount, index.begin());
  const int32_t type = index[kTrieType] & kTrieTypeMask;
  if (type == kTrieBytes) {
    dict.bytes = reinterpret_cast<const char*>(base + index[kTrieOffset]);
    dict.transform = index[kTransform];
  } else if (type == kTrieUChars) {
    dict.uchars = reinterpret_cast<const char16_t*>(base + index[kTrieOffset]);
  }
  return dict;
}

const Dictionary& DictionaryFor(Script script) {
  static const Dictionary thai = Load("thaidict");
  static const Dictionary lao = Load("laodict");
  static const Dictionary khmer = Load("khmerdict");
  static const Dictionary burmese = Load("burmesedict");
  static const Dictionary cj = Load("cjdict");
  static const Dictionary none;
  switch (script) {
    case Script::kThai: return thai;
    case Script::kLao: return lao;
    case Script::kKhmer: return khmer;
    case Script::kMyanmar: return burmese;
    case Script::kHan: return cj;
    case Script::kOther: break;
  }
  return none;
}

Script ScriptOf(UChar32 c) {
  if (c >= 0x0E01 && c <= 0x0E7F) return Script::kThai;
  if (c >= 0x0E80 && c <= 0x0EFF) return Script::kLao;
  if ((c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF)) return Script::kKhmer;
  if ((c >= 0x1000 && c <= 0x109F) || (c >= 0xA9E0 && c <= 0xA9FF) || (c >= 0xAA60 && c <= 0xAA7F))
    return Script::kMyanmar;
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return Script::kHan;
  return Script::kOther;
}

struct CodePoints {
  std::vector<UChar32> cp;
  std::vector<std::size_t> offset;  // byte offset of cp[i]; offset[size] = end
};

CodePoints Decode(std::string_view utf8) {
  CodePoints out;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    out.offset.push_back(static_cast<std::size_t>(i));
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.cp.push_back(c);
  }
  out.offset.push_back(utf8.size());
  return out;
}

// A word may start at cp[i] only at the start of a character cluster: not on
// a combining mark, nor right after a Khmer coeng / Myanmar virama (which
// stack the next consonant under the previous one).
bool ClusterStart(const std::vector<UChar32>& cp, std::size_t i) {
  if (i == 0) return true;
  if ((U_GET_GC_MASK(cp[i]) & U_GC_M_MASK) != 0) return false;
  const UChar32 prev = cp[i - 1];
  return prev != 0x17D2 && prev != 0x1039;
}

// Lengths (in code points) of the dictionary words starting at cp[from].
void WordsAt(const Dictionary& dict, const std::vector<UChar32>& cp, std::size_t from,
             std::vector<std::size_t>& lengths) {
  lengths.clear();
  icu::BytesTrie trie(dict.bytes);
  for (std::size_t j = from; j < cp.size(); ++j) {
    const int32_t b = dict.Transform(cp[j]);
    if (b < 0) break;
    const UStringTrieResult r = j == from ? trie.first(b) : trie.next(b);
    if (USTRINGTRIE_HAS_VALUE(r)) lengths.push_back(j + 1 - from);
    if (!USTRINGTRIE_HAS_NEXT(r)) break;
  }
}

// Below these sizes a word is left whole: short words split into short
// pieces are where false matches come from (Khmer អំពាវនាវ "appeal" would
// yield នាវ "ship"), while the glued names of ministries and countries are
// long. ICU's Thai dictionary already splits such names (กระทรวง|สาธารณสุข);
// the long Thai words it keeps are lexicalised, and their short pieces
// mislead (ประสิทธิภาพ "efficiency" = ประ+สิทธิ+ภาพ "picture", เกี่ยวข้อง
// "related" = เกี่ยว "harvest" + ข้อง), so Thai parts must be longer
// (กรุงเทพ+มหานคร, ทรัพยากร+ธรรมชาติ still split). Chosen by reading the
// splits of 3 MB of thaigov releases (docs/languages.md).
constexpr std::size_t kMinCompound = 10;  // code points
constexpr std::size_t kMinPart = 3;
constexpr std::size_t kMinThaiPart = 5;
constexpr std::size_t kMaxCompound = 64;

// The fewest dictionary words (each at least `min_part` long, none the whole
// word) that spell `cp` exactly; empty if there is no such split.
std::vector<std::size_t> SplitCompound(const Dictionary& dict, const std::vector<UChar32>& cp, std::size_t min_part) {
  const std::size_t n = cp.size();
  constexpr int kInf = INT_MAX / 2;
  std::vector<int> cost(n + 1, kInf);
  std::vector<std::size_t> back(n + 1, 0);
  cost[0] = 0;
  std::vector<std::size_t> lengths;
  for (std::size_t i = 0; i < n; ++i) {
    if (cost[i] == kInf || !ClusterStart(cp, i)) continue;
    WordsAt(dict, cp, i, lengths);
    for (const std::size_t len : lengths) {
      const std::size_t j = i + len;
      if (len < min_part || (i == 0 && j == n)) continue;
      if (j < n && !ClusterStart(cp, j)) continue;
      // Ties go to the longer first word: ICU's own longest-match habit.
      if (cost[i] + 1 < cost[j]) {
        cost[j] = cost[i] + 1;
        back[j] = i;
      }
    }
  }
  std::vector<std::size_t> cuts;  // start of each part, then n
  if (cost[n] == kInf) return cuts;
  for (std::size_t j = n; j > 0; j = back[j]) cuts.push_back(j);
  cuts.push_back(0);
  std::reverse(cuts.begin(), cuts.end());
  return cuts;
}

}  // namespace

void ForEachSubword(std::string_view term, const SubwordSink& sink) {
  // Every script handled here is encoded with 3- or 4-byte sequences.
  if (term.size() < 6 || static_cast<unsigned char>(term[0]) < 0xE0) return;
  const CodePoints text = Decode(term);
  const std::size_t n = text.cp.size();
  if (n < 2 || n > kMaxCompound) return;
  const Script script = ScriptOf(text.cp[0]);
  if (script == Script::kOther) return;
  if (script == Script::kHan) {
    // Single-character fallback: each ideograph of the word.
    for (std::size_t i = 0; i < n; ++i) {
      if (ScriptOf(text.cp[i]) != Script::kHan) continue;
      sink(term.substr(text.offset[i], text.offset[i + 1] - text.offset[i]), static_cast<unsigned>(i));
    }
    return;
  }
  if (n < kMinCompound) return;
  const Dictionary& dict = DictionaryFor(script);
  if (dict.bytes == nullptr) return;
  const std::vector<std::size_t> cuts = SplitCompound(dict, text.cp, script == Script::kThai ? kMinThaiPart : kMinPart);
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
    sink(term.substr(text.offset[cuts[k]], text.offset[cuts[k + 1]] - text.offset[cuts[k]]), static_cast<unsigned>(k));
}

bool InDictionary(std::string_view word) {
  const CodePoints text = Decode(word);
  if (text.cp.empty()) return false;
  const Dictionary& dict = DictionaryFor(ScriptOf(text.cp[0]));
  if (dict.bytes != nullptr) {
    icu::BytesTrie trie(dict.bytes);
    UStringTrieResult r = USTRINGTRIE_NO_MATCH;
    for (std::size_t i = 0; i < text.cp.size(); ++i) {
      const int32_t b = dict.Transform(text.cp[i]);
      if (b < 0) return false;
      r = i == 0 ? trie.first(b) : trie.next(b);
      if (!USTRINGTRIE_MATCHES(r)) return false;
    }
    return USTRINGTRIE_HAS_VALUE(r);
  }
  if (dict.uchars != nullptr) {
    icu::UCharsTrie trie(dict.uchars);
    UStringTrieResult r = USTRINGTRIE_NO_MATCH;
    for (std::size_t i = 0; i < text.cp.size(); ++i) {
      r = i == 0 ? trie.firstForCodePoint(text.cp[i]) : trie.nextForCodePoint(text.cp[i]);
      if (!USTRINGTRIE_MATCHES(r)) return false;
    }
    return USTRINGTRIE_HAS_VALUE(r);
  }
  return false;
}

bool HasDictionary(std::string_view word) {
  if (word.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && DictionaryFor(ScriptOf(c)).loaded();
}

}  // namespace pressdex
