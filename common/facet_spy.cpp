#include "common/facet_spy.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace pressdex {
namespace {

constexpr char kSpyName[] = "Pressdex::FacetSpy";
constexpr char kListSeparator = '\x1f';  // schema::EncodeList's separator

// Serialisation: unsigned LEB128 varints and length-prefixed strings. Small,
// and stable across platforms (remote shards may run on other machines).
void PutVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void PutString(std::string& out, std::string_view s) {
  PutVarint(out, s.size());
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) Fail();
      const auto byte = static_cast<unsigned char>(in_[pos_++]);
      v |= std::uint64_t(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    Fail();
  }
  std::string_view String() {
    const std::uint64_t n = Varint();
    if (n > in_.size() - pos_) Fail();
    const std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  [[noreturn]] static void Fail() { throw Xapian::SerialisationError("bad serialised Pressdex::FacetSpy data"); }
  std::string_view in_;
  std::size_t pos_ = 0;
};

// "YYYYMMDD" with month 1-12 and day 1-31 as a number; 0 otherwise.
std::uint32_t ParseDay(std::string_view v) {
  if (v.size() != 8) return 0;
  std::uint32_t ymd = 0;
  for (const char c : v) {
    if (c < '0' || c > '9') return 0;
    ymd = ymd * 10 + static_cast<std::uint32_t>(c - '0');
  }
  const std::uint32_t month = ymd / 100 % 100;
  const std::uint32_t day = ymd % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? ymd : 0;
}

void Add(FacetCounts& counts, std::string_view value, Xapian::doccount n) {
  if (auto it = counts.find(value); it != counts.end())
    it->second += n;
  else
    counts.emplace(value, n);
}

}  // namespace

FacetSpy::FacetSpy(Xapian::valueno slot, Kind kind) : slot_(slot), kind_(kind) {}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) { Count(doc.get_value(slot_)); }

void FacetSpy::Count(std::string_view value) {
  ++documents_;
  switch (kind_) {
    case Kind::kSingle:
      if (value.empty())
        ++without_value_;
      else
        Add(counts_, value, 1);
      return;
    case Kind::kDate:
      if (const std::uint32_t ymd = ParseDay(value))
        AddDay(ymd, 1);
      else
        ++without_value_;
      return;
    case Kind::kList: {
      // A release names each organisation once in the facet, however often
      // the list repeats it. Lists are short: a sort beats a set.
      std::array<std::string_view, 16> small;
      std::vector<std::string_view> large;
      std::size_t n = 0;
      const std::string_view all(value);
      std::size_t start = 0;
      while (start <= all.size()) {
        std::size_t sep = all.find(kListSeparator, start);
        if (sep == std::string_view::npos) sep = all.size();
        const std::string_view item = all.substr(start, sep - start);
        if (!item.empty()) {
          if (n < small.size()) {
            small[n++] = item;
          } else {
            if (large.empty()) large.assign(small.begin(), small.end());
            large.push_back(item);
            ++n;
          }
        }
        start = sep + 1;
      }
      if (n == 0) {
        ++without_value_;
        return;
      }
      std::string_view* items = large.empty() ? small.data() : large.data();
      for (std::size_t i = 0; i < n; ++i) {
        // Lists are a handful long: comparing with the earlier ones beats sorting.
        if (std::find(items, items + i, items[i]) == items + i) Add(counts_, items[i], 1);
      }
      return;
    }
  }
}

void FacetSpy::AddDay(std::uint32_t ymd, Xapian::doccount n) {
  const std::uint32_t year = ymd / 10000;
  if (last_year_ >= years_.size() || years_[last_year_].first != year) {
    auto it = std::lower_bound(years_.begin(), years_.end(), year,
                               [](const auto& entry, std::uint32_t y) { return entry.first < y; });
    if (it == years_.end() || it->first != year) it = years_.emplace(it, year, std::make_unique<DayBlock>(DayBlock{}));
    last_year_ = static_cast<std::size_t>(it - years_.begin());
  }
  (*years_[last_year_].second)[(ymd / 100 % 100 - 1) * 31 + (ymd % 100 - 1)] += n;
}

std::vector<std::pair<std::uint32_t, Xapian::doccount>> FacetSpy::day_counts() const {
  std::vector<std::pair<std::uint32_t, Xapian::doccount>> days;
  for (const auto& [year, block] : years_) {
    for (std::uint32_t i = 0; i < block->size(); ++i) {
      if ((*block)[i] > 0) days.emplace_back(year * 10000 + (i / 31 + 1) * 100 + (i % 31 + 1), (*block)[i]);
    }
  }
  return days;
}

FacetCounts FacetSpy::counts() const {
  if (kind_ != Kind::kDate) return counts_;
  FacetCounts counts;
  for (const auto& [ymd, count] : day_counts()) counts.emplace(fmt::format("{:08d}", ymd), count);
  return counts;
}

void FacetSpy::AddValue(std::string_view value, Xapian::doccount count) {
  if (kind_ != Kind::kDate) {
    Add(counts_, value, count);
  } else if (const std::uint32_t ymd = ParseDay(value)) {
    AddDay(ymd, count);
  } else {
    without_value_ += count;
  }
}

void FacetSpy::AddDocuments(Xapian::doccount documents, Xapian::doccount without_value) {
  documents_ += documents;
  without_value_ += without_value;
}

Xapian::MatchSpy* FacetSpy::clone() const { return new FacetSpy(slot_, kind_); }

std::string FacetSpy::name() const { return kSpyName; }

std::string FacetSpy::serialise() const {
  std::string out;
  PutVarint(out, slot_);
  PutVarint(out, static_cast<std::uint8_t>(kind_));
  return out;
}

Xapian::MatchSpy* FacetSpy::unserialise(const std::string& serialised, const Xapian::Registry& /*context*/) const {
  Reader in(serialised);
  const auto slot = static_cast<Xapian::valueno>(in.Varint());
  const std::uint64_t kind = in.Varint();
  if (kind > static_cast<std::uint8_t>(Kind::kDate) || !in.done())
    throw Xapian::SerialisationError("bad serialised Pressdex::FacetSpy parameters");
  return new FacetSpy(slot, static_cast<Kind>(kind));
}

std::string FacetSpy::serialise_results() const {
  std::string out;
  PutVarint(out, documents_);
  PutVarint(out, without_value_);
  const FacetCounts all = kind_ == Kind::kDate ? counts() : FacetCounts();
  const FacetCounts& counts = kind_ == Kind::kDate ? all : counts_;
  PutVarint(out, counts.size());
  for (const auto& [value, count] : counts) {
    PutString(out, value);
    PutVarint(out, count);
  }
  return out;
}

void FacetSpy::merge_results(const std::string& serialised) {
  Reader in(serialised);
  const auto documents = static_cast<Xapian::doccount>(in.Varint());
  const auto without = static_cast<Xapian::doccount>(in.Varint());
  const std::uint64_t n = in.Varint();
  // All or nothing: a bad message changes nothing.
  std::vector<std::pair<std::string_view, Xapian::doccount>> entries;
  for (std::uint64_t i = 0; i < n; ++i) {
    const std::string_view value = in.String();
    entries.emplace_back(value, static_cast<Xapian::doccount>(in.Varint()));
    if (kind_ == Kind::kDate && ParseDay(value) == 0)
      throw Xapian::SerialisationError("bad date in serialised Pressdex::FacetSpy results");
  }
  if (!in.done()) throw Xapian::SerialisationError("trailing bytes in serialised Pressdex::FacetSpy results");
  for (const auto& [value, count] : entries) {
    if (kind_ == Kind::kDate)
      AddDay(ParseDay(value), count);
    else
      Add(counts_, value, count);
  }
  documents_ += documents;
  without_value_ += without;
}

std::string FacetSpy::get_description() const {
  return fmt::format("Pressdex::FacetSpy(slot {}, {} documents)", slot_, documents_);
}

void RegisterFacetSpy(Xapian::Registry& registry) { registry.register_match_spy(FacetSpy(0, FacetSpy::Kind::kSingle)); }

}  // namespace pressdex
