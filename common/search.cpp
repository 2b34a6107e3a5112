#include "common/search.h"

#include <filesystem>
#include <optional>
#include <thread>

#include "common/ranking.h"

namespace pressdex {

struct Searcher::Impl {
  std::vector<std::string> paths;
  Xapian::Database db;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

const Xapian::Database& Searcher::database() const { return impl_->db; }

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::vector<std::string>& paths) {
  auto impl = std::make_unique<Impl>();
  impl->paths = paths;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      return Status::NotFound("no database at " + path + ": create it with `pressdex-index --db " + path +
                              " FOLDER...`");
    try {
      // An indexer committing while the tables open can discard the revision
      // being opened: open again at the newer one.
      for (int attempt = 0;; ++attempt) {
        try {
          impl->db.add_database(Xapian::Database(path));
          break;
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt >= 9) throw;
          std::this_thread::sleep_for(std::chrono::milliseconds(1 << attempt));
        }
      }
    } catch (const Xapian::DatabaseOpeningError& e) {
      return Status::IoError("cannot open database " + path + ": " + e.get_msg() +
                             " (is it a Pressdex database? create one with `pressdex-index --db " + path +
                             " FOLDER...`)");
    } catch (const Xapian::Error& e) {
      return Status::IoError("cannot open database " + path + ": " + e.get_description());
    }
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

namespace {

Result<SearchResponse> SearchOnce(Xapian::Database& db, const SearchRequest& request) {
  SearchResponse response;
  response.query = request.query;
  response.offset = request.offset;

  ParsedQuery parsed;
  if (request.match_all && request.query.empty()) {
    parsed.query = Xapian::Query::MatchAll;
  } else {
    auto result = ParseQuery(request.query, request.query_options, db);
    if (!result.ok()) return result.status();
    parsed = std::move(result.value());
  }
  response.parsed = parsed.query.get_description();

  Xapian::Enquire enquire(db);
  enquire.set_query(parsed.query);
  enquire.set_weighting_scheme(RankingWeight());  // common/ranking.h
  const bool by_relevance = request.sort == SortOrder::kRelevance && parsed.has_text;
  if (by_relevance) {
    // Equal scores: newest first, then id — the same order every time.
    enquire.set_sort_by_relevance_then_value(schema::kSortKeySlot, false);
  } else {
    enquire.set_sort_by_value_then_relevance(schema::kSortKeySlot, request.sort == SortOrder::kOldest);
  }

  // Facets count the whole match set, so the matcher must see every match
  // (which also makes the total exact). The collector outlives get_mset.
  std::optional<FacetCollector> facets;
  if (!request.facets.empty()) {
    facets.emplace(request.facets);
    facets->Attach(enquire);
  }
  const Xapian::doccount doccount = db.get_doccount();
  const Xapian::doccount limit = request.limit == 0 ? doccount : static_cast<Xapian::doccount>(request.limit);
  const Xapian::doccount check_at_least =
      request.exact_total || facets ? doccount : std::max<Xapian::doccount>(limit, 100);
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset), limit, check_at_least);
  if (facets) response.facets = facets->Results();

  response.total = mset.get_matches_estimated();
  response.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (response.exact) response.total = mset.get_matches_lower_bound();

  SnippetRequest snippet_request;
  snippet_request.terms = parsed.terms;
  snippet_request.wildcard_stems = parsed.wildcard_stems;
  snippet_request.max_bytes = request.snippet_bytes;
  std::size_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit;
    hit.rank = ++rank;
    hit.docid = *it;
    hit.score = it.get_weight();
    const Xapian::Document document = it.get_document();
    auto data = schema::DecodeDocumentData(document.get_data());
    if (data.ok()) hit.doc = std::move(data.value());
    if (request.snippets) {
      // The body is read only for snippets (older databases kept it in the data).
      if (hit.doc.text.empty()) hit.doc.text = document.get_value(schema::kTextSlot);
      snippet_request.lang = hit.doc.lang;
      hit.snippet = MakeSnippet(hit.doc.text, snippet_request);
    }
    response.hits.push_back(std::move(hit));
  }
  response.understood = std::move(parsed);
  return response;
}

}  // namespace

Result<SearchResponse> Searcher::Search(const SearchRequest& request) {
  // Every search starts at the latest commit, also the thousandth of a batch
  // (cheap: a look at the version file when nothing changed). A reader is
  // safe until the writer commits twice more; when that happens mid-search
  // (DatabaseModifiedError), reopen and try again, pausing a little longer
  // each time so an indexer committing in quick succession leaves a gap.
  constexpr int kAttempts = 10;  // pauses 1+2+...+256 ms: about half a second at worst
  for (int attempt = 0;; ++attempt) {
    try {
      impl_->db.reopen();
      return SearchOnce(impl_->db, request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt + 1 >= kAttempts)
        return Status::IoError("the database kept changing during the search (an indexer is committing); try again");
      std::this_thread::sleep_for(std::chrono::milliseconds(1 << attempt));
    } catch (const Xapian::Error& e) {
      return Status::IoError("search failed: " + e.get_description());
    }
  }
}

}  // namespace pressdex
