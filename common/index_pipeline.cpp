#include "common/index_pipeline.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <new>
#include <span>
#include <string_view>

#include <fmt/format.h>

#include "common/document_builder.h"
#include "common/encoding.h"
#include "common/extract/boilerplate.h"
#include "common/extract/date_order.h"
#include "common/index_state.h"
#include "common/normalize.h"
#include "common/readers.h"

namespace pressdex {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string TooLarge(long long size, long long max_size) {
  return fmt::format("skipped: {} bytes is over --max-size ({} bytes)", size, max_size);
}

// The whole file, refusing what is not a regular file (it may have been
// replaced since the walk) and anything over `max_size`, even if it grew.
Result<std::string> ReadBytes(const std::string& path, long long max_size) {
  // O_NONBLOCK: a FIFO swapped in after the walk must not hang the run.
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Status::NotFound("vanished before it could be read");
    return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Status::IoError(std::string("cannot stat: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return Status::IoError("no longer a regular file");
  if (st.st_size > max_size) return Status::InvalidArgument(TooLarge(st.st_size, max_size));
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  // Once the size fstat gave is read, the end is confirmed through a small
  // buffer, not by growing the string: that zero-filled 64 KiB per file, the
  // costliest part of reading a release (callgrind).
  char probe[4096];
  while (true) {
    const bool full = got == bytes.size();
    char* into = full ? probe : bytes.data() + got;
    const std::size_t room = full ? sizeof probe : bytes.size() - got;
    const ssize_t n = ::read(fd.get(), into, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("read error: ") + std::strerror(errno));
    }
    if (n == 0) break;
    if (full) bytes.append(probe, static_cast<std::size_t>(n));  // the file grew since fstat
    got += static_cast<std::size_t>(n);
    if (static_cast<long long>(got) > max_size) return Status::InvalidArgument(TooLarge(got, max_size));
  }
  bytes.resize(got);
  return bytes;
}

}  // namespace

LoadedFile LoadFile(const WalkedFile& file, long long max_size) {
  LoadedFile loaded;
  loaded.file = file;
  try {
    loaded.path = PathForIndex(file.path);
    loaded.folder = PathForIndex(*file.folder);
    if (loaded.path != file.path)
      loaded.warnings.push_back("file name is not valid UTF-8; indexed as \"" + loaded.path + "\"");
    if (file.size > max_size) {
      loaded.error = Status::InvalidArgument(TooLarge(file.size, max_size));
      return loaded;
    }
    auto bytes = ReadBytes(file.path, max_size);
    if (!bytes.ok()) {
      loaded.error = bytes.status();
      return loaded;
    }
    loaded.content = HexFingerprint(Fingerprint(*bytes));
    if (bytes->empty()) {
      loaded.error = Status::InvalidArgument("empty file");
      return loaded;
    }
    auto text = DecodeToUtf8(*bytes);
    if (!text.ok()) {
      loaded.error = text.status();
      return loaded;
    }
    bytes->clear();
    bytes->shrink_to_fit();
    if (text->replaced > 0)
      loaded.warnings.push_back(fmt::format("{} invalid UTF-8 sequence{} replaced by U+FFFD", text->replaced,
                                            text->replaced == 1 ? "" : "s"));
    if (text->uncertain)  // no reading of the bytes convinced (common/legacy_charset.h): say which was taken
      loaded.warnings.push_back(fmt::format("decoded as {}; the encoding was uncertain", text->charset));
    if (IsLikelyZawgyi(text->utf8))  // no converter in ICU: say so (docs/languages.md)
      loaded.warnings.push_back(
          "Burmese text looks Zawgyi-encoded, not Unicode: its words will not match Unicode queries");
    auto read = ReadRecords(FormatForPath(file.path), text->utf8);
    if (!read.ok()) {
      loaded.error = read.status();
      return loaded;
    }
    loaded.records = std::move(read->records);
    loaded.problems = std::move(read->problems);
    // Once per file, not per part: the order shows across all its records.
    loaded.day_first = StatedDayFirst(loaded.records);
    if (loaded.records.empty() && loaded.problems.empty()) loaded.error = Status::InvalidArgument("holds no release");
  } catch (const std::bad_alloc&) {
    loaded.records.clear();
    loaded.error = Status::IoError("out of memory while reading");
  } catch (const std::exception& e) {
    loaded.records.clear();
    loaded.error = Status::IoError(std::string("internal error while reading: ") + e.what());
  }
  return loaded;
}

std::string ContentFingerprint(const WalkedFile& file, long long max_size) {
  try {
    auto bytes = ReadBytes(file.path, max_size);
    return bytes.ok() ? HexFingerprint(Fingerprint(*bytes)) : std::string();
  } catch (const std::exception&) {
    return {};
  }
}

std::vector<std::string> LearnFolderBoilerplate(const std::vector<const LoadedFile*>& files) {
  std::vector<std::string_view> texts;
  for (const LoadedFile* f : files) {
    if (!f->error.ok()) continue;
    for (const auto& r : f->records) {
      if (!r.from_markup) texts.push_back(r.text);
    }
  }
  return LearnBoilerplate(texts);
}

std::string BoilerplateFingerprint(const std::vector<std::string>& lines) {
  std::uint64_t h = Fingerprint("boilerplate");
  for (const auto& line : lines) {
    h = Fingerprint(line, h);
    h = Fingerprint(std::string_view("\n", 1), h);
  }
  return HexFingerprint(h);
}

std::size_t PartCount(const LoadedFile& loaded) {
  return std::max<std::size_t>(1, (loaded.records.size() + kRecordsPerPart - 1) / kRecordsPerPart);
}

BuiltFile BuildFileDocuments(const LoadedFile& loaded, const Analyser& analyser,
                             const std::vector<std::string>& boilerplate, std::size_t part) {
  BuiltFile built;
  const FileInfo info{loaded.path, loaded.folder, loaded.file.mtime, loaded.file.size, loaded.day_first};
  const std::size_t begin = std::min(loaded.records.size(), part * kRecordsPerPart);
  const std::size_t end = std::min(loaded.records.size(), begin + kRecordsPerPart);
  for (const auto& record : std::span(loaded.records).subspan(begin, end - begin)) {
    try {
      const Release release = analyser.Analyse(record, info, boilerplate);
      IndexedWords words;
      Xapian::Document document = BuildDocument(release, {}, &words);
      near_dup::Sketch sketch = near_dup::MakeSketch(words.body);
      built.lexicon.spelling.Add(words.title);
      built.lexicon.spelling.Add(words.body);
      for (auto& group : WrittenSynonyms(release.orgs, words.title, words.body))
        built.lexicon.synonyms.push_back(std::move(group));
      built.documents.emplace_back(release.id, std::move(document));
      built.sketches.push_back(std::move(sketch));
    } catch (const std::exception& e) {
      built.problems.push_back(fmt::format("{}could not be analysed: {}",
                                           record.id_suffix.empty() ? "" : "record " + record.id_suffix + ": ",
                                           e.what()));
    } catch (const Xapian::Error& e) {
      built.problems.push_back(fmt::format("{}could not be built: {}",
                                           record.id_suffix.empty() ? "" : "record " + record.id_suffix + ": ",
                                           e.get_description()));
    }
  }
  return built;
}

}  // namespace pressdex
