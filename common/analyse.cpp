// The analysis pipeline: clean text, title, dateline, date, place and source,
// language, organisations and topics, each from its extractor in
// common/extract/. Trust order for every field: what the file's metadata
// states, then what the text says where stories say it (the dateline), then
// the rest of the text, then facts about the file.
#include "common/analyse.h"

#include <algorithm>

#include "common/extract/clean_text.h"
#include "common/extract/data_files.h"
#include "common/extract/date_parse.h"
#include "common/extract/dateline.h"
#include "common/extract/file_clock.h"
#include "common/extract/gazetteer.h"
#include "common/extract/language_id.h"
#include "common/extract/orgs.h"
#include "common/extract/place_source.h"
#include "common/extract/release_date.h"
#include "common/extract/taxonomy.h"
#include "common/extract/text_util.h"
#include "common/extract/title.h"
#include "common/language.h"
#include "common/normalize.h"

namespace pressdex {

struct Analyser::Impl {
  explicit Impl(FileClock c) : clock(std::move(c)) {}
  AnalyserOptions options;
  FileClock clock;  // file times are instants; this says which day each falls on
  Gazetteer gazetteer;
  Taxonomy taxonomy;
  // Acronyms defined inline anywhere in the run; see AliasRegistry for how
  // order independence is kept where it can be.
  mutable AliasRegistry registry;
};

Analyser::Analyser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyser::~Analyser() = default;

Result<std::unique_ptr<Analyser>> Analyser::Create(const AnalyserOptions& options) {
  Result<FileClock> clock = FileClock::Create(options.time_zone);
  if (!clock.ok()) return clock.status();
  auto impl = std::make_unique<Impl>(std::move(clock).value());
  impl->options = options;

  Result<std::string> orgs = FindDataFile("orgs.toml");
  if (!orgs.ok()) return orgs.status();
  if (Status s = impl->gazetteer.AddFile(*orgs); !s.ok()) return s;
  if (!options.orgs_file.empty()) {
    if (Status s = impl->gazetteer.AddFile(options.orgs_file); !s.ok()) return s;
  }

  // --taxonomy replaces the shipped taxonomy rather than adding to it: topic
  // sets are a whole, and mixing two would double-count shared keywords.
  std::string taxonomy_path = options.taxonomy_file;
  if (taxonomy_path.empty()) {
    Result<std::string> found = FindDataFile("taxonomy.toml");
    if (!found.ok()) return found.status();
    taxonomy_path = *found;
  }
  if (Status s = impl->taxonomy.AddFile(taxonomy_path); !s.ok()) return s;

  (void)DateParser::Get();  // build ICU's month tables now, not in the first worker
  return std::unique_ptr<Analyser>(new Analyser(std::move(impl)));
}

namespace {

// The end of the lead: the first line long enough to be a paragraph (a
// section/date strip above it does not count). The issuing organisation is
// the first one named up to there.
std::size_t LeadEnd(std::string_view text) {
  constexpr std::size_t kParagraph = 80;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start >= kParagraph) return end;
    start = end + 1;
  }
  return text.size();
}

bool SameOrganisation(const Organisation& a, const Organisation& b) {
  auto keys = [](const Organisation& o) {
    std::vector<std::string> k{FoldKey(o.name)};
    for (const auto& alias : o.aliases) k.push_back(FoldKey(alias));
    return k;
  };
  const auto ka = keys(a), kb = keys(b);
  for (const auto& x : ka) {
    if (std::find(kb.begin(), kb.end(), x) != kb.end()) return true;
  }
  return false;
}

void MergeInto(Organisation* into, const Organisation& from) {
  auto add = [&](const std::string& n) {
    if (FoldKey(n) == FoldKey(into->name)) return;
    if (std::find(into->aliases.begin(), into->aliases.end(), n) == into->aliases.end()) into->aliases.push_back(n);
  };
  add(from.name);
  for (const auto& alias : from.aliases) add(alias);
}

// Adds `org` to `orgs` unless an entry already names it (then merges aliases).
void AddOrganisation(std::vector<Organisation>* orgs, const Organisation& org) {
  for (Organisation& o : *orgs) {
    if (SameOrganisation(o, org)) {
      MergeInto(&o, org);
      return;
    }
  }
  orgs->push_back(org);
}

void AddTopic(std::vector<std::string>* topics, const std::string& topic) {
  const std::string t = extract::Trim(topic);
  if (t.empty()) return;
  const std::string key = FoldKey(t);
  for (const auto& known : *topics) {
    if (FoldKey(known) == key) return;
  }
  topics->push_back(t);
}

}  // namespace

std::vector<AliasDefinition> Analyser::DefinitionsIn(const std::vector<SourceRecord>& records) const {
  AliasRegistry local;
  for (const SourceRecord& record : records) {
    LearnAcronymDefinitions(record.title, impl_->gazetteer, &local);
    LearnAcronymDefinitions(record.text, impl_->gazetteer, &local);
  }
  return local.Definitions();
}

void Analyser::UseDefinitions(const std::vector<AliasDefinition>& definitions) const {
  impl_->registry.Replace(definitions);
}

Release Analyser::Analyse(const SourceRecord& record, const FileInfo& file,
                          const std::vector<std::string>& boilerplate) const {
  const AnalyserOptions& opt = impl_->options;
  Release r;
  r.path = file.path;
  r.id = file.path + record.id_suffix;
  r.mtime = file.mtime;
  r.size = file.size;
  r.url = record.meta.url;

  // Text and title. A stated title's repeats leave the body; otherwise the
  // first line is the headline when it reads like one, and the dateline is
  // looked for after it.
  std::vector<std::string> lines = CleanLines(record.text, boilerplate, record.from_markup);
  const std::string stated_title = extract::Trim(record.title);
  if (!stated_title.empty()) DropTitleRepeats(&lines, stated_title);
  // The dateline first: the headline sits above it. A short opening line
  // that parses as one ("ASEAN - China summit opens") is the headline instead.
  std::optional<Dateline> dateline = FindDateline(lines, 0, opt.day_first);
  if (dateline && stated_title.empty() && dateline->line == 0 && lines[0].size() < 100) {
    dateline = FindDateline(lines, 1, opt.day_first);
  }
  TitleChoice title;
  if (!stated_title.empty()) {
    title = ChooseTitle(stated_title, lines);
  } else if (dateline && dateline->line == 0) {
    title = ChooseTitle("", lines, dateline->line, dateline->length);  // the lead's first sentence
  } else {
    title = ChooseTitle("", lines, std::string::npos, 0, dateline ? dateline->line : std::string::npos);
  }
  if (title.line != std::string::npos) {
    // The headline and the site name/section labels above it leave the body.
    lines.erase(lines.begin(), lines.begin() + static_cast<long>(title.line) + 1);
    while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  }
  DropTitleRepeats(&lines, title.title);
  r.title = title.title;
  r.text = JoinLines(lines);

  // Date: metadata, dateline, a full date atop the body, file time; how
  // they are weighed against each other is in release_date.h.
  DateEvidence evidence;
  evidence.metadata = record.meta.date;
  if (dateline) evidence.dateline = dateline->date;
  evidence.body = r.text;
  if (file.mtime > 0) evidence.file_day = impl_->clock.Day(file.mtime);
  evidence.day_first = opt.day_first;
  // A file whose stated dates show their order reads its ambiguous ones that
  // way, unless the user chose one (common/extract/date_order.h).
  if (!opt.date_order_stated) evidence.metadata_day_first = file.day_first;
  if (auto d = ChooseReleaseDate(evidence)) {
    r.date = std::move(d->date);
    r.date_source = std::move(d->source);
  }

  // Place and source.
  r.place = NormalisePlace(record.meta.place);
  if (r.place.empty() && dateline) r.place = dateline->place;
  r.source = extract::Trim(record.meta.source);
  if (r.source.empty() && dateline) r.source = dateline->agency;

  // Language: stated, else identified, else --lang.
  r.lang = NormaliseLanguageCode(record.meta.language);
  if (r.lang.empty()) {
    const LanguageGuess guess =
        IdentifyLanguage(r.text.size() >= 200 ? std::string_view(r.text) : std::string_view(r.title + "\n" + r.text));
    r.lang = guess.reliable && !guess.code.empty() ? guess.code : opt.default_lang;
  }

  // Organisations: stated ones first (exactly as written), then those named
  // in the text, then the title's.
  // The gazetteer's names scoped to a language ("EEC" in Thai) by the primary subtag.
  const Gazetteer& gaz = impl_->gazetteer;
  const std::string_view lang = std::string_view(r.lang).substr(0, r.lang.find('-'));
  for (const auto& name : record.meta.organisations) {
    if (!extract::TrimView(name).empty()) AddOrganisation(&r.orgs, ResolveStatedOrganisation(name, gaz, lang));
  }
  const std::vector<FoundOrganisation> in_text = ExtractOrganisations(r.text, gaz, &impl_->registry, lang);
  for (const auto& f : in_text) AddOrganisation(&r.orgs, f.org);
  for (const auto& f : ExtractOrganisations(r.title, gaz, &impl_->registry, lang)) AddOrganisation(&r.orgs, f.org);
  if (!r.source.empty()) {
    if (auto known = gaz.Find(r.source, lang)) AddOrganisation(&r.orgs, gaz.org(*known));
  }

  // Issuer: stated, else the first stated organisation, else the first
  // organisation named in the lead (not the agency that carried the story).
  if (!extract::TrimView(record.meta.issuer).empty()) {
    r.issuer = ResolveStatedOrganisation(record.meta.issuer, gaz, lang);
  } else if (!record.meta.organisations.empty() && !r.orgs.empty()) {
    r.issuer = r.orgs.front();
  } else {
    const std::size_t lead_end = LeadEnd(r.text);
    const Organisation agency{r.source, {}};
    for (const auto& f : in_text) {
      if (f.first_offset >= lead_end) break;
      if (!r.source.empty() && SameOrganisation(f.org, agency)) continue;  // the wire, not the issuer
      r.issuer = f.org;
      break;
    }
  }
  if (!r.issuer.name.empty()) {
    auto it = std::find_if(r.orgs.begin(), r.orgs.end(),
                           [&](const Organisation& o) { return SameOrganisation(o, r.issuer); });
    if (it == r.orgs.end()) {
      r.orgs.insert(r.orgs.begin(), r.issuer);
    } else {
      // The issuer keeps its own name and gains every name the release knows it by.
      Organisation merged = r.issuer;
      MergeInto(&merged, *it);
      MergeInto(&*it, r.issuer);
      r.issuer = std::move(merged);
    }
  }

  // Topics: stated ones exactly as written, then the taxonomy's best three.
  for (const auto& t : record.meta.topics) AddTopic(&r.topics, t);
  for (const auto& t : record.meta.keywords) AddTopic(&r.topics, t);
  for (const auto& t : impl_->taxonomy.Classify(r.title, r.text)) AddTopic(&r.topics, t);
  return r;
}

}  // namespace pressdex
