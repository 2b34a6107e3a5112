// How often DecodeToUtf8 reads legacy-encoded files right, and what it costs.
// Each argument is a folder of NAME.txt (bytes in some legacy encoding) and
// NAME.utf8 (the same bytes decoded with the encoding they were made in): a
// file is right when its decoded text equals the .utf8 one, both NFC. CPU
// time is the decoder's alone (reading the files is not counted), median of
// RUNS passes. With DECODE_EVAL_WRONG set, the wrong files are listed on
// stderr. Built and run by bench/decode-eval.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "common/encoding.h"

namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Nfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status).toUTF8String(out);
  return out;
}

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Whether this build's decoder says when it was unsure (older ones cannot).
template <typename T>
bool Uncertain(const T& decoded) {
  if constexpr (requires { decoded.uncertain; })
    return decoded.uncertain;
  else
    return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: decode-eval RUNS FOLDER...\n");
    return 2;
  }
  const int runs = std::max(1, std::atoi(argv[1]));
  std::printf(
      "| set | files | right | wrong | of them warned | right but warned | charsets chosen | µs CPU per file |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---|---:|\n");
  for (int a = 2; a < argc; ++a) {
    const std::filesystem::path folder = argv[a];
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> bytes;
    bytes.reserve(files.size());
    for (const auto& f : files) bytes.push_back(Slurp(f));

    int right = 0, wrong = 0, wrong_warned = 0, right_warned = 0;
    std::map<std::string, int> charsets;
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto decoded = pressdex::DecodeToUtf8(bytes[i]);
      std::filesystem::path truth = files[i];
      truth.replace_extension(".utf8");
      const bool ok = decoded.ok() && Nfc(decoded.value().utf8) == Nfc(Slurp(truth));
      const bool warned = decoded.ok() && Uncertain(decoded.value());
      ++charsets[decoded.ok() ? decoded.value().charset : "(error)"];
      if (ok) {
        ++right;
        right_warned += warned;
      } else {
        if (std::getenv("DECODE_EVAL_WRONG") != nullptr)
          std::fprintf(stderr, "wrong: %s read as %s\n", files[i].c_str(),
                       decoded.ok() ? decoded.value().charset.c_str() : "(error)");
        ++wrong;
        wrong_warned += warned;
      }
    }
    std::vector<double> per_file;
    for (int r = 0; r < runs; ++r) {
      const double start = CpuSeconds();
      for (const auto& b : bytes) (void)pressdex::DecodeToUtf8(b);
      per_file.push_back((CpuSeconds() - start) / static_cast<double>(std::max<std::size_t>(1, bytes.size())));
    }
    std::sort(per_file.begin(), per_file.end());
    std::string chosen;
    for (const auto& [name, count] : charsets)
      chosen += (chosen.empty() ? "" : ", ") + name + " " + std::to_string(count);
    std::printf("| %s | %zu | %d | %d | %d | %d | %s | %.0f |\n", folder.filename().c_str(), files.size(), right, wrong,
                wrong_warned, right_warned, chosen.c_str(), per_file[per_file.size() / 2] * 1e6);
  }
  return 0;
}
