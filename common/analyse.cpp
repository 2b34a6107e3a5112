// First version of the analysis pipeline: title, text, metadata date and
// language. The extractors of common/extract/ plug in here.
#include "common/analyse.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "common/language.h"
#include "common/normalize.h"

namespace pressdex {

struct Analyser::Impl {
  AnalyserOptions options;
};

Analyser::Analyser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyser::~Analyser() = default;

Result<std::unique_ptr<Analyser>> Analyser::Create(const AnalyserOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  return std::unique_ptr<Analyser>(new Analyser(std::move(impl)));
}

namespace {

std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// "2020-04-29", "2020-04-29T10:00:00Z" -> "2020-04-29"; "" if not ISO.
std::string IsoDatePrefix(std::string_view s) {
  int y = 0, m = 0, d = 0;
  const std::string str(s.substr(0, 10));
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return {};
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A line worth using as a title: has letters, isn't a one-word menu item.
bool MeaningfulLine(std::string_view line) {
  int letters = 0;
  for (const char c : line) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 8;
}

std::string ShortenTitle(std::string title) {
  constexpr std::size_t kMax = 160;
  if (title.size() <= kMax) return title;
  std::size_t cut = title.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  return title.substr(0, cut) + "…";
}

}  // namespace

Release Analyser::Analyse(const SourceRecord& record, const FileInfo& file,
                          const std::vector<std::string>& boilerplate) const {
  Release r;
  r.path = file.path;
  r.id = file.path + record.id_suffix;
  r.mtime = file.mtime;
  r.size = file.size;
  r.url = record.meta.url;

  const std::unordered_set<std::string> chrome(boilerplate.begin(), boilerplate.end());
  std::string text;
  std::string first_line;
  std::size_t start = 0;
  const std::string& raw = record.text;
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string::npos) end = raw.size();
    const std::string line = Trim(std::string_view(raw).substr(start, end - start));
    start = end + 1;
    if (!line.empty() && chrome.count(line) != 0) continue;
    if (first_line.empty() && MeaningfulLine(line)) first_line = line;
    text += line;
    text += '\n';
  }
  r.text = Trim(text);

  r.title = Trim(record.title);
  if (r.title.empty()) r.title = ShortenTitle(first_line);

  if (std::string iso = IsoDatePrefix(Trim(record.meta.date)); !iso.empty()) {
    r.date = iso;
    r.date_source = "metadata";
  }
  r.lang = NormaliseLanguageCode(record.meta.language);
  if (r.lang.empty()) r.lang = impl_->options.default_lang;
  r.place = record.meta.place;
  r.source = record.meta.source;
  for (const auto& name : record.meta.organisations) r.orgs.push_back(Organisation{name, {}});
  if (!record.meta.issuer.empty()) {
    r.issuer = Organisation{record.meta.issuer, {}};
    const bool listed = std::any_of(r.orgs.begin(), r.orgs.end(),
                                    [&](const Organisation& o) { return FoldKey(o.name) == FoldKey(r.issuer.name); });
    if (!listed) r.orgs.insert(r.orgs.begin(), r.issuer);
  } else if (!r.orgs.empty()) {
    r.issuer = r.orgs.front();
  }
  r.topics = record.meta.topics;
  return r;
}

}  // namespace pressdex
