#include "common/extract/org_names.h"

#include <string_view>
#include <unordered_set>

namespace pressdex {

using extract::Word;

namespace {

const std::unordered_set<std::string_view>& HeadWords() {
  static const std::unordered_set<std::string_view> heads = {
      "secretariat", "ministry",     "department",   "agency",      "community",    "council",    "committee",
      "commission",  "organisation", "organization", "association", "bank",         "fund",       "authority",
      "office",      "university",   "institute",    "institution", "corporation",  "corp",       "group",
      "inc",         "ltd",          "llc",          "plc",         "co",           "company",    "companies",
      "foundation",  "federation",   "union",        "board",       "bureau",       "service",    "centre",
      "center",      "court",        "parliament",   "assembly",    "party",        "programme",  "administration",
      "academy",     "college",      "society",      "trust",       "police",       "reserve",    "exchange",
      "cooperative", "alliance",     "network",      "forum",       "secretariats", "ministries", "banks",
      "industries",  "holdings",     "airlines",     "airways",     "partners",     "bancorp",    "bancshares",
      "railway",     "railways",     "tribunal",     "directorate", "institutes",   "laboratory", "laboratories",
      "hospital",    "clinic",       "library",      "corps",       "guard"};
  return heads;
}

// Heads that take "of"/"for" and a name after them: "Ministry of Health".
const std::unordered_set<std::string_view>& HeadsWithComplement() {
  static const std::unordered_set<std::string_view> heads = {
      "ministry",     "department",  "agency",      "council",     "committee",      "commission", "organisation",
      "organization", "association", "bank",        "fund",        "authority",      "office",     "university",
      "institute",    "federation",  "union",       "board",       "bureau",         "court",      "academy",
      "college",      "society",     "secretariat", "directorate", "administration", "centre",     "center",
      "foundation",   "institutes",  "library",     "corps"};
  return heads;
}

// Titles and roles: a chain of names stops at them ("Bank of Japan Governor").
bool IsTitleWord(std::string_view key) {
  static const std::unordered_set<std::string_view> titles = {"minister",
                                                              "president",
                                                              "secretary",
                                                              "secretary-general",
                                                              "director",
                                                              "director-general",
                                                              "chairman",
                                                              "chairwoman",
                                                              "chair",
                                                              "ambassador",
                                                              "deputy",
                                                              "governor",
                                                              "spokesman",
                                                              "spokeswoman",
                                                              "spokesperson",
                                                              "head",
                                                              "chief",
                                                              "officer",
                                                              "mr",
                                                              "mrs",
                                                              "ms",
                                                              "dr",
                                                              "prime",
                                                              "king",
                                                              "queen",
                                                              "general",
                                                              "vice",
                                                              "senator",
                                                              "representative",
                                                              "commissioner",
                                                              "executive",
                                                              "said",
                                                              "says",
                                                              "told",
                                                              "analyst",
                                                              "analysts",
                                                              "economist",
                                                              "economists",
                                                              "officials",
                                                              "official",
                                                              "member",
                                                              "members",
                                                              "states",
                                                              "state",
                                                              "his",
                                                              "her",
                                                              "h.e",
                                                              "he",
                                                              "excellency",
                                                              "ceo",
                                                              "cfo",
                                                              "chancellor",
                                                              "professor",
                                                              "prof",
                                                              "judge",
                                                              "attorney"};
  return titles.count(key) != 0;
}

// Function words that start sentences but never names.
bool IsLeadingStopword(std::string_view key) {
  static const std::unordered_set<std::string_view> stop = {
      "the",   "a",      "an",      "this",    "that",  "these",  "those",     "its",       "his",       "her",
      "their", "our",    "my",      "your",    "in",    "on",     "at",        "for",       "by",        "with",
      "from",  "and",    "but",     "or",      "as",    "to",     "of",        "under",     "meanwhile", "however",
      "also",  "both",   "all",     "each",    "every", "former", "yesterday", "today",     "when",      "while",
      "after", "before", "since",   "during",  "if",    "said",   "says",      "according", "both",      "new",
      "said",  "last",   "next",    "other",   "some",  "many",   "most",      "several",   "two",       "three",
      "one",   "about",  "through", "between", "among", "via",    "into",      "whether",   "although"};
  return stop.count(key) != 0;
}

// "Call Center", "Data Center", "(One) Stop Service": a common noun before
// the head makes a thing, not an organisation, when nothing else names it
// (thaigov: "Call Center" was its fourth organisation, in 194 releases).
bool IsGenericModifier(std::string_view key) {
  static const std::unordered_set<std::string_view> generic = {"call", "contact", "customer", "data", "digital",
                                                               "help", "service", "shopping", "stop"};
  return generic.count(key) != 0;
}

// "the Committee on Monday", "the Council in March": a day or month after
// "on"/"in" dates the sentence; it names no part of the organisation.
bool IsCalendarWord(std::string_view key) {
  static const std::unordered_set<std::string_view> calendar = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",  "sunday",  "january",  "february", "march",
      "april",  "may",     "june",      "july",     "august", "september", "october", "november", "december"};
  return calendar.count(key) != 0;
}

bool IsInnerConnector(std::string_view key) { return key == "and" || key == "&" || key == "of" || key == "for"; }

// "ASEANThe": a heading glued to the next sentence by a scraper, not a name.
bool GluedCapitals(std::string_view raw) {
  int run = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= 'A' && c <= 'Z') {
      ++run;
      continue;
    }
    if (c >= 'a' && c <= 'z' && run >= 3) return true;
    run = 0;
  }
  return false;
}

bool Capitalised(const Word& w) { return (w.initial_upper || w.all_caps) && !w.raw.empty() && !GluedCapitals(w.raw); }

// "…Foreign Affairs and Standard Oil Co": the capitalised run after "and"
// ends in a head word of its own, so it is another organisation.
bool NamesItsOwnHead(const std::vector<Word>& words, std::size_t from) {
  for (std::size_t k = from; k < words.size() && k < from + 6 && Capitalised(words[k]); ++k) {
    if (HeadWords().count(words[k].key) != 0) return true;
    if (words[k].break_after) break;
  }
  return false;
}

// Whether the capitalised words from `from` (no connectors, titles,
// possessives or breaks between them) reach a head word within a few words
// that does not name a unit of its own by a complement ("NOAA Office of Law
// Enforcement" stays two names: the agency and its office).
bool EndsInLaterHead(const std::vector<Word>& words, std::size_t from) {
  constexpr std::size_t kWindow = 4;
  for (std::size_t k = from; k < words.size() && k < from + kWindow; ++k) {
    const Word& w = words[k];
    if (!Capitalised(w) || w.in_caps_line || IsTitleWord(w.key) || IsCalendarWord(w.key)) return false;
    if (HeadWords().count(w.key) != 0) {
      const bool complement = HeadsWithComplement().count(w.key) != 0 && !w.break_after && k + 1 < words.size() &&
                              (words[k + 1].key == "of" || words[k + 1].key == "for" || words[k + 1].key == "on");
      return !complement;
    }
    if (w.break_after || w.possessive) return false;
  }
  return false;
}

}  // namespace

std::vector<NameSpan> FindOrganisationNames(const std::vector<Word>& words) {
  // Words the text capitalises mid-sentence: proper names, not sentence starts.
  std::unordered_set<std::string_view> midsentence;
  for (const Word& w : words) {
    if (w.initial_upper && !w.sentence_start && !w.in_title_run) midsentence.insert(w.key);
  }

  std::vector<NameSpan> spans;
  std::size_t next_free = 0;  // spans do not overlap
  for (std::size_t h = 0; h < words.size(); ++h) {
    const Word& head = words[h];
    // Headlines in capitals or title case capitalise every word: no name can
    // be told from the words around it there (the body names it again).
    if (!Capitalised(head) || head.in_caps_line || head.in_title_run || HeadWords().count(head.key) == 0) continue;
    // "Coast Guard Investigative Service", "Abbott Laboratories Inc": a
    // name goes on to a later head; that head's name takes this one in.
    if (!head.break_after && !head.possessive && EndsInLaterHead(words, h + 1)) continue;

    // Capitalised words before the head, with "and"/"&"/"of" between them.
    std::size_t first = h;
    while (first > next_free && h - first < 6) {
      const Word& prev = words[first - 1];
      if (prev.break_after || IsTitleWord(prev.key)) break;
      if (Capitalised(prev)) {
        // "New" starts a name ("New Hampshire Supreme Court") where the text
        // capitalises it mid-sentence; at a sentence's start alone it may be the adjective.
        const bool name_part = prev.key == "new" && (!prev.sentence_start || midsentence.count(prev.key) != 0);
        if (IsLeadingStopword(prev.key) && prev.initial_upper && !prev.all_caps && !name_part) break;
        --first;
        continue;
      }
      // A connector needs a capitalised word before it.
      if (IsInnerConnector(prev.key) && first - 1 > next_free && Capitalised(words[first - 2]) &&
          !words[first - 2].break_after && !IsTitleWord(words[first - 2].key)) {
        first -= 2;
        continue;
      }
      break;
    }
    // Connectors and title words do not start a name.
    while (first < h && (IsInnerConnector(words[first].key) || IsTitleWord(words[first].key))) ++first;
    // A sentence's first word is taken only when the text capitalises it elsewhere too.
    if (first < h && words[first].sentence_start && !words[first].all_caps &&
        midsentence.count(words[first].key) == 0) {
      ++first;
    }

    // "of Health", "for Economic Co-operation and Development".
    std::size_t last = h;
    if (HeadsWithComplement().count(head.key) != 0 && !head.break_after && h + 2 < words.size() &&
        (words[h + 1].key == "of" || words[h + 1].key == "for" || words[h + 1].key == "on") &&
        Capitalised(words[h + 2]) && !IsTitleWord(words[h + 2].key) && !IsCalendarWord(words[h + 2].key)) {
      std::size_t k = h + 2;
      last = k;
      while (k + 1 < words.size() && !words[k].break_after && k - h < 8) {
        const Word& nx = words[k + 1];
        if (Capitalised(nx) && !IsTitleWord(nx.key) && !nx.in_caps_line) {
          last = ++k;
          continue;
        }
        if ((nx.key == "and" || nx.key == "&" || nx.key == "of" || nx.key == "the") && !nx.break_after &&
            k + 2 < words.size() && Capitalised(words[k + 2]) && !IsTitleWord(words[k + 2].key) &&
            !((nx.key == "and" || nx.key == "&") && NamesItsOwnHead(words, k + 2))) {
          k += 2;
          last = k;
          continue;
        }
        break;
      }
    }
    if (last == h && first == h) continue;  // a head word alone is no name
    if (last == h && first + 1 == h && IsGenericModifier(words[first].key)) continue;
    spans.push_back(NameSpan{first, last - first + 1});
    next_free = last + 1;
    h = last;
  }
  return spans;
}

}  // namespace pressdex
