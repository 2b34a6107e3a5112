#include "common/document_builder.h"

#include <unordered_set>

#include "common/language.h"
#include "common/normalize.h"
#include "common/schema.h"
#include "common/segment.h"
#include "common/tokenizer.h"

namespace pressdex {
namespace {

// Each word at its own position. The dictionary words inside a long
// compound, or the characters of a Chinese word (ForEachSubword), go at the
// compound's position, so "part next-word" is a phrase, and also at their
// place inside it (wdf 0: one occurrence, two positions), so "part1 part2"
// is one too. Body words whose accents folding removed also get their exact
// form under kRawPrefix ("việt"), for exact-accent search, without
// positions: with them the Vietnamese news index grew 87 %, without 16 %
// (docs/languages.md); an exact phrase is the folded phrase filtered by its
// exact words. ASCII words skip all of this.
void AddTokens(Xapian::Document& doc, std::string_view text, StemCache& cache, std::string_view prefix,
               Xapian::termpos& pos, unsigned wdf_inc, std::vector<std::string>* words = nullptr) {
  std::string term(prefix);
  const bool body = prefix.empty();
  ForEachToken(text, [&](const Token& token) {
    if (words != nullptr) words->push_back(token.term);
    if (token.term.size() + prefix.size() > schema::kMaxTermBytes) return;
    term.resize(prefix.size());
    term += cache.Stem(token.term);
    doc.add_posting(term, ++pos, wdf_inc);
    if (IsAscii(token.raw)) return;
    ForEachSubword(token.term, [&](std::string_view part, unsigned ordinal) {
      term.resize(prefix.size());
      term += cache.Stem(std::string(part));
      doc.add_posting(term, pos, wdf_inc);
      if (ordinal != 0) doc.add_posting(term, pos + ordinal, 0);
    });
    if (body && MayHaveFoldedAccents(token.raw)) {
      std::string exact = FoldTokenKeepAccents(token.raw);
      if (exact != token.term && exact.size() + schema::kRawPrefix.size() <= schema::kMaxTermBytes)
        doc.add_term(std::string(schema::kRawPrefix) + exact, wdf_inc);
    }
  });
}

void AddField(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
  if (!value.empty()) doc.add_boolean_term(schema::FieldTerm(prefix, value));
}

// Each distinct value in the next slot of `range` (see schema::SlotRange):
// what remote shards count facets with.
void AddSpreadValues(Xapian::Document& doc, schema::SlotRange range, const std::vector<std::string>& values) {
  std::unordered_set<std::string_view> seen;
  for (const std::string& value : values) {
    if (seen.size() == range.size) break;
    if (!value.empty() && seen.insert(value).second)
      doc.add_value(range[static_cast<Xapian::valueno>(seen.size() - 1)], value);
  }
}

}  // namespace

Xapian::Document BuildDocument(const Release& r, const TermWeights& weights, IndexedWords* words) {
  Xapian::Document doc;
  StemCache& cache = StemCacheFor(r.lang);  // stemming is a measurable share of indexing time

  // Title: under its prefix, and in the body field weighted up. A gap in
  // positions keeps phrases from matching across title and body.
  Xapian::termpos pos = 0;
  AddTokens(doc, r.title, cache, schema::kTitlePrefix, pos, 1);
  pos = 0;
  AddTokens(doc, r.title, cache, "", pos, weights.title, words != nullptr ? &words->title : nullptr);
  pos += 100;
  AddTokens(doc, r.text, cache, "", pos, 1, words != nullptr ? &words->body : nullptr);

  doc.add_boolean_term(schema::IdTerm(r.id));
  doc.add_boolean_term(schema::FileTerm(r.path));

  if (r.date.size() == 10) {
    const std::string ymd = r.date.substr(0, 4) + r.date.substr(5, 2) + r.date.substr(8, 2);
    doc.add_boolean_term(std::string(schema::kYearPrefix) + ymd.substr(0, 4));
    doc.add_boolean_term(std::string(schema::kMonthPrefix) + ymd.substr(0, 6));
    doc.add_boolean_term(std::string(schema::kDayPrefix) + ymd);
    doc.add_value(schema::kDateSlot, ymd);
  }
  doc.add_value(schema::kSortKeySlot, schema::SortKey(r.date, r.id));

  AddField(doc, schema::kLangPrefix, r.lang);
  if (!r.lang.empty()) doc.add_value(schema::kLangSlot, r.lang);
  AddField(doc, schema::kPlacePrefix, r.place);
  if (!r.place.empty()) doc.add_value(schema::kPlaceSlot, r.place);
  AddField(doc, schema::kSourcePrefix, r.source);
  if (!r.source.empty()) doc.add_value(schema::kSourceSlot, r.source);

  std::vector<std::string> org_names;
  for (const Organisation& org : r.orgs) {
    if (org.name.empty()) continue;
    org_names.push_back(org.name);
    AddField(doc, schema::kOrgPrefix, org.name);
    for (const auto& alias : org.aliases) AddField(doc, schema::kOrgPrefix, alias);
  }
  if (!org_names.empty()) doc.add_value(schema::kOrgsSlot, schema::EncodeList(org_names));
  AddSpreadValues(doc, schema::kOrgValueSlots, org_names);
  if (!r.issuer.name.empty()) {
    AddField(doc, schema::kIssuerPrefix, r.issuer.name);
    for (const auto& alias : r.issuer.aliases) AddField(doc, schema::kIssuerPrefix, alias);
    doc.add_value(schema::kIssuerSlot, r.issuer.name);
  }
  for (const auto& topic : r.topics) AddField(doc, schema::kTopicPrefix, topic);
  if (!r.topics.empty()) doc.add_value(schema::kTopicsSlot, schema::EncodeList(r.topics));
  AddSpreadValues(doc, schema::kTopicValueSlots, r.topics);

  schema::DocumentData data;
  data.id = r.id;
  data.path = r.path;
  data.title = r.title;
  data.date = r.date;
  data.date_source = r.date_source;
  data.lang = r.lang;
  data.url = r.url;
  data.place = r.place;
  data.source = r.source;
  data.issuer = r.issuer.name;
  data.orgs = org_names;
  data.topics = r.topics;
  doc.add_value(schema::kTextSlot, r.text);  // not data.text: see schema::kTextSlot
  data.mtime = r.mtime;
  data.size = r.size;
  doc.set_data(schema::EncodeDocumentData(data));
  return doc;
}

}  // namespace pressdex
