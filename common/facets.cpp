#include "common/facets.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <map>
#include <unordered_map>

#include "common/facet_record.h"
#include "common/normalize.h"
#include "common/schema.h"

namespace pressdex {
namespace {

using namespace std::chrono;

struct FieldInfo {
  FacetField field;
  std::string_view name;
  schema::Slot slot;
  FacetSpy::Kind kind;
  schema::SlotRange spread;  // kList: the same values one per slot (ValueCountMatchSpy counts those)
};

constexpr schema::SlotRange kNoRange{0, 0};
constexpr FieldInfo kFields[] = {
    {FacetField::kOrg, "org", schema::kOrgsSlot, FacetSpy::Kind::kList, schema::kOrgValueSlots},
    {FacetField::kIssuer, "issuer", schema::kIssuerSlot, FacetSpy::Kind::kSingle, kNoRange},
    {FacetField::kTopic, "topic", schema::kTopicsSlot, FacetSpy::Kind::kList, schema::kTopicValueSlots},
    {FacetField::kLang, "lang", schema::kLangSlot, FacetSpy::Kind::kSingle, kNoRange},
    {FacetField::kPlace, "place", schema::kPlaceSlot, FacetSpy::Kind::kSingle, kNoRange},
    {FacetField::kSource, "source", schema::kSourceSlot, FacetSpy::Kind::kSingle, kNoRange},
    {FacetField::kDate, "date", schema::kDateSlot, FacetSpy::Kind::kDate, kNoRange},
};

const FieldInfo& Info(FacetField field) {
  for (const auto& info : kFields) {
    if (info.field == field) return info;
  }
  return kFields[0];  // unreachable: every enumerator is listed
}

bool ParseCount(std::string_view s, std::size_t& out) {
  if (s.empty() || s.size() > 6) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// Maximum buckets the automatic date granularity accepts before it coarsens.
constexpr long kMaxAutoDays = 62;
constexpr long kMaxAutoMonths = 48;

long MonthIndex(const year_month_day& d) { return long(int(d.year())) * 12 + long(unsigned(d.month())) - 1; }

FacetResult DateResult(const FacetSpec& spec, const FacetSpy& spy) {
  FacetResult result;
  result.field = FacetField::kDate;
  // Valid calendar dates only; "20200231" stored by accident counts as unknown.
  std::vector<std::pair<year_month_day, Xapian::doccount>> days;  // chronological
  Xapian::doccount unknown = spy.without_value();
  for (const auto& [ymd, count] : spy.day_counts()) {
    const year_month_day d{year{int(ymd / 10000)}, month{ymd / 100 % 100}, day{ymd % 100}};
    if (d.ok())
      days.emplace_back(d, count);
    else
      unknown += count;
  }

  DateGranularity granularity = spec.granularity;
  if (granularity == DateGranularity::kAuto) {
    granularity = DateGranularity::kYear;
    if (!days.empty()) {
      const year_month_day first = days.front().first;
      const year_month_day last = days.back().first;
      if ((sys_days{last} - sys_days{first}).count() + 1 <= kMaxAutoDays)
        granularity = DateGranularity::kDay;
      else if (MonthIndex(last) - MonthIndex(first) + 1 <= kMaxAutoMonths)
        granularity = DateGranularity::kMonth;
    }
  }
  result.granularity = std::string(DateGranularityName(granularity));

  // Buckets by their first day, chronological like the days they sum.
  auto bucket_of = [&](const year_month_day& d) {
    if (granularity == DateGranularity::kYear) return year_month_day{d.year(), January, day{1}};
    if (granularity == DateGranularity::kMonth) return year_month_day{d.year(), d.month(), day{1}};
    return d;
  };
  std::vector<std::pair<year_month_day, Xapian::doccount>> buckets;
  for (const auto& [d, count] : days) {
    const year_month_day b = bucket_of(d);
    if (!buckets.empty() && buckets.back().first == b)
      buckets.back().second += count;
    else
      buckets.emplace_back(b, count);
  }
  result.distinct = buckets.size();

  auto label = [&](const year_month_day& d) {
    switch (granularity) {
      case DateGranularity::kYear: return fmt::format("{:04d}", int(d.year()));
      case DateGranularity::kMonth: return fmt::format("{:04d}-{:02d}", int(d.year()), unsigned(d.month()));
      default: return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    }
  };
  if (!buckets.empty()) {
    // Every bucket of the span, the empty ones too: a histogram shows time evenly.
    const year_month_day last = buckets.back().first;
    year_month_day d = buckets.front().first;
    auto hit = buckets.begin();
    while (true) {
      FacetValue v;
      v.value = label(d);
      if (hit != buckets.end() && hit->first == d) {
        v.count = hit->second;
        ++hit;
      }
      result.values.push_back(std::move(v));
      if (d == last) break;
      if (granularity == DateGranularity::kYear)
        d = year_month_day{d.year() + years{1}, month{1}, day{1}};
      else if (granularity == DateGranularity::kMonth)
        d = year_month_day{d.year(), d.month(), day{1}} + months{1};
      else
        d = year_month_day{sys_days{d} + std::chrono::days{1}};
    }
  }
  if (spec.limit > 0 && result.values.size() > spec.limit) {
    const auto cut = result.values.end() - static_cast<std::ptrdiff_t>(spec.limit);
    result.more = static_cast<std::size_t>(
        std::count_if(result.values.begin(), cut, [](const FacetValue& v) { return v.count > 0; }));
    result.values.erase(result.values.begin(), cut);
  }
  result.values.push_back(FacetValue{"unknown", unknown});
  return result;
}

}  // namespace

std::string_view FacetFieldName(FacetField field) { return Info(field).name; }

std::string_view DateGranularityName(DateGranularity granularity) {
  switch (granularity) {
    case DateGranularity::kYear: return "year";
    case DateGranularity::kMonth: return "month";
    case DateGranularity::kDay: return "day";
    case DateGranularity::kAuto: break;
  }
  return "auto";
}

Result<FacetSpec> ParseFacetSpec(std::string_view text) {
  const auto colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  const FieldInfo* info = nullptr;
  for (const auto& f : kFields) {
    if (f.name == name) info = &f;
  }
  if (info == nullptr)
    return Status::InvalidArgument(
        fmt::format("unknown facet '{}': use org, issuer, topic, lang, place, source or date (FIELD[:N])", name));
  FacetSpec spec;
  spec.field = info->field;
  if (info->field == FacetField::kDate) spec.limit = 0;
  if (colon == std::string_view::npos) return spec;

  std::string_view rest = text.substr(colon + 1);
  const auto bad = [&] {
    return Status::InvalidArgument(
        info->field == FacetField::kDate
            ? fmt::format("bad facet '{}': use date, date:N, date:year|month|day or date:month:N", text)
            : fmt::format("bad facet '{}': use {} or {}:N (N values to show, 0 for all)", text, name, name));
  };
  if (info->field == FacetField::kDate) {
    const auto colon2 = rest.find(':');
    const std::string_view first = rest.substr(0, colon2);
    if (first == "year")
      spec.granularity = DateGranularity::kYear;
    else if (first == "month")
      spec.granularity = DateGranularity::kMonth;
    else if (first == "day")
      spec.granularity = DateGranularity::kDay;
    else if (first == "auto")
      spec.granularity = DateGranularity::kAuto;
    else if (colon2 == std::string_view::npos && ParseCount(first, spec.limit))
      return spec;
    else
      return bad();
    if (colon2 == std::string_view::npos) return spec;
    rest = rest.substr(colon2 + 1);
  }
  if (!ParseCount(rest, spec.limit)) return bad();
  return spec;
}

std::vector<FacetSpec> DefaultFacets() {
  std::vector<FacetSpec> specs(3);
  specs[0].field = FacetField::kDate;
  specs[0].limit = 0;
  specs[1].field = FacetField::kOrg;
  specs[2].field = FacetField::kTopic;
  return specs;
}

namespace {

std::vector<FacetValue> AsValues(const FacetCounts& counts) {
  std::vector<FacetValue> values;
  values.reserve(counts.size());
  for (const auto& [value, count] : counts) values.push_back(FacetValue{value, count});
  return values;
}

// Names that differ only in case, accents or spacing ("KEMENTERIAN Kesihatan
// Malaysia", "Kementerian Kesihatan Malaysia") are one value to the org:,
// issuer:, place: and source: filters, which fold them (schema::FieldTerm):
// counted apart, neither count would be what the filter finds. They are
// summed and shown in their most frequent spelling. The sums stay exact: a
// release never carries two spellings of one name (extraction merges them).
// FNV-1a of FoldKey(value). An ASCII value is hashed as FoldKey would
// write it (lower case, blanks collapsed, trimmed) without building it: a
// broad query's org facet has thousands of values, and FoldKey for each cost
// 6 % of a faceted call. Equal keys give equal hashes; FoldKey itself
// settles the rare shared hash.
std::uint64_t FoldedHash(std::string_view value, bool folded = false) {
  std::uint64_t h = 14695981039346656037ULL;
  bool started = false, pending_space = false;
  for (const char ch : value) {
    if (static_cast<unsigned char>(ch) >= 0x80 && !folded) return FoldedHash(FoldKey(value), true);
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      pending_space = started;
      continue;
    }
    if (pending_space) h = (h ^ static_cast<unsigned char>(' ')) * 1099511628211ULL;
    pending_space = false;
    started = true;
    h = (h ^ static_cast<unsigned char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch)) * 1099511628211ULL;
  }
  return h;
}

std::vector<FacetValue> MergeSpellings(const FacetCounts& counts) {
  using Entry = FacetCounts::value_type;
  struct Group {
    const std::string* shown = nullptr;
    Xapian::doccount shown_count = 0;
    Xapian::doccount total = 0;
  };
  const auto add = [](Group& g, const Entry& entry) {
    g.total += entry.second;
    // Ties go to the smaller spelling in byte order, whatever the hash order.
    if (g.shown == nullptr || entry.second > g.shown_count ||
        (entry.second == g.shown_count && entry.first < *g.shown)) {
      g.shown = &entry.first;
      g.shown_count = entry.second;
    }
  };
  // Sorted by hash, so the spellings of one name sit together: no map node
  // per value.
  std::vector<std::pair<std::uint64_t, const Entry*>> hashed;
  hashed.reserve(counts.size());
  for (const Entry& entry : counts) hashed.emplace_back(FoldedHash(entry.first), &entry);
  std::sort(hashed.begin(), hashed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<FacetValue> values;
  values.reserve(hashed.size());
  for (std::size_t i = 0; i < hashed.size();) {
    std::size_t j = i + 1;
    while (j < hashed.size() && hashed[j].first == hashed[i].first) ++j;
    if (j == i + 1) {
      values.push_back(FacetValue{hashed[i].second->first, hashed[i].second->second});
    } else {
      // Spellings that share a hash, grouped again by their actual keys.
      std::map<std::string, Group> by_key;
      for (std::size_t k = i; k < j; ++k) add(by_key[FoldKey(hashed[k].second->first)], *hashed[k].second);
      for (const auto& [key, g] : by_key) values.push_back(FacetValue{*g.shown, g.total});
    }
    i = j;
  }
  return values;
}

}  // namespace

FacetResult SummariseFacet(const FacetSpec& spec, const FacetSpy& spy, bool exact) {
  if (spec.field == FacetField::kDate) {
    FacetResult result = DateResult(spec, spy);
    result.exact = exact;
    return result;
  }
  FacetResult result;
  result.field = spec.field;
  result.exact = exact;
  result.values = spec.field == FacetField::kTopic || spec.field == FacetField::kLang
                      ? AsValues(spy.value_counts())
                      : MergeSpellings(spy.value_counts());
  result.distinct = result.values.size();
  // Most releases first; ties in byte order so the output is stable.
  const auto by_count = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (spec.limit > 0 && result.values.size() > spec.limit) {
    const auto cut = result.values.begin() + static_cast<std::ptrdiff_t>(spec.limit);
    std::partial_sort(result.values.begin(), cut, result.values.end(), by_count);
    result.more = result.values.size() - spec.limit;
    result.values.erase(cut, result.values.end());
  } else {
    std::sort(result.values.begin(), result.values.end(), by_count);
  }
  return result;
}

namespace {

// SummariseFacet for counts kept by dictionary number (facet records;
// `counted`: the numbers counted at least once): the same order and limit,
// names read from `db` only for the values shown and for those tied with the
// last shown (ties go by name).
FacetResult SummariseNumbered(const FacetSpec& spec, const std::vector<Xapian::doccount>& counts,
                              const std::vector<std::uint32_t>& counted, const Xapian::Database& db, bool exact) {
  FacetResult result;
  result.field = spec.field;
  result.exact = exact;
  std::vector<std::pair<Xapian::doccount, std::uint32_t>> present;  // (count, number)
  present.reserve(counted.size());
  for (const std::uint32_t number : counted) present.emplace_back(counts[number], number);
  result.distinct = present.size();
  const auto value_of = [&](const std::pair<Xapian::doccount, std::uint32_t>& p) {
    return FacetValue{FacetName(db, spec.field, p.second), p.first};
  };
  const auto by_count = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (spec.limit > 0 && present.size() > spec.limit) {
    const auto nth = present.begin() + static_cast<std::ptrdiff_t>(spec.limit - 1);
    std::nth_element(present.begin(), nth, present.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    const Xapian::doccount last = nth->first;
    std::vector<FacetValue> tied;
    for (const auto& p : present) {
      if (p.first > last)
        result.values.push_back(value_of(p));
      else if (p.first == last)
        tied.push_back(value_of(p));
    }
    std::sort(tied.begin(), tied.end(), by_count);
    tied.resize(spec.limit - result.values.size());
    for (auto& v : tied) result.values.push_back(std::move(v));
    result.more = present.size() - spec.limit;
  } else {
    for (const auto& p : present) result.values.push_back(value_of(p));
  }
  std::sort(result.values.begin(), result.values.end(), by_count);
  return result;
}

// How many slots of `range` some document of `db` uses. Releases fill their
// range from the bottom, so value frequencies never rise along it: gallop,
// then bisect (a probe is a round trip to every remote shard).
Xapian::valueno UsedSlots(const Xapian::Database& db, schema::SlotRange range) {
  const auto used = [&](Xapian::valueno i) { return db.get_value_freq(range[i]) > 0; };
  if (range.size == 0 || !used(0)) return 0;
  Xapian::valueno lo = 0;  // used
  Xapian::valueno hi = 1;  // unused, or the end of the range
  while (hi < range.size && used(hi)) {
    lo = hi;
    hi = std::min<Xapian::valueno>(hi * 2, range.size);
  }
  while (hi - lo > 1) {
    const Xapian::valueno mid = lo + (hi - lo) / 2;
    if (used(mid))
      lo = mid;
    else
      hi = mid;
  }
  return hi;
}

}  // namespace

// Records the documents the matcher sees, nothing else: reading their values
// afterwards, one value stream per slot in docid order, costs a fraction of a
// get_value() per document and slot from inside the match (measured with
// callgrind on Reuters: 4.1M instead of 25.7M instructions for three slots
// over 1,452 matches).
class MatchedDocuments : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double /*weight*/) override { docids_.push_back(doc.get_docid()); }
  std::vector<Xapian::docid>& docids() { return docids_; }

 private:
  std::vector<Xapian::docid> docids_;
};

struct FacetCollector::Impl {
  struct Field {
    FacetSpec spec;
    std::unique_ptr<FacetSpy> spy;  // kFacetSpy
    // kValueCount: one per slot; a list's first slot is always there (its
    // total counts the documents seen, with or without values).
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> slots;
    bool stale = false;  // kValueCount: some documents lack the spread slots
  };
  FacetCounter counter;
  std::vector<Field> fields;  // in the order asked
  std::vector<FacetSpec> specs;
  MatchedDocuments matched;  // kFacetSpy on one database
  Xapian::Database db;
  bool from_streams = false;  // kFacetSpy on one database: count after the match
  bool from_records = false;  // ... from its facet records
  // from_records: per field but the date, the matches carrying each number,
  // and the numbers counted (a dictionary runs to thousands of names).
  std::vector<std::vector<Xapian::doccount>> numbered;
  std::vector<std::vector<std::uint32_t>> counted_numbers;
  bool counted = false;

  // kFacetSpy: feeds each field's spy the values of the matched documents.
  void CountFromValueStreams();
  // The same from the facet records: one value per match.
  void CountFromRecords();

  std::unique_ptr<FacetSpy> Tally(const Field& field) const;
};

FacetCollector::FacetCollector(std::vector<FacetSpec> specs, FacetCounter counter) : impl_(std::make_unique<Impl>()) {
  impl_->counter = counter;
  for (const FacetSpec& spec : specs) {
    auto same = std::find_if(impl_->fields.begin(), impl_->fields.end(),
                             [&](const Impl::Field& f) { return f.spec.field == spec.field; });
    if (same != impl_->fields.end()) {
      same->spec = spec;
      continue;
    }
    Impl::Field& field = impl_->fields.emplace_back();
    field.spec = spec;
    if (counter != FacetCounter::kValueCount) {
      const FieldInfo& info = Info(spec.field);
      field.spy = std::make_unique<FacetSpy>(info.slot, info.kind);
    }
  }
  for (const auto& field : impl_->fields) impl_->specs.push_back(field.spec);
}

FacetCollector::~FacetCollector() = default;

void FacetCollector::Attach(Xapian::Enquire& enquire, const Xapian::Database& db) {
  impl_->db = db;
  // Over several databases the spies read values in the match: Xapian 1.4
  // matches a joined database one part after another and hands spies each
  // part's own docids, so the docids collected can't be mapped to the parts'
  // values afterwards. One database is known by its uuid (a joined one's are
  // its parts' joined by ':'; an in-memory one has none, so may be either).
  const std::string uuid = db.get_uuid();
  impl_->from_streams = !uuid.empty() && uuid.find(':') == std::string::npos;
  impl_->from_records = impl_->counter == FacetCounter::kFacetSpy && impl_->from_streams && HasFacetRecords(db);
  if (impl_->counter != FacetCounter::kValueCount && impl_->from_streams && !impl_->fields.empty())
    enquire.add_matchspy(&impl_->matched);
  for (auto& field : impl_->fields) {
    if (field.spy) {
      if (!impl_->from_streams) enquire.add_matchspy(field.spy.get());
      continue;
    }
    const FieldInfo& info = Info(field.spec.field);
    if (info.kind != FacetSpy::Kind::kList) {
      field.slots.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(info.slot));
    } else {
      // A document written before the ranges existed has the list but not
      // its spread: those counts would be missing.
      field.stale = db.get_value_freq(info.spread[0]) < db.get_value_freq(info.slot);
      const Xapian::valueno used = std::max<Xapian::valueno>(UsedSlots(db, info.spread), 1);
      for (Xapian::valueno i = 0; i < used; ++i)
        field.slots.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(info.spread[i]));
    }
    for (const auto& spy : field.slots) enquire.add_matchspy(spy.get());
  }
}

std::unique_ptr<FacetSpy> FacetCollector::Impl::Tally(const Field& field) const {
  const FieldInfo& info = Info(field.spec.field);
  auto tally = std::make_unique<FacetSpy>(info.slot, info.kind);
  if (field.slots.empty()) return tally;  // never attached
  // Every document with a value has one in the first slot; a distinct list
  // item sits in exactly one slot of a document, so the slots' counts add up.
  const Xapian::doccount seen = static_cast<Xapian::doccount>(field.slots.front()->get_total());
  Xapian::doccount with_value = 0;
  for (std::size_t i = 0; i < field.slots.size(); ++i) {
    const auto& spy = *field.slots[i];
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      tally->AddValue(*it, it.get_termfreq());
      if (i == 0) with_value += it.get_termfreq();
    }
  }
  tally->AddDocuments(seen, seen - with_value);
  return tally;
}

void FacetCollector::Impl::CountFromRecords() {
  const std::vector<Xapian::docid>& docids = matched.docids();
  numbered.assign(fields.size(), {});
  counted_numbers.assign(fields.size(), {});
  std::vector<std::uint32_t> days;  // the stored day of each dated match
  Xapian::doccount undated = 0;
  Xapian::ValueIterator value = db.valuestream_begin(schema::kFacetRecordSlot);
  const Xapian::ValueIterator end = db.valuestream_end(schema::kFacetRecordSlot);
  FacetRecord record;
  const auto count = [&](std::size_t field, std::uint32_t number) {
    std::vector<Xapian::doccount>& counts = numbered[field];
    if (number >= counts.size()) counts.resize(std::max<std::size_t>(number + 1, 2 * counts.size()));
    if (counts[number]++ == 0) counted_numbers[field].push_back(number);
  };
  for (const Xapian::docid docid : docids) {
    if (value != end && value.get_docid() < docid) value.skip_to(docid);
    // HasFacetRecords promised one per document; a bad one counts as empty.
    if (value == end || value.get_docid() != docid || !DecodeFacetRecord(*value, record)) record = FacetRecord();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      switch (fields[i].spec.field) {
        case FacetField::kDate:
          if (record.day != 0)
            days.push_back(record.day);
          else
            ++undated;
          break;
        case FacetField::kOrg:
          for (const std::uint32_t number : record.orgs) count(i, number);
          break;
        case FacetField::kTopic:
          for (const std::uint32_t number : record.topics) count(i, number);
          break;
        default:
          if (const std::uint32_t single = record.Single(fields[i].spec.field)) count(i, single - 1);
          break;
      }
    }
  }
  for (auto& field : fields) {
    if (field.spec.field != FacetField::kDate) continue;
    std::sort(days.begin(), days.end());
    for (std::size_t i = 0; i < days.size();) {
      std::size_t j = i;
      while (j < days.size() && days[j] == days[i]) ++j;
      field.spy->AddDay(FacetRecord::YmdOfDay(days[i]), static_cast<Xapian::doccount>(j - i));
      i = j;
    }
    field.spy->AddDocuments(static_cast<Xapian::doccount>(docids.size()), undated);
  }
}

void FacetCollector::Impl::CountFromValueStreams() {
  if (counted || !from_streams) return;
  counted = true;
  std::vector<Xapian::docid>& docids = matched.docids();
  if (!std::is_sorted(docids.begin(), docids.end())) std::sort(docids.begin(), docids.end());
  if (from_records) {
    CountFromRecords();
    return;
  }
  for (auto& field : fields) {
    if (!field.spy) continue;
    Xapian::ValueIterator value = db.valuestream_begin(field.spy->slot());
    const Xapian::ValueIterator end = db.valuestream_end(field.spy->slot());
    for (const Xapian::docid docid : docids) {
      if (value != end && value.get_docid() < docid) value.skip_to(docid);
      if (value != end && value.get_docid() == docid)
        field.spy->Count(*value);
      else
        field.spy->Count({});
    }
  }
}

std::vector<FacetResult> FacetCollector::Results(bool exact) const {
  impl_->CountFromValueStreams();
  std::vector<FacetResult> results;
  results.reserve(impl_->fields.size());
  for (std::size_t i = 0; i < impl_->fields.size(); ++i) {
    const auto& field = impl_->fields[i];
    if (impl_->from_records && field.spec.field != FacetField::kDate)
      results.push_back(SummariseNumbered(field.spec, impl_->numbered[i], impl_->counted_numbers[i], impl_->db, exact));
    else if (field.spy)
      results.push_back(SummariseFacet(field.spec, *field.spy, exact));
    else
      results.push_back(SummariseFacet(field.spec, *impl_->Tally(field), exact && !field.stale));
  }
  return results;
}

const std::vector<FacetSpec>& FacetCollector::specs() const { return impl_->specs; }

}  // namespace pressdex
