// The two shapes a press release takes on its way into the index:
// a SourceRecord is what a reader found in a file (no interpretation), and a
// Release is what the extractors made of it (the fields the index stores).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pressdex {

// Metadata a file states explicitly (JSON fields, front matter, HTML <meta>).
struct StatedMetadata {
  std::string date;  // as written: "2020-04-29T10:00:00Z", "29 April 2020"...
  std::string url;
  std::string language;  // as written ("en", "English")
  std::string issuer;    // issuing organisation, when a field says so
  std::vector<std::string> organisations;
  std::vector<std::string> topics;
  std::vector<std::string> keywords;
  std::string place;
  std::string source;
};

struct SourceRecord {
  std::string id_suffix;  // "" for a one-release file; "#N" for record N of a JSON/JSONL file
  std::string title;      // explicit title (JSON title, <title>/<h1>, front matter); may be empty
  std::string text;       // body text, paragraphs separated by blank lines, UTF-8
  StatedMetadata meta;
  bool from_markup = false;  // text came out of HTML/Markdown structure (already de-chromed)
};

// Facts about the file a record came from.
struct FileInfo {
  std::string path;     // display path: the root made absolute (AbsoluteRoot), joined with the path below it
  std::string folder;   // display path of the containing folder (for per-folder learning)
  long long mtime = 0;  // seconds since the epoch
  long long size = 0;
  // The order of day and month its records' stated dates show, when they
  // show one (true: day first; common/extract/date_order.h).
  std::optional<bool> day_first;
};

// One organisation as the extractors resolved it.
struct Organisation {
  std::string name;                  // canonical display name: "ASEAN Secretariat"
  std::vector<std::string> aliases;  // other names it goes by: "ASEC"
};

struct Release {
  std::string id;  // unique: path, plus "#N" for records inside JSON/JSONL
  std::string path;
  std::string title;
  std::string text;         // cleaned body text (what is indexed and what snippets show)
  std::string date;         // ISO YYYY-MM-DD; empty when no date was found
  std::string date_source;  // metadata | dateline | body | mtime
  std::string lang;         // ISO 639-1 code ("en", "vi", "th"...)
  std::string url;
  std::string place;                // "Jakarta"
  std::string source;               // news agency: "VNA"
  Organisation issuer;              // empty name when unknown
  std::vector<Organisation> orgs;   // every organisation named, issuer included
  std::vector<std::string> topics;  // topic slugs, best first
  long long mtime = 0;
  long long size = 0;
};

}  // namespace pressdex
