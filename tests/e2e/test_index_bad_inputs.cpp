// Every bad input gets one clear line on stderr naming the file, counts in
// the summary and exit status 1, while everything else is indexed. The
// fixtures are made here, at run time.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/wait.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e/test_index_support.h"

using namespace pressdex::test;
namespace fs = std::filesystem;

extern char** environ;

namespace {

std::size_t Count(const std::string& db, const std::string& query) {
  const RunResult r = Search({"--db", db, "--format", "count", query});
  INFO(query << ": " << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return std::stoul(r.out);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The one stderr line about `shown` (the path as messages print it).
std::string LineAbout(const std::vector<std::string>& lines, const std::string& shown) {
  std::string found;
  for (const auto& line : lines) {
    if (line.find(shown + ": ") != std::string::npos) {
      INFO("more than one line about " << shown);
      REQUIRE(found.empty());
      found = line;
    }
  }
  INFO("no line about " << shown);
  REQUIRE_FALSE(found.empty());
  return found;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// As root, file permissions stop nothing; the indexer then runs as "nobody"
// (uid 65534) so that an unreadable file really is unreadable.
// The binary and the shipped data are copied into `scratch` first: the
// checkout may sit in a folder "nobody" cannot enter (mktemp -d makes 0700).
RunResult IndexAsNobody(const std::vector<std::string>& args, const std::string& scratch) {
  const std::string bin = scratch + "/bin/pressdex-index";
  const std::string data = scratch + "/data";
  if (!fs::exists(bin)) {
    fs::create_directories(scratch + "/bin");
    fs::copy_file(PRESSDEX_INDEX_BIN, bin);
    fs::copy(std::string(PRESSDEX_SOURCE_DIR) + "/data", data, fs::copy_options::recursive);
    for (const auto& path : {scratch + "/bin", bin, data}) fs::permissions(path, fs::perms::all);
    for (const auto& entry : fs::directory_iterator(data)) fs::permissions(entry.path(), fs::perms::all);
  }
  const std::string data_env = "PRESSDEX_DATA_DIR=" + data;
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string_view(*e).rfind("PRESSDEX_DATA_DIR=", 0) != 0) envp.push_back(*e);
  }
  envp.push_back(const_cast<char*>(data_env.c_str()));
  envp.push_back(nullptr);
  std::vector<std::string> argv{bin};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> argp;
  for (auto& a : argv) argp.push_back(a.data());
  argp.push_back(nullptr);
  const std::string out = scratch + "/nobody.out", err = scratch + "/nobody.err";
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(120);
    std::signal(SIGPIPE, SIG_DFL);  // as Spawn does (Run may have set it ignored here)
    execve(argp[0], argp.data(), envp.data());
    _exit(121);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return RunResult{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), Slurp(out), Slurp(err)};
}

}  // namespace

TEST_CASE("bad inputs are reported one line each and the rest is indexed", "[index][bad-input]") {
  TempDir dir;
  const std::string c = dir / "c";
  const std::string db = dir / "db";
  const bool root = geteuid() == 0;

  WriteFile(c + "/good.txt", "A good release\n\nThe ministry announced goodword today.\n");
  WriteFile(c + "/empty.txt", "");
  WriteFile(c + "/binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20) + std::string(500, '\0'));
  WriteFile(c + "/invalid-utf8.txt",
            "Vi\xE1\xBB\x87t Nam, H\xC3\xA0 N\xE1\xBB\x99i caf\xC3\xA9 repairword broken \xC3 byte and \xFF here\n");
  {
    const std::string text = "UTF-16 release\n\nThe sixteenword statement from H\u00e0 N\u1ed9i.\n";
    std::u16string wide;  // UTF-8 -> UTF-16 without a library: the text is BMP-only
    for (std::size_t i = 0; i < text.size();) {
      const auto b = static_cast<unsigned char>(text[i]);
      char32_t cp = b;
      std::size_t n = 1;
      if (b >= 0xE0)
        cp = b & 0x0F, n = 3;
      else if (b >= 0xC0)
        cp = b & 0x1F, n = 2;
      for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      wide.push_back(static_cast<char16_t>(cp));
      i += n;
    }
    std::string bytes = "\xFF\xFE";
    for (const char16_t u : wide) bytes += {static_cast<char>(u & 0xFF), static_cast<char>(u >> 8)};
    WriteFile(c + "/utf16.txt", bytes);
  }
  WriteFile(c + "/latin1.txt",
            "Communiqu\xE9 de presse\n\nLe minist\xE8re de la sant\xE9 a annonc\xE9 latinword une r\xE9"
            "forme \xE0 Paris. Les h\xF4pitaux fran\xE7"
            "ais sont pr\xEAts.\n");
  WriteFile(c + "/cp1252.txt",
            "Statement\n\nThe minister said \x93quoted cp1252word\x94 \x96 it costs \x80"
            "5 million.\n");
  WriteFile(c + "/truncated.json", "{\"title\": \"Cut short\", \"body\": \"never closed");
  WriteFile(c + "/malformed.json", "{\"title\": \"x\",, \"body\": }");
  WriteFile(c + "/feed.jsonl",
            "{\"title\": \"One\", \"body\": \"jsonlgoodone text\"}\n"
            "{\"title\": \"Two\", \"body\": \n"
            "{\"title\": \"Three\", \"body\": \"jsonlgoodthree text\"}\n");
  WriteFile(c + "/malformed.html",
            "<html><head><title>Broken page</title><body><h1>Broken <b>heading</h1>"
            "<p>htmlword survives <div><p>unclosed <i>tags <table><tr><td>cell</p></body");
  WriteFile(c + "/huge.txt", "");
  fs::resize_file(c + "/huge.txt", 200LL * 1024 * 1024);  // sparse: no disk used, never read
  WriteFile(c + "/new\nline.txt", "Newline name\n\nThe newlineword release.\n");
  WriteFile(c + "/bad\nempty.txt", "");
  WriteFile(c + "/name\xFF.txt", "Odd name\n\nThe badnameword release.\n");
  fs::create_directories(c + "/links");
  fs::create_directory_symlink("..", c + "/links/loop");
  fs::create_symlink("self.txt", c + "/links/self.txt");
  WriteFile(c + "/unreadable.txt", "Secret\n\nunreadableword\n");
  fs::permissions(c + "/unreadable.txt", fs::perms::none);

  if (root) {  // let "nobody" walk the tree and create the database
    fs::permissions(dir.path(), fs::perms::all);
    for (auto it = fs::recursive_directory_iterator(c); it != fs::recursive_directory_iterator(); ++it) {
      if (!it->is_symlink() && it->is_directory()) fs::permissions(it->path(), fs::perms::all);
    }
    fs::permissions(c, fs::perms::all);
  }
  const std::vector<std::string> args{"--db", db, "--follow-symlinks", "--format", "json", c};
  const RunResult r = root ? IndexAsNobody(args, dir.path()) : Index(args);
  INFO(r.err);
  REQUIRE(r.exit_code != 120);  // could not become nobody
  REQUIRE(r.exit_code == 1);
  const auto summary = nlohmann::json::parse(r.out);
  const auto lines = Lines(r.err);
  for (const auto& line : lines) REQUIRE(line.rfind("pressdex-index: " + c + "/", 0) == 0);

  CHECK_THAT(LineAbout(lines, c + "/empty.txt"), Catch::Contains("empty file"));
  CHECK_THAT(LineAbout(lines, c + "/binary.txt"), Catch::Contains("binary"));
  CHECK_THAT(LineAbout(lines, c + "/truncated.json"), Catch::Contains("malformed JSON"));
  CHECK_THAT(LineAbout(lines, c + "/malformed.json"), Catch::Contains("malformed JSON"));
  CHECK_THAT(LineAbout(lines, c + "/feed.jsonl"), Catch::Contains("line 2"));
  CHECK_THAT(LineAbout(lines, c + "/huge.txt"), Catch::Contains("--max-size"));
  CHECK_THAT(LineAbout(lines, c + "/bad\\nempty.txt"), Catch::Contains("empty file"));
  CHECK_THAT(LineAbout(lines, c + "/links/loop"), Catch::Contains("loop"));
  CHECK_THAT(LineAbout(lines, c + "/links/self.txt"), Catch::Contains("loop"));
  CHECK_THAT(LineAbout(lines, c + "/invalid-utf8.txt"), Catch::Contains("warning: 2 invalid UTF-8"));
  CHECK_THAT(LineAbout(lines, c + "/name\\xFF.txt"), Catch::Contains("warning: file name is not valid UTF-8"));
  CHECK_THAT(LineAbout(lines, c + "/unreadable.txt"), Catch::Contains("Permission denied"));
  const std::size_t failed_files = 9;  // empty, binary, truncated, malformed, huge, bad\nempty, loop, self, unreadable
  CHECK(lines.size() == failed_files + 1 /* feed.jsonl line 2 */ + 2 /* warnings */);
  CHECK(summary.at("failed") == failed_files);
  CHECK(summary.at("failed_records") == 1);
  CHECK(summary.at("warnings") == 2);

  // Everything readable went in: converted, repaired or partly good.
  for (const char* word : {"goodword", "repairword", "sixteenword", "latinword", "ministère", "hôpitaux", "cp1252word",
                           "jsonlgoodone", "jsonlgoodthree", "htmlword", "newlineword", "badnameword"}) {
    INFO(word);
    CHECK(Count(db, word) == 1);
  }
  CHECK(Count(db, "\"quoted cp1252word\"") == 1);
  CHECK(Count(db, "hà sixteenword") == 1);

  SECTION("a second run reports the same failures and indexes nothing new") {
    const RunResult again = root ? IndexAsNobody(args, dir.path()) : Index(args);
    REQUIRE(again.exit_code == 1);
    const auto s = nlohmann::json::parse(again.out);
    CHECK(s.at("failed") == failed_files);
    CHECK(s.at("failed_records") == 1);  // feed.jsonl is unchanged but its bad line still stands
    CHECK(s.at("releases_written") == 0);
  }
  SECTION("without --follow-symlinks links are skipped, not errors") {
    const RunResult plain = Index({"--db", dir / "db2", "--format", "json", c});
    const auto s = nlohmann::json::parse(plain.out);
    CHECK(s.at("failed") == failed_files - 2 - (root ? 1 : 0));  // root reads unreadable.txt
    CHECK(s.at("skipped").at("symbolic link (use --follow-symlinks)") == 2);
    CHECK(plain.err.find("loop") == std::string::npos);
  }
}

TEST_CASE("option --max-size is honoured and nothing is read above it", "[index][bad-input]") {
  TempDir dir;
  WriteFile(dir / "c/small.txt", "Small release\n\nsmallword here.\n");
  WriteFile(dir / "c/big.txt", "Big release\n\nbigword " + std::string(5000, 'x') + "\n");
  const RunResult r = Index({"--db", dir / "db", "--max-size", "1000", dir / "c"});
  REQUIRE(r.exit_code == 1);
  REQUIRE(r.err.find(dir / "c/big.txt: skipped: ") != std::string::npos);
  REQUIRE(Count(dir / "db", "smallword") == 1);
  REQUIRE(Count(dir / "db", "bigword") == 0);
}

TEST_CASE("option --max-size takes K/M/G suffixes and refuses what is no size", "[index][bad-input]") {
  TempDir dir;
  WriteFile(dir / "c/big.txt", "Big release\n\nbigword " + std::string(5000, 'x') + "\n");  // ~5 KiB
  REQUIRE(Index({"--db", dir / "db", "--max-size", "4K", dir / "c"}).exit_code == 1);
  REQUIRE(Count(dir / "db", "bigword") == 0);
  REQUIRE(Index({"--db", dir / "db", "--max-size", "6k", dir / "c"}).exit_code == 0);
  REQUIRE(Count(dir / "db", "bigword") == 1);
  for (const char* bad : {"0", "-1", "abc", "1.5G"}) {
    INFO(bad);
    const RunResult r = Index({"--db", dir / "db", "--max-size", bad, dir / "c"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--max-size") != std::string::npos);
    CHECK(r.err.find("e+") == std::string::npos);  // no CLI11 range up to 1.8e308
    CHECK(r.err.find("17976931348623157") == std::string::npos);
  }
}

TEST_CASE("a missing root is reported and does not remove what was indexed from it", "[index][bad-input]") {
  TempDir dir;
  WriteFile(dir / "a/one.txt", "One\n\nfirstword\n");
  REQUIRE(Index({"--db", dir / "db", dir / "a"}).exit_code == 0);
  fs::rename(dir / "a", dir / "a-moved");
  const RunResult r = Index({"--db", dir / "db", dir / "a"});
  REQUIRE(r.exit_code == 1);
  REQUIRE(r.err.find("no such file or folder") != std::string::npos);
  REQUIRE(Count(dir / "db", "firstword") == 1);
}

TEST_CASE("closed standard streams: the indexer neither aborts nor writes into a table", "[e2e][index]") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "Masks donated\n\nJAKARTA - The ASEAN Secretariat donated masks.\n");
  const std::string db = dir / "db";
  const RunResult r = Run({"/bin/sh", "-c", "\"$@\" <&- >&- 2>&-", "sh", PRESSDEX_INDEX_BIN, "--db", db, dir / "in"});
  CHECK(r.exit_code == 0);
  CHECK(Count(db, "masks") == 1);
  // A JSON report that can't be written: exit 4, the database still complete.
  const RunResult full = Run({"/bin/sh", "-c", "\"$@\" >/dev/full", "sh", PRESSDEX_INDEX_BIN, "--db", db, "--rebuild",
                              "--format", "json", dir / "in"});
  CHECK(full.exit_code == 4);
  CHECK(full.err.find("cannot write to standard output") != std::string::npos);
  CHECK(Count(db, "masks") == 1);
}

TEST_CASE("a --db folder holding anything else is refused, never emptied", "[e2e][index]") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "Masks donated\n\nThe ASEAN Secretariat donated masks.\n");
  WriteFile(dir / "db/notes.txt", "keep me\n");
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, {"--bulk", "always"}, {"--rebuild"}, {"--shards", "2"}}) {
    std::vector<std::string> args{"--db", dir / "db"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(dir / "in");
    const RunResult r = Index(args);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("notes.txt") != std::string::npos);
    CHECK(fs::exists(dir / "db/notes.txt"));
    CHECK_FALSE(fs::exists(dir / "db/pressdex-index.lock"));
  }
  // The folder being indexed, given as --db: refused, nothing touched.
  const RunResult self = Index({"--db", dir / "in", "--bulk", "always", dir / "in"});
  CHECK(self.exit_code == 2);
  CHECK(fs::exists(dir / "in/a.txt"));
  // A database folder (with its lock and shard folders) is fine, compaction too.
  REQUIRE(Index({"--db", dir / "ok", "--shards", "2", dir / "in"}).exit_code == 0);
  CHECK(Index({"--db", dir / "ok", dir / "in"}).exit_code == 0);
  CHECK(Index({"--db", dir / "ok", "--compact"}).exit_code == 0);
  CHECK(Count(dir / "ok", "masks") == 1);
  WriteFile(dir / "ok/stray.txt", "x");
  CHECK(Index({"--db", dir / "ok", "--compact"}).exit_code == 2);
  CHECK(fs::exists(dir / "ok/stray.txt"));
}

TEST_CASE("the working directory as --db is written in place, not swapped away", "[e2e][index]") {
  TempDir dir;
  WriteFile(dir / "in/a.txt", "Masks donated\n\nThe ASEAN Secretariat donated masks.\n");
  fs::create_directories(dir / "db");
  const std::string cd = "cd '" + dir / "db" + "' && exec \"$@\"";
  const RunResult always =
      Run({"/bin/sh", "-c", cd, "sh", PRESSDEX_INDEX_BIN, "--db", ".", "--bulk", "always", dir / "in"});
  CHECK(always.exit_code == 2);
  CHECK(always.err.find("working directory") != std::string::npos);
  const RunResult automatic = Run({"/bin/sh", "-c", cd, "sh", PRESSDEX_INDEX_BIN, "--db", ".", dir / "in"});
  CHECK(automatic.exit_code == 0);
  CHECK(Count(dir / "db", "masks") == 1);
}

TEST_CASE("more jobs than threads can start: capped, same database", "[e2e][index]") {
  TempDir dir;
  for (int i = 0; i < 6; ++i)
    WriteFile(dir / ("in/" + std::to_string(i) + ".txt"), "Title\n\nmasks " + std::to_string(i) + "\n");
  const RunResult r = Index({"--db", dir / "db", "-j", "100000", dir / "in"});
  CHECK(r.exit_code == 0);
  CHECK(Count(dir / "db", "masks") == 6);
}

TEST_CASE("blank files fail, old Mac line ends separate words, escaped names stay distinct", "[e2e][index]") {
  TempDir dir;
  WriteFile(dir / "in/blank.txt", "  \n\t\n");
  WriteFile(dir / "in/bom.txt", "\xEF\xBB\xBF");
  WriteFile(dir / "in/blank.json", R"({"title": "  ", "content": "   "})");
  WriteFile(dir / "in/mac.txt", "RICE REPORT\r\rBANGKOK, March 3 - the harvest\rwas strong\r");
  WriteFile(dir / "in/a\xFF.txt", "Byte\n\nzqbyte text\n");
  WriteFile(dir / "in/a\\xFF.txt", "Literal\n\nzqlit text\n");
  const RunResult first = Index({"--db", dir / "db", dir / "in"});
  INFO(first.err);
  CHECK(first.exit_code == 1);
  for (const char* name : {"blank.txt", "bom.txt", "blank.json"}) CHECK(first.err.find(name) != std::string::npos);
  CHECK(Count(dir / "db", "was") == 1);
  CHECK(Count(dir / "db", "harvestwas") == 0);
  CHECK(Count(dir / "db", "zqbyte") == 1);
  CHECK(Count(dir / "db", "zqlit") == 1);
  // Nothing changed: a second run updates nothing.
  const RunResult again = Index({"--db", dir / "db", dir / "in"});
  CHECK(again.err.find(" 0 updated") != std::string::npos);
  CHECK(again.err.find(" 0 added") != std::string::npos);
}

TEST_CASE("overlapping roots are walked once, an empty --db is a usage error", "[e2e][index]") {
  TempDir dir;
  WriteFile(dir / "in/sub/a.txt", "A\n\nmasks one\n");
  WriteFile(dir / "in/b.txt", "B\n\nmasks two\n");
  const RunResult r = Index({"--db", dir / "db", dir / "in/sub", dir / "in", dir / "in/sub/a.txt"});
  INFO(r.err);
  CHECK(r.err.find("2 files: 2 added") != std::string::npos);
  CHECK(r.err.find("another link") == std::string::npos);
  CHECK(Index({"--db", "", dir / "in"}).exit_code == 2);
  // A reader gone from the pipe doesn't stop the run: all indexed, exit 4.
  const RunResult closed =
      Run({"/bin/sh", "-c", "\"$@\" >&-", "sh", PRESSDEX_INDEX_BIN, "-v", "--db", dir / "db2", dir / "in"});
  CHECK(closed.exit_code == 4);
  CHECK(Count(dir / "db2", "masks") == 2);
}
