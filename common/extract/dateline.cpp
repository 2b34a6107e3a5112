#include "common/extract/dateline.h"

#include "common/extract/place_source.h"
#include "common/extract/text_util.h"

namespace pressdex {

using extract::Trim;
using extract::TrimView;

namespace {

constexpr std::size_t kMaxPrefix = 120;  // bytes a dateline may take before its dash

// The dash that ends a dateline: " – ", " - ", " — ", " -- " (or a dash
// right after a closing bracket: "(VNA)–"). npos when none.
std::size_t FindDash(std::string_view line, std::size_t* dash_len) {
  const std::size_t limit = std::min(line.size(), kMaxPrefix);
  for (std::size_t i = 1; i < limit; ++i) {
    std::size_t len = 0;
    if (!extract::StartsWithDash(line.substr(i), &len)) continue;
    // "March 26- " happens too: a digit right before the dash.
    const bool space_before =
        line[i - 1] == ' ' || line[i - 1] == ')' || line[i - 1] == '/' || extract::IsAsciiDigit(line[i - 1]);
    const bool space_after = i + len >= line.size() || line[i + len] == ' ';
    if (space_before && space_after) {
      *dash_len = len;
      return i;
    }
  }
  return std::string_view::npos;
}

bool AllCaps(std::string_view s) {
  bool upper = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = extract::NextCodePoint(s, &i);
    if (extract::IsLowerChar(c)) return false;
    if (extract::IsUpperChar(c)) upper = true;
  }
  return upper;
}

// "TEMPO.CO", "Liputan6.com": a news site named by its domain, as
// Indonesian and Malaysian papers open with it ("TEMPO.CO, Jakarta –").
bool LooksLikeWebOutlet(std::string_view s) {
  s = TrimView(s);
  if (s.size() < 4 || s.size() > 40 || s.find(' ') != std::string_view::npos) return false;
  const std::size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= s.size()) return false;
  std::string tld(s.substr(dot + 1));
  for (char& c : tld) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static constexpr std::string_view kDomains[] = {"co", "com", "net", "org", "news", "tv", "id", "my", "sg",
                                                  "ph", "vn",  "th",  "kh",  "la",   "mm", "bn", "tl"};
  for (const std::string_view d : kDomains) {
    if (tld == d) return true;
  }
  return false;
}

// A dateline field that is a date ("March 3"), or a region and the date
// without a comma between ("Tex. March 3", as in "ANGLETON, Tex. March 3").
std::optional<DateParts> TrailingDate(std::string_view part, bool day_first) {
  if (auto date = DateParser::Get().ParseExact(part, day_first)) return date;
  if (auto m = DateParser::Get().FindFirst(part, day_first, true);
      m && TrimView(part.substr(m->end)).empty() && LooksLikePlace(part.substr(0, m->begin))) {
    return m->date;
  }
  return std::nullopt;
}

// "JAKARTA, 29 April 2020", "Jakarta (VNA)", "NEW YORK, March 3 (Reuters)",
// "BANGKOK, 29 April 2020 /PRNewswire/".
std::optional<Dateline> ParsePrefix(std::string_view prefix, bool day_first) {
  prefix = TrimView(prefix);
  Dateline d;
  std::string rest;
  // Agency in brackets or slashes.
  std::string_view body = prefix;
  if (const auto open = body.find('('); open != std::string_view::npos) {
    const auto close = body.find(')', open);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view inner = body.substr(open + 1, close - open - 1);
    if (!LooksLikeAgency(inner)) return std::nullopt;
    d.agency = Trim(inner.substr(0, inner.find('/')));  // "TTXVN/Vietnam+" -> "TTXVN"
    rest = std::string(body.substr(0, open)) + " " + std::string(body.substr(close + 1));
  } else if (const auto slash = body.find('/');
             slash != std::string_view::npos && body.find('/', slash + 1) != std::string_view::npos) {
    const auto close = body.find('/', slash + 1);
    const std::string_view inner = body.substr(slash + 1, close - slash - 1);
    if (!LooksLikeAgency(inner)) return std::nullopt;
    d.agency = Trim(inner);
    rest = std::string(body.substr(0, slash)) + " " + std::string(body.substr(close + 1));
  } else {
    rest = std::string(body);
  }
  std::string_view r = TrimView(rest);
  while (!r.empty() && (r.back() == ',' || r.back() == ':')) r = TrimView(r.substr(0, r.size() - 1));
  if (r.empty()) return std::nullopt;

  // Place, then optional regions ("Conn.", "Prince Edward Island") and a
  // date, comma-separated: "HARTFORD, Conn., March 26".
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t comma = r.find(',', start);
    parts.push_back(
        TrimView(r.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  // "TEMPO.CO, Jakarta –": the site first, then the place (which the site
  // vouches for, mixed case or not).
  if (d.agency.empty() && parts.size() >= 2 && LooksLikeWebOutlet(parts.front()) && LooksLikePlace(parts[1])) {
    d.agency = Trim(parts.front());
    parts.erase(parts.begin());
  } else if (d.agency.empty() && parts.size() == 1 && LooksLikeWebOutlet(parts.front())) {
    d.agency = Trim(parts.front());  // "INDONEWS.ID –": the site alone, no place
    return d;
  }
  std::string_view place = parts.front();
  if (parts.size() == 1 && !LooksLikePlace(place)) {
    // "กรุงเทพฯ 7 มิถุนายน 2564": place and date without a comma.
    if (auto m = DateParser::Get().FindFirst(place, day_first, true);
        m && m->begin > 0 && TrimView(place.substr(m->end)).empty() && LooksLikePlace(place.substr(0, m->begin))) {
      d.place = NormalisePlace(place.substr(0, m->begin));
      d.date = m->date;
      return d;
    }
  }
  if (!LooksLikePlace(place)) {
    // A date alone before the dash ("April 29, 2020 –").
    if (auto date = DateParser::Get().ParseExact(r, day_first)) {
      d.date = date;
      return d;
    }
    return std::nullopt;
  }
  d.place = NormalisePlace(place);
  // "ROME, March 13, Reuter": the agency after the date, without brackets.
  if (d.agency.empty() && parts.size() > 2 && LooksLikeAgency(parts.back()) &&
      TrailingDate(parts[parts.size() - 2], day_first)) {
    d.agency = Trim(parts.back());
    parts.pop_back();
  }
  std::size_t regions_end = parts.size();
  if (parts.size() > 1) {
    if (auto date = TrailingDate(parts.back(), day_first)) {
      d.date = date;
      regions_end = parts.size() - 1;
    } else if (parts.size() > 2) {
      // "April 29, 2020" split by its own comma.
      const std::string joined = std::string(parts[parts.size() - 2]) + ", " + std::string(parts.back());
      if (auto both = DateParser::Get().ParseExact(joined, day_first)) {
        d.date = both;
        regions_end = parts.size() - 2;
      }
    }
  }
  for (std::size_t i = 1; i < regions_end; ++i) {
    if (!LooksLikePlace(parts[i])) return std::nullopt;
  }
  // A mixed-case word alone before a dash is as likely a phrase as a place:
  // it needs an agency or a date to count ("Jakarta (VNA) –").
  if (d.agency.empty() && !d.date && !AllCaps(place)) return std::nullopt;
  return d;
}

std::optional<Dateline> DateOnlyLine(const std::vector<std::string>& lines, const std::vector<std::size_t>& candidates,
                                     bool day_first);

}  // namespace

std::optional<Dateline> FindDateline(const std::vector<std::string>& lines, std::size_t first_line, bool day_first) {
  // The first few non-empty lines; a "PLACE, date –" opening anywhere among
  // them wins over a line holding only a date (a section/date strip above it).
  std::vector<std::size_t> candidates;
  for (std::size_t i = first_line; i < lines.size() && candidates.size() < 6; ++i) {
    if (!lines[i].empty()) candidates.push_back(i);
  }
  for (const std::size_t i : candidates) {
    const std::string& line = lines[i];
    std::size_t dash_len = 0;
    if (const std::size_t dash = FindDash(line, &dash_len); dash != std::string_view::npos) {
      if (auto d = ParsePrefix(std::string_view(line).substr(0, dash), day_first)) {
        d->line = i;
        d->length = dash + dash_len;
        while (d->length < line.size() && line[d->length] == ' ') ++d->length;
        // "Jakarta (ANTARA) –" under a "Jumat, 29 Mei 2020" strip: the strip dates it.
        // "KUALA LUMPUR, Feb 26 (Bernama) --" under "Last update: 26/02/2024":
        // the page states the year the wire left out, better than a file time's.
        if (!d->date || !d->date->full()) {
          const auto strip = DateOnlyLine(lines, candidates, day_first);
          if (strip && (!d->date || (strip->date->month == d->date->month && strip->date->day == d->date->day))) {
            d->date = strip->date;
          }
        }
        return d;
      }
    }
    // "KUALA LUMPUR: The ..." (Malaysian and Indonesian papers).
    if (const auto colon = line.find(':'); colon != std::string::npos && colon < 40) {
      const std::string_view place = TrimView(std::string_view(line).substr(0, colon));
      if (AllCaps(place) && LooksLikePlace(place)) {
        Dateline d;
        d.line = i;
        d.length = colon + 1;
        d.place = NormalisePlace(place);
        return d;
      }
    }
  }
  return DateOnlyLine(lines, candidates, day_first);
}

namespace {

std::optional<Dateline> DateOnlyLine(const std::vector<std::string>& lines, const std::vector<std::size_t>& candidates,
                                     bool day_first) {
  for (const std::size_t i : candidates) {
    // A line that is only a date ("วันจันทร์ที่ 24 สิงหาคม 2563", "News | 29 April 2020").
    const std::string& line = lines[i];
    if (line.size() > 100) continue;
    if (auto m = DateParser::Get().FindFirst(line, day_first, false)) {
      const std::string_view after = TrimView(std::string_view(line).substr(m->end));
      if (m->begin <= 48 && after.size() <= 12 && after.find('.') == std::string_view::npos) {
        Dateline d;
        d.line = i;
        d.length = line.size();
        d.date = m->date;
        return d;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

}  // namespace pressdex
