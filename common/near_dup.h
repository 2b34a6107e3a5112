// Near-duplicate releases: the same story syndicated by several outlets,
// differing only in site headers, footers and bylines. Xapian collapses
// results on an exact value (Enquire::set_collapse_key), so the indexer gives
// every release a cluster key, in schema::kClusterSlot and as a
// schema::kClusterPrefix term (to count a cluster's members at search time):
//
//  - the body's word shingles are summarised by a MinHash signature; its
//    first values, cut into LSH bands, become boolean terms
//    (schema::kBandPrefix), so a later run finds earlier releases sharing a
//    band through the band's posting list;
//  - a candidate is confirmed when the two signatures agree on at least
//    kMinSimilarity of their values (an estimate of the shingle sets'
//    Jaccard similarity; the earlier release's signature is recomputed from
//    its stored body);
//  - a release joins the cluster of its most similar confirmed candidate, or
//    starts its own, keyed by a hash of its id and body (a fresh key for new
//    content, even under an old id).
//
// Assignment depends only on the releases written before and their order,
// so it runs in the indexer's ordered write stage: the same files give the
// same clusters for any -j, written in place or by a bulk build.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressdex::near_dup {

inline constexpr std::size_t kShingleWords = 4;  // words per shingle
inline constexpr std::size_t kBands = 8;         // LSH bands of
inline constexpr std::size_t kRows = 3;          // MinHash values each
inline constexpr std::size_t kSignature = 64;    // values compared to confirm a candidate (the bands use the first 24)
// Similarity (share of equal signature values, which estimates the Jaccard
// similarity of the shingle sets; standard error 0.06 at 0.5) from which two
// releases count as the same story. With 8 bands of 3 rows a pair becomes a
// candidate with probability 1-(1-J^3)^8: 0.66 at J=0.5, 0.97 at 0.7, 0.998
// at 0.8 (the two syndicated copies in corpus/ are at 0.76), 0.2 at 0.3 (a
// wasted check). On Reuters-21578 (confirming by exact Jaccard then) 16
// bands of 4 rows joined 677 releases to clusters, 8 of 3 joined 674 and took
// 12 MB less (docs/indexing.md).
inline constexpr double kMinSimilarity = 0.5;
inline constexpr std::size_t kMinShingles = 8;     // shorter bodies are never near-duplicates
inline constexpr std::size_t kMaxCandidates = 16;  // candidates checked per release, most bands shared first

using Signature = std::array<std::uint16_t, kSignature>;  // the low 16 bits of each MinHash value

struct Sketch {
  Signature signature{};
  std::vector<std::string> bands;  // band terms; empty when the body is too short
};

// From the folded words of a body, in order (IndexedWords::body).
Sketch MakeSketch(std::span<const std::string> words);
// The same from body text (segmented as the indexer does).
Sketch SketchText(std::string_view text);

// Share of positions where the signatures agree.
double Similarity(const Signature& a, const Signature& b);

// Assigns cluster keys against the releases indexed before, in order.
class ClusterIndex {
 public:
  // Releases of this run kept in memory (bulk builds) before they move to a
  // scratch database: about 1 KB each.
  static constexpr std::size_t kMemoryEntries = 20000;
  explicit ClusterIndex(std::size_t memory_entries = kMemoryEntries);
  ~ClusterIndex();
  ClusterIndex(const ClusterIndex&) = delete;
  ClusterIndex& operator=(const ClusterIndex&) = delete;

  // Gives each document, in order, its cluster key, band terms and key term.
  // `sketches[i]` belongs to `documents[i]`; earlier documents of the same
  // call count as indexed before. `written` is the database written, this
  // run's writes visible in it (IndexWriter::Written); when null (a bulk build
  // writes where it cannot be read yet) this run's releases are looked up
  // among their bands, keys and signatures, which the index keeps itself (in
  // memory, then in a scratch database).
  void Assign(const Xapian::Database* written, std::vector<std::pair<std::string, Xapian::Document>>& documents,
              const std::vector<Sketch>& sketches);

  // Where the scratch database goes when memory is full: `folder`/clusters
  // (the bulk build's scratch folder, removed with it, also after a crash,
  // by the next run); without one, a fresh folder in the temporary directory.
  void SetScratchParent(std::string folder) { scratch_parent_ = std::move(folder); }

 private:
  struct Scratch;
  std::string scratch_parent_;
  std::size_t memory_entries_;
  std::unique_ptr<Scratch> scratch_;  // made on first need
};

}  // namespace pressdex::near_dup
