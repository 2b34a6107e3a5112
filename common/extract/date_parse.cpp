#include "common/extract/date_parse.h"

#include <algorithm>
#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <array>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/extract/text_util.h"

namespace pressdex {

using extract::IsAsciiDigit;
using extract::NextCodePoint;
using extract::WordKey;

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
long long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct MonthName {
  int month = 0;      // 1..12; -1 when locales disagree (never matched)
  bool thai = false;  // Thai names take Buddhist-era and two-digit years
};

}  // namespace

struct DateParser::Tables {
  std::unordered_map<std::string, MonthName> months;  // folded name -> month
  std::unordered_set<std::string> month_prefixes;     // "thang" of vi "tháng 4"
  int buddhist_offset = 543;                          // from ICU's Buddhist calendar
};

namespace {

// Locales whose month names the parser knows: the region's languages first,
// then the European languages press releases also come in.
constexpr std::array<const char*, 12> kLocales = {"en", "id", "ms", "vi", "th", "fil",
                                                  "fr", "de", "es", "pt", "it", "nl"};

std::string StripTrailingDots(std::string s) {
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void AddMonth(DateParser::Tables* t, const std::string& key, int month, bool thai) {
  if (key.empty()) return;
  auto [it, inserted] = t->months.emplace(key, MonthName{month, thai});
  if (!inserted && it->second.month != month) it->second.month = -1;
  if (!inserted && thai) it->second.thai = true;
}

std::unique_ptr<DateParser::Tables> BuildTables() {
  auto t = std::make_unique<DateParser::Tables>();
  for (const char* loc : kLocales) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols{icu::Locale(loc), status};
    if (U_FAILURE(status)) continue;
    const bool thai = std::string_view(loc) == "th";
    for (const auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (const auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* names = symbols.getMonths(count, context, width);
        for (int32_t i = 0; i < count && i < 12; ++i) {
          std::string utf8;
          names[i].toUTF8String(utf8);
          const std::string key = WordKey(utf8);
          // Vietnamese months are "tháng 4": a word and the month's number.
          if (const auto space = key.find(' '); space != std::string::npos) {
            t->month_prefixes.insert(key.substr(0, space));
            continue;
          }
          AddMonth(t.get(), key, i + 1, thai);
          AddMonth(t.get(), StripTrailingDots(key), i + 1, thai);
        }
      }
    }
  }
  // Common English short forms ICU's "abbreviated" does not list.
  for (const auto& [name, month] :
       std::initializer_list<std::pair<const char*, int>>{{"sept", 9}, {"febr", 2}, {"janv", 1}}) {
    if (!t->months.count(name)) AddMonth(t.get(), name, month, false);
  }
  // The Buddhist era's offset, as ICU's Buddhist calendar has it.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> buddhist(
      icu::Calendar::createInstance(icu::Locale("th_TH@calendar=buddhist"), status));
  std::unique_ptr<icu::Calendar> gregorian(
      icu::Calendar::createInstance(icu::Locale("en_US@calendar=gregorian"), status));
  if (U_SUCCESS(status)) {
    buddhist->clear();
    buddhist->set(2563, UCAL_JULY, 1);
    const UDate when = buddhist->getTime(status);
    gregorian->setTime(when, status);
    const int year = gregorian->get(UCAL_YEAR, status);
    if (U_SUCCESS(status) && year > 1900) t->buddhist_offset = 2563 - year;
  }
  return t;
}

enum class Kind { kNum, kWord, kPunct };

struct Tok {
  Kind kind = Kind::kPunct;
  std::string_view text;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool space_before = false;
  int value = 0;  // numbers
  std::size_t digits = 0;
};

bool IsSpaceAt(std::string_view s, std::size_t i, std::size_t* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;
    return true;
  }
  if (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\x8B") {
    *len = 3;
    return true;
  }
  return false;
}

// ASCII digits and Thai digits (๐-๙, U+0E50..U+0E59: "๒๕ กันยายน ๒๕๖๓").
bool DigitAt(std::string_view s, std::size_t i, int* value, std::size_t* len) {
  if (IsAsciiDigit(s[i])) {
    *value = s[i] - '0';
    *len = 1;
    return true;
  }
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE0 && static_cast<unsigned char>(s[i + 1]) == 0xB9) {
    const unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c >= 0x90 && c <= 0x99) {
      *value = c - 0x90;
      *len = 3;
      return true;
    }
  }
  return false;
}

std::vector<Tok> Tokenise(std::string_view s) {
  std::vector<Tok> toks;
  toks.reserve(s.size() / 4);
  bool space = true;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    if (IsSpaceAt(s, i, &len)) {
      space = true;
      i += len;
      continue;
    }
    Tok t;
    t.begin = i;
    t.space_before = space;
    space = false;
    int digit = 0;
    std::size_t dlen = 0;
    if (DigitAt(s, i, &digit, &dlen)) {
      t.kind = Kind::kNum;
      long long v = 0;
      std::size_t digits = 0;
      while (i < s.size() && DigitAt(s, i, &digit, &dlen)) {
        if (v < 100000000) v = v * 10 + digit;
        i += dlen;
        ++digits;
      }
      t.value = static_cast<int>(v);
      t.digits = digits;
    } else {
      std::size_t j = i;
      const char32_t c = NextCodePoint(s, &j);
      if (extract::IsWordChar(c)) {
        t.kind = Kind::kWord;
        int chars = 1;
        i = j;
        while (i < s.size()) {
          int dv = 0;
          std::size_t dl = 0;
          if (DigitAt(s, i, &dv, &dl)) break;
          std::size_t k = i;
          const char32_t d = NextCodePoint(s, &k);
          if (extract::IsWordChar(d)) {
            i = k;
            ++chars;
            continue;
          }
          // A dot inside a word ("ส.ค.") or after a short one ("Apr.") is part of it.
          if (d == '.') {
            std::size_t m = k;
            const bool letter_next = m < s.size() && !IsAsciiDigit(s[m]) && extract::IsWordChar(NextCodePoint(s, &m));
            if (letter_next || chars <= 4) {
              i = k;
              continue;
            }
          }
          break;
        }
      } else {
        t.kind = Kind::kPunct;
        i = j;
      }
    }
    t.end = i;
    t.text = s.substr(t.begin, t.end - t.begin);
    toks.push_back(t);
  }
  return toks;
}

class Matcher {
 public:
  Matcher(const DateParser::Tables& t, const std::vector<Tok>& toks, bool day_first)
      : t_(t), toks_(toks), day_first_(day_first) {}

  // A date starting at token k; `*end_tok` is one past its last token.
  std::optional<DateParts> At(std::size_t k, bool allow_partial, std::size_t* end_tok) const {
    const Tok& a = toks_[k];
    if (a.kind == Kind::kNum) {
      if (k > 0 && !a.space_before && toks_[k - 1].kind != Kind::kPunct) return std::nullopt;
      // "12.5 April": the 5 belongs to a decimal number.
      if (k > 1 && !a.space_before && !toks_[k - 1].space_before && toks_[k - 2].kind == Kind::kNum &&
          (toks_[k - 1].text == "." || toks_[k - 1].text == ",")) {
        return std::nullopt;
      }
      if (auto d = Numeric(k, end_tok)) return d;
      if (a.digits <= 2) return DayMonthYear(k, allow_partial, end_tok);
      return std::nullopt;
    }
    if (a.kind == Kind::kWord) return MonthDayYear(k, allow_partial, end_tok);
    return std::nullopt;
  }

  // The order of day and month a date at token k shows: only a numeric
  // "a-b-yyyy" can show one, when only one reading of it is a valid date.
  NumericOrder OrderAt(std::size_t k) const {
    std::size_t end_tok = 0;
    if (!Num(k, 1, 2) || !Numeric(k, &end_tok)) return NumericOrder::kNone;  // a word, or the year first
    const int a = toks_[k].value, b = toks_[k + 2].value, year = toks_[k + 4].value;
    const bool day_first = IsValidDate(year, b, a), month_first = IsValidDate(year, a, b);
    if (day_first && month_first) return NumericOrder::kEither;
    return day_first ? NumericOrder::kDayFirst : NumericOrder::kMonthFirst;
  }

 private:
  bool Num(std::size_t k, std::size_t min_digits, std::size_t max_digits) const {
    return k < toks_.size() && toks_[k].kind == Kind::kNum && toks_[k].digits >= min_digits &&
           toks_[k].digits <= max_digits;
  }
  bool Glued(std::size_t k) const { return k < toks_.size() && !toks_[k].space_before; }

  // 2020-04-29, 2020/4/29, 29/04/2020, 04.29.2020 (all glued, one separator).
  std::optional<DateParts> Numeric(std::size_t k, std::size_t* end_tok) const {
    if (k + 4 >= toks_.size()) return std::nullopt;
    const Tok& s1 = toks_[k + 1];
    const Tok& s2 = toks_[k + 3];
    if (s1.kind != Kind::kPunct || s1.text != s2.text) return std::nullopt;
    if (s1.text != "-" && s1.text != "/" && s1.text != ".") return std::nullopt;
    for (std::size_t j = k + 1; j <= k + 4; ++j) {
      if (!Glued(j)) return std::nullopt;
    }
    // "1.2.2020.3" or "10/12/2020/5" are not dates.
    if (k + 5 < toks_.size() && Glued(k + 5) && toks_[k + 5].text == s1.text && Num(k + 6, 1, 9)) return std::nullopt;
    DateParts d;
    if (Num(k, 4, 4) && Num(k + 2, 1, 2) && Num(k + 4, 1, 2)) {
      d = {toks_[k].value, toks_[k + 2].value, toks_[k + 4].value};
    } else if (Num(k, 1, 2) && Num(k + 2, 1, 2) && Num(k + 4, 4, 4)) {
      const int a = toks_[k].value, b = toks_[k + 2].value;
      d = day_first_ ? DateParts{toks_[k + 4].value, b, a} : DateParts{toks_[k + 4].value, a, b};
      if (!IsValidDate(d.year, d.month, d.day)) std::swap(d.month, d.day);
    } else {
      return std::nullopt;
    }
    if (!IsValidDate(d.year, d.month, d.day) || d.year < 1900 || d.year > 2100) return std::nullopt;
    *end_tok = k + 5;
    return d;
  }

  // "th" of "29th", "er" of "1er": glued to the number.
  std::size_t SkipOrdinal(std::size_t k) const {
    if (k < toks_.size() && toks_[k].kind == Kind::kWord && !toks_[k].space_before) {
      const std::string_view w = toks_[k].text;
      if (w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "TH" || w == "ST" || w == "ND" ||
          w == "RD") {
        return k + 1;
      }
    }
    return k;
  }

  // Words and marks that may sit between day, month and year.
  std::size_t SkipConnectors(std::size_t k, bool before_year) const {
    for (int n = 0; n < 2 && k < toks_.size(); ++n) {
      const Tok& t = toks_[k];
      if (t.kind == Kind::kPunct) {
        if (t.text == "," || t.text == "." || t.text == "-" || (before_year && t.text == "/")) {
          ++k;
          continue;
        }
        return k;
      }
      if (t.kind == Kind::kWord) {
        const std::string key = WordKey(t.text);
        if (key == "de" || key == "del" || key == "of" || key == "nam" || key == "พ.ศ." || key == "พ.ศ") {
          ++k;
          continue;
        }
      }
      return k;
    }
    return k;
  }

  std::optional<MonthName> Month(std::size_t k, std::size_t* next) const {
    if (k >= toks_.size() || toks_[k].kind != Kind::kWord) return std::nullopt;
    const std::string_view raw = toks_[k].text;
    if (raw.size() > 40) return std::nullopt;
    std::string key = WordKey(raw);
    if (t_.month_prefixes.count(key) != 0) {
      if (Num(k + 1, 1, 2) && toks_[k + 1].value >= 1 && toks_[k + 1].value <= 12) {
        *next = k + 2;
        return MonthName{toks_[k + 1].value, false};
      }
      return std::nullopt;
    }
    auto it = t_.months.find(key);
    if (it == t_.months.end()) it = t_.months.find(StripTrailingDots(key));
    if (it == t_.months.end() || it->second.month < 1) return std::nullopt;
    *next = k + 1;
    return it->second;
  }

  int Year(std::size_t k, bool thai) const {
    if (k >= toks_.size() || toks_[k].kind != Kind::kNum) return 0;
    // "20201" or "2020.5" are not years.
    if (k + 1 < toks_.size() && !toks_[k + 1].space_before && toks_[k + 1].kind == Kind::kPunct &&
        toks_[k + 1].text == "." && Num(k + 2, 1, 9) && !toks_[k + 2].space_before) {
      return 0;
    }
    const int v = toks_[k].value;
    if (toks_[k].digits == 4) {
      if (v >= 1900 && v <= 2100) return v;
      if (v >= 2443 && v <= 2643) return v - t_.buddhist_offset;  // Buddhist era
      return 0;
    }
    // "24 ส.ค.63": Thai abbreviations carry two-digit Buddhist-era years.
    if (thai && toks_[k].digits == 2) return 2500 + v - t_.buddhist_offset;
    return 0;
  }

  std::optional<DateParts> DayMonthYear(std::size_t k, bool allow_partial, std::size_t* end_tok) const {
    const int day = toks_[k].value;
    if (day < 1 || day > 31) return std::nullopt;
    std::size_t j = SkipConnectors(SkipOrdinal(k + 1), false);
    std::size_t after_month = 0;
    const auto month = Month(j, &after_month);
    if (!month) return std::nullopt;
    const std::size_t y = SkipConnectors(after_month, true);
    if (const int year = Year(y, month->thai); year != 0 && IsValidDate(year, month->month, day)) {
      *end_tok = y + 1;
      return DateParts{year, month->month, day};
    }
    if (!allow_partial || !IsValidDate(2000, month->month, day)) return std::nullopt;
    *end_tok = after_month;
    return DateParts{0, month->month, day};
  }

  std::optional<DateParts> MonthDayYear(std::size_t k, bool allow_partial, std::size_t* end_tok) const {
    std::size_t j = 0;
    const auto month = Month(k, &j);
    if (!month) return std::nullopt;
    if (j < toks_.size() && toks_[j].kind == Kind::kPunct && toks_[j].text == ".") ++j;
    if (!Num(j, 1, 2)) return std::nullopt;
    const int day = toks_[j].value;
    const std::size_t after_day = SkipOrdinal(j + 1);
    std::size_t y = after_day;
    if (y < toks_.size() && toks_[y].kind == Kind::kPunct && toks_[y].text == ",") ++y;
    if (const int year = Year(y, month->thai); year != 0 && IsValidDate(year, month->month, day)) {
      *end_tok = y + 1;
      return DateParts{year, month->month, day};
    }
    if (!allow_partial || !IsValidDate(2000, month->month, day)) return std::nullopt;
    // "March 3.5 percent" is not a date.
    if (after_day < toks_.size() && !toks_[after_day].space_before && toks_[after_day].text == "." &&
        Num(after_day + 1, 1, 9)) {
      return std::nullopt;
    }
    *end_tok = after_day;
    return DateParts{0, month->month, day};
  }

  const DateParser::Tables& t_;
  const std::vector<Tok>& toks_;
  bool day_first_;
};

// Cheap pre-check: a date needs a digit.
bool HasDigit(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (IsAsciiDigit(s[i]) ||
        (static_cast<unsigned char>(s[i]) == 0xB9 && i > 0 && static_cast<unsigned char>(s[i - 1]) == 0xE0)) {
      return true;
    }
  }
  return false;
}

// The token the first date starts at (its date in `*date`, one past its end
// in `*end_tok`), or toks.size() when there is none.
std::size_t FirstDate(const std::vector<Tok>& toks, const Matcher& matcher, bool allow_partial, DateParts* date,
                      std::size_t* end_tok) {
  for (std::size_t k = 0; k < toks.size(); ++k) {
    // Every date has a number within its first three tokens.
    bool number_near = false;
    for (std::size_t j = k; j < toks.size() && j < k + 4; ++j) {
      if (toks[j].kind == Kind::kNum) {
        number_near = true;
        break;
      }
    }
    if (!number_near) continue;
    if (auto d = matcher.At(k, allow_partial, end_tok)) {
      *date = *d;
      return k;
    }
  }
  return toks.size();
}

}  // namespace

DateParser::DateParser() : tables_(BuildTables()) {}
DateParser::~DateParser() = default;

const DateParser& DateParser::Get() {
  static const DateParser parser;
  return parser;
}

std::optional<DateParts> DateParser::ParseField(std::string_view s, bool day_first) const {
  s = extract::TrimView(s);
  // The number written by s[at, at + n), or -1 if that is not all digits.
  const auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!IsAsciiDigit(s[i])) return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  // ISO 8601 first: most metadata is.
  if (s.size() >= 10 && IsAsciiDigit(s[0]) && s[4] == '-' && s[7] == '-') {
    const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y > 0 && IsValidDate(y, m, d)) return DateParts{y, m, d};
  }
  // ISO 8601's basic format, "20210414" or "20210414T093000Z": only as a
  // whole field (in running text eight digits are more often a number).
  if (s.size() >= 8 && num(0, 8) >= 0 && (s.size() == 8 || s[8] == 'T')) {
    const int y = num(0, 4), m = num(4, 2), d = num(6, 2);
    if (y >= 1000 && IsValidDate(y, m, d)) return DateParts{y, m, d};
    return std::nullopt;
  }
  if (auto m = FindFirst(s, day_first, false)) return m->date;
  return std::nullopt;
}

std::optional<DateMatch> DateParser::FindFirst(std::string_view text, bool day_first, bool allow_partial,
                                               std::size_t limit) const {
  if (limit < text.size()) {
    while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    text = text.substr(0, limit);
  }
  if (!HasDigit(text)) return std::nullopt;
  const std::vector<Tok> toks = Tokenise(text);
  const Matcher matcher(*tables_, toks, day_first);
  std::size_t end_tok = 0;
  DateParts d;
  const std::size_t k = FirstDate(toks, matcher, allow_partial, &d, &end_tok);
  if (k == toks.size()) return std::nullopt;
  return DateMatch{d, toks[k].begin, toks[end_tok - 1].end};
}

NumericOrder DateParser::FieldOrder(std::string_view s) const {
  s = extract::TrimView(s);
  if (!HasDigit(s)) return NumericOrder::kNone;
  const std::vector<Tok> toks = Tokenise(s);
  const Matcher matcher(*tables_, toks, true);
  std::size_t end_tok = 0;
  DateParts d;
  const std::size_t k = FirstDate(toks, matcher, false, &d, &end_tok);
  return k == toks.size() ? NumericOrder::kNone : matcher.OrderAt(k);
}

std::optional<DateParts> DateParser::ParseExact(std::string_view s, bool day_first) const {
  const std::vector<Tok> toks = Tokenise(s);
  std::size_t k = 0;
  while (k < toks.size() && toks[k].kind == Kind::kPunct) ++k;
  if (k >= toks.size()) return std::nullopt;
  const Matcher matcher(*tables_, toks, day_first);
  std::size_t end_tok = 0;
  auto d = matcher.At(k, true, &end_tok);
  if (!d) return std::nullopt;
  for (std::size_t j = end_tok; j < toks.size(); ++j) {
    if (toks[j].kind != Kind::kPunct) return std::nullopt;
  }
  return d;
}

bool IsValidDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap;
  }
  return true;
}

std::string FormatIsoDate(const DateParts& d) {
  if (d.year < 1 || d.year > 9999 || !IsValidDate(d.year, d.month, d.day)) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

int LatestYearUpTo(int month, int day, const DateParts& reference, int slack_days) {
  const long long latest = DaysFromCivil(reference.year, reference.month, reference.day) + slack_days;
  // A year ahead when the slack crosses a new year; a leap day recurs within
  // eight years (1896 to 1904).
  for (int y = reference.year + 1; y >= reference.year - 8; --y) {
    if (IsValidDate(y, month, day) && DaysFromCivil(y, month, day) <= latest) return y;
  }
  return 0;
}

long long DayNumber(const DateParts& d) { return DaysFromCivil(d.year, d.month, d.day); }

DateParts DateFromUnixTime(long long seconds) {
  long long z = (seconds >= 0 ? seconds : seconds - 86399) / 86400 + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return DateParts{y, m, d};
}

}  // namespace pressdex
