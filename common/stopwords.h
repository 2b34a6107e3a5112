// Query stopwords: function words that carry no topic, dropped from free-text
// queries (never from the index, so phrases with them still match). They
// matter most for long natural-language queries, where "what", "which" or
// "about" would otherwise score like content words in collections that
// rarely use them. Lists are of folded, unstemmed words: QueryParser asks the
// stopper before stemming. Effect measured in docs/relevance.md.
#pragma once

#include <xapian.h>

#include <string_view>

namespace pressdex {

// The stopper for a language code ("en"), or nullptr when Pressdex has no
// list for it. The object lives for the whole program.
const Xapian::Stopper* QueryStopperFor(std::string_view lang);

}  // namespace pressdex
