// Batch mode without the CLI: queries in, one answer per query out, in
// order; malformed queries reported and skipped; the exit-code rule.
#include <sys/stat.h>
#include <xapian.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/cli.h"
#include "common/document_builder.h"
#include "tests/unit/scratch_dir.h"

namespace {

// A three-release database in a temporary folder.
class TinyDb {
 public:
  TinyDb() {
    Xapian::WritableDatabase db(path(), Xapian::DB_CREATE_OR_OPEN);
    Add(db, "a.txt", "Masks donated to the secretariat", "Twenty thousand surgical masks arrived.", "2020-04-29");
    Add(db, "b.txt", "Flood relief in Viet Nam", "Relief teams reached the flooded provinces.", "2020-10-12");
    Add(db, "c.txt", "Masks and flood kits", "Kits with masks for flood victims.", "2021-01-05");
    db.commit();
  }
  std::string path() const { return dir_.path() + "/db"; }

 private:
  static void Add(Xapian::WritableDatabase& db, const std::string& path, const std::string& title,
                  const std::string& text, const std::string& date) {
    pressdex::Release r;
    r.id = r.path = path;
    r.title = title;
    r.text = text;
    r.date = date;
    r.date_source = "metadata";
    r.lang = "en";
    db.replace_document(pressdex::schema::IdTerm(r.id), pressdex::BuildDocument(r));
  }
  pressdex::test::ScratchDir dir_;
};

struct BatchRun {
  pressdex::BatchStats stats;
  std::string out;
  std::string err;
  int exit_code = -1;
};

BatchRun RunOn(const TinyDb& db, const std::string& input, pressdex::OutputOptions options,
               const std::atomic<bool>* stop = nullptr) {
  options.batch = true;
  auto searcher = pressdex::Searcher::Open({db.path()});
  REQUIRE(searcher.ok());
  char *out_buf = nullptr, *err_buf = nullptr;
  std::size_t out_size = 0, err_size = 0;
  std::FILE* out = open_memstream(&out_buf, &out_size);
  std::FILE* err = open_memstream(&err_buf, &err_size);
  std::istringstream in(input);
  pressdex::SearchRequest base;
  base.snippets = pressdex::NeedsSnippets(options);
  auto writer = pressdex::MakeResponseWriter(options);
  const pressdex::BatchIo io{in, out, err, "test", stop};
  auto stats = pressdex::RunBatch(**searcher, base, *writer, io);
  std::fclose(out);
  std::fclose(err);
  BatchRun run;
  run.out.assign(out_buf, out_size);
  run.err.assign(err_buf, err_size);
  std::free(out_buf);
  std::free(err_buf);
  REQUIRE(stats.ok());
  run.stats = *stats;
  run.exit_code = pressdex::BatchExitCode(*stats);
  return run;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::stringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

pressdex::OutputOptions Format(pressdex::OutputFormat format) {
  pressdex::OutputOptions o;
  o.format = format;
  return o;
}

// Input arriving in chunks, as from a pipe. After each chunk it says whether
// more is ready (`ready_after`), and every time the batch reads past a chunk
// it records how many bytes of answers `out` has written to its file by then.
class Chunks : public std::streambuf {
 public:
  Chunks(std::vector<std::string> chunks, bool ready_after, std::FILE* out)
      : chunks_(std::move(chunks)), ready_after_(ready_after), out_(out) {}
  std::vector<long> written_at_read;  // file size at each read (the first, before any query, too)

 protected:
  int_type underflow() override {
    struct stat st {};
    REQUIRE(fstat(fileno(out_), &st) == 0);
    written_at_read.push_back(static_cast<long>(st.st_size));
    if (next_ == chunks_.size()) return traits_type::eof();
    current_ = chunks_[next_++];
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(current_[0]);
  }
  std::streamsize showmanyc() override { return ready_after_ && next_ < chunks_.size() ? 1 : 0; }

 private:
  std::vector<std::string> chunks_;
  bool ready_after_;
  std::FILE* out_;
  std::size_t next_ = 0;
  std::string current_;
};

// Runs a count batch over `input`; returns the sizes Chunks recorded.
std::vector<long> WrittenAtEachRead(const TinyDb& db, std::vector<std::string> input, bool ready_after) {
  auto searcher = pressdex::Searcher::Open({db.path()});
  REQUIRE(searcher.ok());
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  REQUIRE(out != nullptr);
  Chunks chunks(std::move(input), ready_after, out);
  std::istream in(&chunks);
  pressdex::OutputOptions options = Format(pressdex::OutputFormat::kCount);
  options.batch = true;
  auto writer = pressdex::MakeResponseWriter(options);
  const pressdex::BatchIo io{in, out, err, "test"};
  REQUIRE(pressdex::RunBatch(**searcher, pressdex::SearchRequest{}, *writer, io).ok());
  std::fclose(out);
  std::fclose(err);
  return chunks.written_at_read;
}

}  // namespace

TEST_CASE("batch: a co-process gets each answer before the batch waits for its next query", "[batch]") {
  TinyDb db;
  // One query at a time and nothing more ready: each answer ("2\n", "1\n",
  // "0\n") is in the file before the next read.
  CHECK(WrittenAtEachRead(db, {"masks\n", "flood relief\n", "nothingzz\n"}, false) == std::vector<long>{0, 2, 4, 6});
  // A query split over two chunks: no answer is owed in between.
  CHECK(WrittenAtEachRead(db, {"mas", "ks\n"}, false) == std::vector<long>{0, 0, 2});
}

TEST_CASE("batch: queries already waiting are answered without a write per answer", "[batch]") {
  TinyDb db;
  // More input is ready after each chunk: the answers ("2\n2\n1\n0\n") stay
  // buffered until the read that finds the input's end.
  CHECK(WrittenAtEachRead(db, {"masks\nflood\n", "flood relief\n", "nothingzz\n"}, true) ==
        std::vector<long>{0, 0, 0, 8});
}

TEST_CASE("batch: tsv rows carry the query number, blank and # lines do not count", "[batch]") {
  TinyDb db;
  auto options = Format(pressdex::OutputFormat::kTsv);
  options.fields = {pressdex::Field::kPath};
  const auto run = RunOn(db, "masks\n\n# a comment\n   \nflood relief\r\nnothingmatcheszz\n", options);
  CHECK(run.stats.lines == 6);
  CHECK(run.stats.queries == 3);
  CHECK(run.stats.matched == 2);
  CHECK(run.exit_code == pressdex::cli::kOk);
  const auto lines = Lines(run.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "qnum\tpath");
  // masks: a.txt and c.txt; "flood relief" (AND): b.txt only; the third: nothing.
  CHECK(lines[1].rfind("1\t", 0) == 0);
  CHECK(lines[2].rfind("1\t", 0) == 0);
  CHECK(lines[1] != lines[2]);
  CHECK(lines[3] == "2\tb.txt");
  CHECK(run.err.empty());
}

TEST_CASE("batch: an error column counts from the start of the line, as for an argument", "[batch]") {
  TinyDb db;
  const auto run = RunOn(db, "  date:2020-13\n", Format(pressdex::OutputFormat::kTsv));
  CHECK(run.stats.malformed == 1);
  CHECK(run.err.find("line 1 (query 1): query error at column 3") != std::string::npos);
}

TEST_CASE("batch: a malformed query is reported with its line and the batch goes on", "[batch]") {
  TinyDb db;
  const auto run = RunOn(db, "masks\n# skip\n(unclosed\nflood\n", Format(pressdex::OutputFormat::kJsonl));
  CHECK(run.stats.queries == 3);
  CHECK(run.stats.malformed == 1);
  CHECK(run.exit_code == pressdex::cli::kUsage);
  CHECK(run.err.find("line 3 (query 2)") != std::string::npos);
  const auto lines = Lines(run.out);
  REQUIRE(lines.size() == 3);
  std::vector<nlohmann::json> docs;
  for (const auto& line : lines) docs.push_back(nlohmann::json::parse(line));
  CHECK(docs[0]["number"] == 1);
  CHECK(docs[0]["total"] == 2);
  CHECK(docs[1]["number"] == 2);
  CHECK(docs[1]["query"] == "(unclosed");
  CHECK(docs[1].contains("error"));
  CHECK(docs[2]["number"] == 3);
  CHECK(docs[2]["results"].size() == 2);
}

TEST_CASE("batch: exit 1 when no query matched, 0 when one did", "[batch]") {
  TinyDb db;
  CHECK(RunOn(db, "zzz\nqqq\n", Format(pressdex::OutputFormat::kCount)).exit_code == pressdex::cli::kNoMatch);
  const auto run = RunOn(db, "zzz\nmasks\n", Format(pressdex::OutputFormat::kCount));
  CHECK(run.exit_code == pressdex::cli::kOk);
  CHECK(run.out == "0\n2\n");
  CHECK(RunOn(db, "", Format(pressdex::OutputFormat::kCount)).exit_code == pressdex::cli::kNoMatch);
}

TEST_CASE("batch: filters and paging apply to every query", "[batch]") {
  TinyDb db;
  auto run = RunOn(db, "masks date:2021\nflood date:..2020\n", Format(pressdex::OutputFormat::kJson));
  const auto lines = Lines(run.out);
  REQUIRE(lines.size() == 2);
  const auto first = nlohmann::json::parse(lines[0]);
  REQUIRE(first["results"].size() == 1);
  CHECK(first["results"][0]["path"] == "c.txt");
  const auto second = nlohmann::json::parse(lines[1]);
  REQUIRE(second["results"].size() == 1);
  CHECK(second["results"][0]["path"] == "b.txt");
}

TEST_CASE("batch: a raised stop flag ends the batch as interrupted", "[batch]") {
  TinyDb db;
  std::atomic<bool> stop{true};
  const auto run = RunOn(db, "masks\nflood\n", Format(pressdex::OutputFormat::kCount), &stop);
  CHECK(run.stats.interrupted);
  CHECK(run.stats.queries == 0);
  CHECK(run.exit_code == pressdex::cli::kInterrupted);
}

TEST_CASE("batch exit code: malformed beats matched", "[batch]") {
  pressdex::BatchStats s;
  s.queries = 2;
  s.matched = 1;
  s.malformed = 1;
  CHECK(pressdex::BatchExitCode(s) == 2);
  s.malformed = 0;
  CHECK(pressdex::BatchExitCode(s) == 0);
  s.matched = 0;
  CHECK(pressdex::BatchExitCode(s) == 1);
}
