#include "common/near_dup.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include "common/index_state.h"
#include "common/schema.h"
#include "common/tokenizer.h"

namespace pressdex::near_dup {
namespace {

static_assert(kBands * kRows <= kSignature, "the bands are cut from the signature");

// splitmix64's finaliser: a cheap, well-mixed 64-bit permutation.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// The MinHash functions: x -> a*x + b (mod 2^64) with odd a, a permutation
// of the (already well-mixed) shingle hashes that costs two instructions.
// Fixed forever: band terms written by one version must be found by the next.
struct Permutation {
  std::uint64_t a;
  std::uint64_t b;
};
const std::array<Permutation, kSignature>& Permutations() {
  static const std::array<Permutation, kSignature> permutations = [] {
    std::array<Permutation, kSignature> p{};
    std::uint64_t state = 0x5052455353444558ULL;  // "PRESSDEX"
    for (auto& f : p) {
      f.a = Mix(state += 0x9e3779b97f4a7c15ULL) | 1;
      f.b = Mix(state += 0x9e3779b97f4a7c15ULL);
    }
    return p;
  }();
  return permutations;
}

std::string BandTerm(std::size_t band, const std::uint64_t* rows) {
  std::uint64_t h = Mix(0x42414e44ULL + band);  // "BAND"
  for (std::size_t r = 0; r < kRows; ++r) h = Mix(h ^ rows[r]);
  // 40 bits per band are plenty: a collision only costs one more check.
  return fmt::format("{}{:x}{:010x}", schema::kBandPrefix, band, h >> 24);
}

std::string FreshKey(std::string_view id, std::string_view body) {
  return HexFingerprint(Fingerprint(body, Fingerprint(id)));
}

std::string EncodeSignature(const Signature& s) {
  std::string out;
  for (const std::uint16_t v : s) {
    out += static_cast<char>(v >> 8);
    out += static_cast<char>(v & 0xff);
  }
  return out;
}

Signature DecodeSignature(std::string_view bytes) {
  Signature s{};
  for (std::size_t i = 0; i < s.size() && 2 * i + 1 < bytes.size(); ++i)
    s[i] = static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[2 * i]) << 8) |
                                      static_cast<unsigned char>(bytes[2 * i + 1]));
  return s;
}

struct Candidate {
  std::size_t shared = 0;  // bands in common
  enum Source { kWritten, kScratch, kLocal } source = kWritten;
  Xapian::docid did = 0;  // kWritten, kScratch
  std::size_t index = 0;  // kLocal: an earlier document of the same call
};

// Counts shared bands per document of `db`.
void FindIn(const Xapian::Database& db, const std::vector<std::string>& bands, Candidate::Source source,
            std::vector<Candidate>& out) {
  std::map<Xapian::docid, std::size_t> shared;
  for (const auto& band : bands) {
    for (auto it = db.postlist_begin(band); it != db.postlist_end(band); ++it) ++shared[*it];
  }
  for (const auto& [did, n] : shared) out.push_back({n, source, did, 0});
}

}  // namespace

// This run's releases when the database written cannot be read (a bulk
// build): their bands, keys and signatures. The latest kept in memory, up to
// `memory_entries` of them; then they move, in one commit, to a database of
// their own (slot 0 the key, slot 1 the signature), which is never read while
// it has uncommitted changes: Xapian flushes a writable database's pending
// postings and document lengths on every postlist it opens, which made a
// lookup in a database written release by release cost more than
// everything else near-duplicates do (docs/indexing.md). Entries are numbered
// as that database numbers them, so candidates come in the same order
// wherever they are kept.
struct ClusterIndex::Scratch {
  struct Entry {
    std::string key;
    Signature signature{};
    std::vector<std::string> bands;
  };

  Scratch(std::size_t memory_entries, std::string parent)
      : memory_entries(std::max<std::size_t>(memory_entries, 1)), parent(std::move(parent)) {}
  ~Scratch() {
    if (db) db->close();
    std::error_code ec;
    if (!folder.empty()) std::filesystem::remove_all(folder, ec);
  }

  // Counts shared bands per entry, in entry order.
  void Find(const std::vector<std::string>& bands, std::vector<Candidate>& out) const {
    if (db) FindIn(*db, bands, Candidate::kScratch, out);
    std::map<Xapian::docid, std::size_t> shared;
    for (const auto& band : bands) {
      if (const auto it = postings.find(band); it != postings.end()) {
        for (const Xapian::docid did : it->second) ++shared[did];
      }
    }
    for (const auto& [did, n] : shared) out.push_back({n, Candidate::kScratch, did, 0});
  }

  // The key and signature of entry `did`.
  std::pair<std::string, Signature> Get(Xapian::docid did) const {
    if (did <= stored) {
      const Xapian::Document earlier = db->get_document(did);
      return {earlier.get_value(0), DecodeSignature(earlier.get_value(1))};
    }
    const Entry& entry = recent[did - stored - 1];
    return {entry.key, entry.signature};
  }

  void Add(const Sketch& sketch, const std::string& key) {
    const auto did = static_cast<Xapian::docid>(stored + recent.size() + 1);
    for (const auto& band : sketch.bands) postings[band].push_back(did);
    recent.push_back({key, sketch.signature, sketch.bands});
    if (recent.size() >= memory_entries) Store();
  }

 private:
  void Store() {
    if (!db) {
      if (!parent.empty()) {
        folder = std::filesystem::path(parent) / "clusters";
        std::filesystem::create_directories(folder);
      } else {
        std::string pattern = (std::filesystem::temp_directory_path() / "pressdex-clusters-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
          throw std::system_error(errno, std::generic_category(), "cannot make a scratch folder for near-duplicates");
        folder = pattern;
      }
      // No term list: entries are never replaced or deleted, and writing one
      // (zlib-compressed) was most of the cost of an entry.
      db.emplace((folder / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC |
                                               Xapian::DB_NO_TERMLIST | Xapian::DB_BACKEND_GLASS);
    }
    for (const Entry& entry : recent) {
      Xapian::Document document;
      for (const auto& band : entry.bands) document.add_boolean_term(band);
      document.add_value(0, entry.key);
      document.add_value(1, EncodeSignature(entry.signature));
      db->add_document(document);
    }
    db->commit();
    stored += recent.size();
    recent.clear();
    postings.clear();
  }

  const std::size_t memory_entries;
  const std::string parent;                    // where `folder` goes ("": the temporary directory)
  std::filesystem::path folder;                // made on the first Store
  std::optional<Xapian::WritableDatabase> db;  // entries 1..stored, committed
  std::size_t stored = 0;
  std::vector<Entry> recent;                                             // entries stored+1...
  std::unordered_map<std::string, std::vector<Xapian::docid>> postings;  // band -> recent entries, ascending
};

ClusterIndex::ClusterIndex(std::size_t memory_entries) : memory_entries_(memory_entries) {}
ClusterIndex::~ClusterIndex() = default;

Sketch MakeSketch(std::span<const std::string> words) {
  Sketch sketch;
  if (words.size() < kShingleWords) return sketch;
  std::vector<std::uint64_t> word_hashes;
  word_hashes.reserve(words.size());
  for (const auto& w : words) word_hashes.push_back(Fingerprint(w));
  std::vector<std::uint64_t> shingles;
  shingles.reserve(words.size() - kShingleWords + 1);
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < kShingleWords; ++k) h = Mix(h ^ word_hashes[i + k]) + k;
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  if (shingles.size() < kMinShingles) return sketch;

  std::array<std::uint64_t, kSignature> mins;
  mins.fill(std::numeric_limits<std::uint64_t>::max());
  const auto& permutations = Permutations();
  for (const std::uint64_t s : shingles) {
    for (std::size_t i = 0; i < kSignature; ++i) mins[i] = std::min(mins[i], permutations[i].a * s + permutations[i].b);
  }
  // The low bits: the high ones of a minimum are mostly zeros.
  for (std::size_t i = 0; i < kSignature; ++i) sketch.signature[i] = static_cast<std::uint16_t>(mins[i] & 0xffff);
  sketch.bands.reserve(kBands);
  for (std::size_t b = 0; b < kBands; ++b) sketch.bands.push_back(BandTerm(b, &mins[b * kRows]));
  return sketch;
}

Sketch SketchText(std::string_view text) {
  const std::vector<std::string> words = Terms(text);
  return MakeSketch(words);
}

double Similarity(const Signature& a, const Signature& b) {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

void ClusterIndex::Assign(const Xapian::Database* written,
                          std::vector<std::pair<std::string, Xapian::Document>>& documents,
                          const std::vector<Sketch>& sketches) {
  if (written == nullptr && !scratch_) scratch_ = std::make_unique<Scratch>(memory_entries_, scratch_parent_);
  std::vector<std::string> keys(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    auto& [id, document] = documents[i];
    const Sketch* sketch = i < sketches.size() ? &sketches[i] : nullptr;
    std::string key;
    if (sketch != nullptr && !sketch->bands.empty()) {
      std::vector<Candidate> candidates;
      if (written != nullptr) FindIn(*written, sketch->bands, Candidate::kWritten, candidates);
      if (scratch_) scratch_->Find(sketch->bands, candidates);
      // This call's earlier releases: the scratch holds them already (Add
      // below); counted twice, they crowded others out of kMaxCandidates and
      // a bulk build clustered otherwise than one written in place.
      for (std::size_t j = 0; !scratch_ && j < i; ++j) {
        std::size_t shared = 0;
        for (const auto& band : sketch->bands) {
          shared += static_cast<std::size_t>(std::count(sketches[j].bands.begin(), sketches[j].bands.end(), band));
        }
        if (shared > 0) candidates.push_back({shared, Candidate::kLocal, 0, j});
      }
      // Most bands in common first (the likeliest match); stable keeps docid
      // order, then this call's documents, on ties.
      std::stable_sort(candidates.begin(), candidates.end(),
                       [](const Candidate& a, const Candidate& b) { return a.shared > b.shared; });
      if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);
      double best = 0;
      for (const Candidate& c : candidates) {
        Signature other{};
        std::string candidate_key;
        if (c.source == Candidate::kLocal) {
          other = sketches[c.index].signature;
          candidate_key = keys[c.index];
        } else if (c.source == Candidate::kScratch) {
          std::tie(candidate_key, other) = scratch_->Get(c.did);
        } else {
          const Xapian::Document earlier = written->get_document(c.did);
          candidate_key = earlier.get_value(schema::kClusterSlot);
          if (candidate_key.empty()) continue;
          other = SketchText(earlier.get_value(schema::kTextSlot)).signature;
        }
        const double similarity = Similarity(sketch->signature, other);
        // On equal similarity the first found stays.
        if (similarity >= kMinSimilarity && similarity > best) {
          best = similarity;
          key = std::move(candidate_key);
        }
      }
      for (const auto& band : sketch->bands) document.add_boolean_term(band);
    }
    if (key.empty()) key = FreshKey(id, document.get_value(schema::kTextSlot));
    document.add_value(schema::kClusterSlot, key);
    document.add_boolean_term(std::string(schema::kClusterPrefix) + key);
    if (scratch_ && sketch != nullptr && !sketch->bands.empty()) scratch_->Add(*sketch, key);
    keys[i] = std::move(key);
  }
}

}  // namespace pressdex::near_dup
