// Runs the Analyser over every file under a directory, as the indexer would
// (boilerplate learned per folder, file modification time as FileInfo.mtime),
// and prints one JSON object per release on stdout. Used by bench/extract-eval.
//
//   extract-eval-tool DIR [--date-order mdy] [--lang CODE] [--time-zone IANA-ID]
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "common/analyse.h"
#include "common/extract/boilerplate.h"
#include "common/extract/date_order.h"
#include "common/readers.h"

namespace fs = std::filesystem;
using pressdex::Analyser;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: extract-eval-tool DIR [--date-order mdy] [--lang CODE] [--time-zone IANA-ID]\n";
    return 2;
  }
  pressdex::AnalyserOptions options;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--date-order") {
      options.day_first = std::string(argv[i + 1]) != "mdy";
      options.date_order_stated = true;
    }
    if (flag == "--lang") options.default_lang = argv[i + 1];
    if (flag == "--time-zone") options.time_zone = argv[i + 1];
  }
  auto analyser = Analyser::Create(options);
  if (!analyser.ok()) {
    std::cerr << "extract-eval-tool: " << analyser.status().message() << "\n";
    return 1;
  }
  std::map<std::string, std::vector<fs::path>> folders;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file()) continue;
    if (pressdex::FormatForPath(entry.path().string()) == pressdex::Format::kUnknown) continue;
    folders[entry.path().parent_path().string()].push_back(entry.path());
  }
  double analyse_seconds = 0;
  std::size_t releases = 0, bytes = 0;
  for (auto& [folder, files] : folders) {
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    texts.reserve(files.size());
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream buf;
      buf << in.rdbuf();
      texts.push_back(buf.str());
    }
    std::vector<std::string_view> views(texts.begin(), texts.end());
    const std::vector<std::string> boilerplate = pressdex::LearnBoilerplate(views);
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto read = pressdex::ReadRecords(pressdex::FormatForPath(files[i].string()), texts[i]);
      if (!read.ok()) continue;
      struct stat st {};
      stat(files[i].c_str(), &st);
      pressdex::FileInfo info{files[i].string(), folder, static_cast<long long>(st.st_mtime),
                              static_cast<long long>(st.st_size), pressdex::StatedDayFirst(read->records)};
      for (const auto& record : read->records) {
        // CPU time of this thread: wall time lies on a shared, loaded machine.
        timespec t0{}, t1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
        const pressdex::Release r = (*analyser)->Analyse(record, info, boilerplate);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
        analyse_seconds +=
            static_cast<double>(t1.tv_sec - t0.tv_sec) + 1e-9 * static_cast<double>(t1.tv_nsec - t0.tv_nsec);
        ++releases;
        bytes += record.text.size();
        nlohmann::json orgs = nlohmann::json::array();
        for (const auto& o : r.orgs) orgs.push_back({{"name", o.name}, {"aliases", o.aliases}});
        const nlohmann::json out = {
            {"id", r.id},       {"title", r.title},   {"date", r.date}, {"date_source", r.date_source},
            {"place", r.place}, {"source", r.source}, {"lang", r.lang}, {"issuer", r.issuer.name},
            {"orgs", orgs},     {"topics", r.topics}};
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    }
  }
  std::cerr << "analysed " << releases << " releases (" << bytes / 1024 << " KiB) in " << analyse_seconds
            << " s CPU: " << (releases ? analyse_seconds * 1e3 / static_cast<double>(releases) : 0.0) << " ms each\n";
  return 0;
}
