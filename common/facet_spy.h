// FacetSpy: a Xapian match spy that counts, for every document the matcher
// sees, the distinct values stored in one value slot. It is a proper
// serialisable MatchSpy, so it also runs inside xapian-tcpsrv on a remote
// shard (register it with RegisterFacetSpy) and its results merge exactly.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pressdex {

// Hash that lets an unordered_map<std::string, ...> be probed with a
// string_view (no allocation per lookup).
struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using FacetCounts = std::unordered_map<std::string, Xapian::doccount, TransparentStringHash, std::equal_to<>>;

class FacetSpy : public Xapian::MatchSpy {
 public:
  // How the slot's value reads.
  enum class Kind : std::uint8_t {
    kSingle = 0,  // one value (language, place...)
    kList = 1,    // schema::EncodeList: each distinct item counts once per document
    kDate = 2,    // "YYYYMMDD"; anything else counts as unknown
  };

  FacetSpy(Xapian::valueno slot, Kind kind);

  void operator()(const Xapian::Document& doc, double weight) override;

  Xapian::MatchSpy* clone() const override;
  std::string name() const override;
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised, const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override;

  Xapian::valueno slot() const { return slot_; }
  Kind kind() const { return kind_; }
  // Documents seen, and how many of them carried each value. Documents with
  // no value (or, for kDate, no valid date) are counted in without_value().
  Xapian::doccount documents() const { return documents_; }
  Xapian::doccount without_value() const { return without_value_; }
  const FacetCounts& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  Kind kind_;
  Xapian::doccount documents_ = 0;
  Xapian::doccount without_value_ = 0;
  FacetCounts counts_;
};

// Makes FacetSpy known to a registry (a remote server's, or the one used to
// read a remote shard's results).
void RegisterFacetSpy(Xapian::Registry& registry);

}  // namespace pressdex
