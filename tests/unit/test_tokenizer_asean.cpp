// Segmentation of the region's scripts: the exact tokens ICU's dictionaries
// give for a sentence in each language, and the sub-words the indexer adds
// inside long compounds (segment.h). Index and query share ForEachToken, so
// these are also the query's words.
#include <unicode/brkiter.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>
#include <tuple>

#include "common/segment.h"
#include "common/tokenizer.h"

using pressdex::Terms;
using V = std::vector<std::string>;

namespace {

V Subwords(const std::string& term) {
  V parts;
  pressdex::ForEachSubword(term, [&](std::string_view p, unsigned) { parts.emplace_back(p); });
  return parts;
}

using Segments = std::vector<std::pair<std::string, bool>>;

// ForEachSegment's segments of `text` (text, is_word), checked to follow one
// another and to cover the whole text.
Segments CoveringSegments(const std::string& text) {
  Segments segments;
  std::size_t at = 0;
  pressdex::ForEachSegment(text, [&](std::size_t b, std::size_t e, bool is_word) {
    CHECK(b == at);
    at = e;
    segments.emplace_back(text.substr(b, e - b), is_word);
  });
  CHECK(at == text.size());
  return segments;
}

}  // namespace

TEST_CASE("Thai: dictionary words inside an unspaced sentence", "[tokenizer][asean]") {
  CHECK(Terms("กระทรวงสาธารณสุขแถลงข่าวการฉีดวัคซีนโควิด-19 ให้แก่ประชาชนทั่วประเทศ") ==
        V{"กระทรวง", "สาธารณสุข", "แถลง", "ข่าว", "การ", "ฉีด", "วัคซีน", "โค", "วิด", "19", "ให้", "แก่", "ประชาชน", "ทั่ว",
          "ประเทศ"});
}

TEST_CASE("Thai and Lao repetition marks are dropped", "[tokenizer][asean][normalize]") {
  CHECK(Terms("ดีๆ") == V{"ดี"});
  CHECK(Terms("ดี ๆ") == V{"ดี"});
  CHECK(Terms("ไปๆมาๆ") == V{"ไป", "มา"});
  CHECK(Terms("ດີໆ") == Terms("ດີ"));
}

TEST_CASE("the abbreviation mark ฯ ends its word and leaves the term", "[tokenizer][asean][normalize]") {
  // A search for the word finds its abbreviation, typed either way.
  CHECK(Terms("แจ้งว่า กรุงเทพฯ ได้ประชุม") == V{"แจ้ง", "ว่า", "กรุงเทพ", "ได้", "ประชุม"});
  CHECK(Terms("กรุงเทพฯ") == Terms("กรุงเทพ"));
  // Read as a letter, ฯ kept ICU's dictionary from finding the word: นายก|รัฐ|มน|ตรีฯ.
  CHECK(Terms("นายกรัฐมนตรีฯ ได้") == V{"นายก", "รัฐมนตรี", "ได้"});
  CHECK(Terms("มาตรการฯ") == Terms("มาตรการ"));
  CHECK(Terms("ผู้ว่าฯกทม.") == V{"ผู้", "ว่า", "กทม"});
  // The whole compound, so its parts are indexed as without the mark.
  CHECK(Terms("กรุงเทพมหานครฯ") == V{"กรุงเทพมหานคร"});
  // Lao ຯ likewise.
  CHECK(Terms("ນະຄອນຫຼວງວຽງຈັນຯ ໄດ້") == Terms("ນະຄອນຫຼວງວຽງຈັນ ໄດ້"));
  // ฯลฯ ("etc.") is punctuation: no stray ล, no term at all.
  CHECK(Terms("ผัก ผลไม้ฯลฯ และ") == V{"ผัก", "ผล", "ไม้", "และ"});
  CHECK(Terms("ฯลฯ").empty());
  CHECK(Terms("ຯລຯ").empty());
  CHECK(Terms("ฯ").empty());
}

TEST_CASE("a word keeps its ฯ in its segment, as the gold and the abbreviation dot do", "[tokenizer][asean]") {
  CHECK(CoveringSegments("กรุงเทพฯ ฯลฯ") == Segments{{"กรุงเทพฯ", true}, {" ฯลฯ", false}});
  // Tokens point at the word with its mark (the snippet highlights it whole).
  std::vector<std::string> raw;
  pressdex::ForEachToken("ว่ากรุงเทพฯได้", [&](const pressdex::Token& t) { raw.emplace_back(t.raw); });
  CHECK(raw == V{"ว่า", "กรุงเทพฯ", "ได้"});
}

TEST_CASE("a Thai abbreviation glued to the word before it is a word of its own", "[tokenizer][asean]") {
  // ICU read ประชุมครม. as ประ|ชุม|ค|รม: neither "meeting" nor "cabinet" was a term.
  CHECK(Terms("ประชุมครม.สัญจร") == V{"ประชุม", "ครม", "สัญจร"});
  CHECK(Terms("ตามมติครม.วันที่") == V{"ตาม", "มติ", "ครม", "วัน", "ที่"});
  CHECK(Terms("เผยครม.อนุมัติ") == V{"เผย", "ครม", "อนุมัติ"});
  CHECK(Terms("โดยรมว.สาธารณสุข") == V{"โดย", "รมว", "สาธารณสุข"});
  // Written apart, the same terms; a search typed either way finds both.
  CHECK(Terms("ประชุม ครม. สัญจร") == Terms("ประชุมครม.สัญจร"));
  // Already apart, or no vowel-free run before the dot: ICU's reading stands.
  CHECK(Terms("ครม.เห็นชอบ") == V{"ครม", "เห็น", "ชอบ"});
  CHECK(Terms("ได้ประชุม.") == V{"ได้", "ประชุม"});
  CHECK(Terms("ธ.ก.ส.ให้") == V{"ธ", "ก", "ส", "ให้"});
  // Segments still cover the input exactly (the space ICU is shown is not one).
  CHECK(CoveringSegments("ประชุมครม.สัญจร") == Segments{{"ประชุม", true}, {"ครม.", true}, {"สัญจร", true}});
}

TEST_CASE("glued abbreviations: odd dots and runs still segment the whole text", "[tokenizer][asean]") {
  for (const std::string text :
       {".", "ก.", "กก.", "ก.ก.ก.ก.", "ประชุมครม", "ครม.", ".ครม", "ประชุมครม.", "ประชุมครม..", "ข.", "ในกทม.ก.",
        "กกกกกกกกกกกกกก.", "ๆครม.", "ฯครม.", "abcครม.", "ประชุม\xE0\xB8", "\xB8\x84\xE0\xB8\xA3."}) {
    INFO(text);
    for (const auto& segment : CoveringSegments(text)) CHECK(!segment.first.empty());
  }
  CHECK(Terms("ในกทม.") == V{"ใน", "กทม"});
  CHECK(Terms("ตามพ.ร.บ.") == V{"ตาม", "พ", "ร", "บ"});
  // A standalone abbreviation ICU reads as one unknown word stays whole.
  CHECK(Terms("ทั้งนี้ มกอช.") == V{"ทั้งนี้", "มกอช"});
}

TEST_CASE("zero-width spaces split words, joiners and soft hyphens vanish", "[tokenizer][asean][normalize]") {
  // Khmer and Thai web text marks word boundaries with U+200B.
  CHECK(Terms("ក្រសួង\u200bសុខាភិបាល") == V{"ក្រសួង", "សុខាភិបាល"});
  CHECK(Terms("ป่วย\u200bเป็น\u200bไข้") == V{"ป่วย", "เป็น", "ไข้"});
  CHECK(Terms("pre\u00adsident") == V{"president"});
  CHECK(Terms("ASEAN\u200d") == V{"asean"});
}

TEST_CASE("Khmer: ICU keeps the ministry's name whole", "[tokenizer][asean]") {
  CHECK(Terms("ក្រសួងសុខាភិបាល អំពាវនាវឱ្យប្រជាពលរដ្ឋប្រុងប្រយ័ត្នខ្ពស់ចំពោះជំងឺគ្រុនឈាម") ==
        V{"ក្រសួងសុខាភិបាល", "អំពាវនាវ", "ឱ្យ", "ប្រជាពលរដ្ឋ", "ប្រុងប្រយ័ត្ន", "ខ្ពស់", "ចំពោះ", "ជំងឺគ្រុនឈាម"});
}

TEST_CASE("Lao: segmented, ໝ folded to its NFKC form", "[tokenizer][asean]") {
  CHECK(Terms("ກະຊວງສາທາລະນະສຸກ ເປີດຂະບວນການສັກວັກຊີນກັນພະຍາດໝາກແດງ") ==
        V{"ກະຊວງສາທາລະນະສຸກ", "ເປີດ", "ຂະບວນການ", "ສັກ", "ວັກ", "ຊີນ", "ກັນ", "ພະຍາດ", "ຫມາກ", "ແດງ"});
  // Typed as ຫ + ມ the letter still reads as one word, and offsets stay in the input.
  CHECK(Terms("ໝາກແດງ") == Terms("ຫມາກແດງ"));
  const std::string typed = "ພະຍາດຫມາກແດງ";
  std::vector<std::string> raws;
  pressdex::ForEachToken(typed, [&](const pressdex::Token& t) {
    CHECK(typed.substr(t.begin, t.end - t.begin) == t.raw);
    raws.emplace_back(t.raw);
  });
  CHECK(raws == V{"ພະຍາດ", "ຫມາກ", "ແດງ"});
}

TEST_CASE("Burmese: dictionary segmentation", "[tokenizer][asean]") {
  CHECK(Terms("ကျန်းမာရေးဝန်ကြီးဌာနက ကာကွယ်ဆေး ထိုးနှံမှု စတင်သည်") ==
        V{"ကျန်းမာရေး", "ဝန်ကြီးဌာန", "က", "ကာကွယ်ဆေး", "ထိုး", "နှံ", "မှု", "စတင်သည်"});
}

TEST_CASE("Vietnamese: syllables, diacritics folded", "[tokenizer][asean]") {
  CHECK(Terms("Bộ Y tế tiêm vắc-xin COVID-19 đầu tiên tại Hà Nội") ==
        V{"bo", "y", "te", "tiem", "vac", "xin", "covid", "19", "dau", "tien", "tai", "ha", "noi"});
  CHECK(Terms("Việt Nam") == Terms("viet nam"));
  CHECK(Terms("Việt Nam") == Terms("Viet Nam"));
  // Decomposed input (combining marks, as 49 of the UNC news files have) folds the same.
  CHECK(Terms("Vie\u0323\u0302t") == V{"viet"});
  CHECK(pressdex::FoldTokenKeepAccents("Việt") == "việt");
  CHECK(pressdex::FoldTokenKeepAccents("Vie\u0323\u0302t") == "việt");
}

TEST_CASE("Indonesian and Malay: plain words", "[tokenizer][asean]") {
  CHECK(Terms("Kementerian Kesehatan RI menerbitkan protokol kesehatan") ==
        V{"kementerian", "kesehatan", "ri", "menerbitkan", "protokol", "kesehatan"});
}

TEST_CASE("Chinese and Japanese: dictionary words", "[tokenizer][asean]") {
  CHECK(Terms("中华人民共和国卫生部发布新冠疫苗接种通知") ==
        V{"中华", "人民", "共和国", "卫生", "部", "发布", "新冠", "疫苗", "接种", "通知"});
  CHECK(Terms("東京都で新型コロナワクチンの接種") == V{"東京", "都", "で", "新型", "コロナ", "ワクチン", "の", "接種"});
}

TEST_CASE("compounds: the dictionary words they are made of", "[segment][asean]") {
  CHECK(Subwords("ក្រសួងសុខាភិបាល") == V{"ក្រសួង", "សុខាភិបាល"});
  CHECK(Subwords("ກະຊວງສາທາລະນະສຸກ") == V{"ກະຊວງ", "ສາທາລະນະສຸກ"});
  CHECK(Subwords("ប្រជាពលរដ្ឋ") == V{"ប្រជា", "ពលរដ្ឋ"});
  CHECK(Subwords("ဝန်ကြီးဌာန") == V{"ဝန်ကြီး", "ဌာန"});
  CHECK(Subwords("กรุงเทพมหานคร") == V{"กรุงเทพ", "มหานคร"});
  CHECK(Subwords("ทรัพยากรธรรมชาติ") == V{"ทรัพยากร", "ธรรมชาติ"});
  CHECK(pressdex::InDictionary("សុខាភិបាល"));
  CHECK(pressdex::InDictionary("ក្រសួងសុខាភិបាល"));
  CHECK_FALSE(pressdex::InDictionary("ក្រសួងសុខាភិបាលX"));
}

TEST_CASE("compounds: short words stay whole (no false matches)", "[segment][asean]") {
  CHECK(Subwords("អំពាវនាវ").empty());   // appeal, not "អំពាវ" + "នាវ" (ship)
  CHECK(Subwords("สาธารณสุข").empty());  // public health, not + สุข (happiness)
  CHECK(Subwords("ประชาชน").empty());
  CHECK(Subwords("ประสิทธิภาพ").empty());  // efficiency, not + ภาพ (picture)
  CHECK(Subwords("เกี่ยวข้อง").empty());    // related, not เกี่ยว (harvest)
  CHECK(Subwords("ministry").empty());
  CHECK(Subwords("việt").empty());
}

TEST_CASE("Chinese: each character of a word", "[segment][asean]") {
  CHECK(Subwords("共和国") == V{"共", "和", "国"});
  std::vector<unsigned> ordinals;
  pressdex::ForEachSubword("湄公河", [&](std::string_view, unsigned o) { ordinals.push_back(o); });
  CHECK(ordinals == std::vector<unsigned>{0, 1, 2});
  CHECK(Subwords("部").empty());
  CHECK(Subwords("東京") == V{"東", "京"});
  CHECK(Subwords("コロナ").empty());  // kana: no fallback
}

TEST_CASE("Thai glued to Latin letters or digits is cut apart", "[tokenizer][asean]") {
  CHECK(Terms("ใน7วันได้") == V{"ใน", "7", "วัน", "ได้"});
  CHECK(Terms("ตายๆHONDAทำไร") == V{"ตาย", "honda", "ทําไร"});  // NFKC splits ำ into ํ + า
  CHECK(Terms("ราคา3.5บาท") == V{"ราคา", "3.5", "บาท"});
  CHECK(Terms("กทม.มีแผน") == V{"กทม", "มี", "แผน"});
  CHECK(Terms("กทม.") == Terms("กทม"));
  // Latin-only words keep ICU's reading.
  CHECK(Terms("U.S. 3.5 e.g. COVID-19") == V{"us", "3.5", "eg", "covid", "19"});
}

TEST_CASE("segments cover the text, words and gaps alike", "[tokenizer]") {
  const Segments segments = CoveringSegments("ตายๆHONDA ทำไร, ok");
  REQUIRE(segments.size() >= 4);
  CHECK(segments[0] == std::pair<std::string, bool>{"ตาย", true});
  CHECK(segments[1] == std::pair<std::string, bool>{"ๆ", true});
  CHECK(segments[2] == std::pair<std::string, bool>{"HONDA", true});
  CHECK(segments[3] == std::pair<std::string, bool>{" ", false});
}

// ASCII text is segmented without ICU (the fast path of
// common/tokenizer.cpp); ICU's own word break must read it the same way:
// every boundary and whether each segment is a word.
TEST_CASE("ASCII text segments as ICU's word break does", "[tokenizer]") {
  using Segments = std::vector<std::tuple<std::size_t, std::size_t, bool>>;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu_words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  auto icu_segments = [&](const std::string& text) {
    Segments out;
    icu_words->setText(icu::UnicodeString::fromUTF8(text));  // ASCII: UTF-16 offsets are byte offsets
    int32_t start = icu_words->first();
    for (int32_t end = icu_words->next(); end != icu::BreakIterator::DONE; start = end, end = icu_words->next())
      out.emplace_back(start, end, icu_words->getRuleStatus() != UBRK_WORD_NONE);
    return out;
  };
  std::vector<std::string> texts = {"oil prices",     "U.S. 3.5 e.g. COVID-19", "a:b 1,000.50 don't '90s",
                                    "a__b _ __",      "x\r\ny\n\nz\v\f",        "tab\there",
                                    "1.2a a1.b 1a.b", "us@x.com @ a.@b"};
  std::mt19937 random(20261124);
  // Every ASCII character, and the classes the rules care about more often.
  std::string all;
  for (int c = 1; c < 128; ++c) all.push_back(static_cast<char>(c));
  const std::string rich = "aZ09 .',;:_@\"\r\n\t-";
  for (int i = 0; i < 4000; ++i) {
    const std::string& alphabet = i % 2 ? all : rich;
    std::string text(1 + random() % 24, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    texts.push_back(text);
  }
  for (const auto& text : texts) {
    Segments ours;
    pressdex::ForEachSegment(text, [&](std::size_t b, std::size_t e, bool w) { ours.emplace_back(b, e, w); });
    INFO("text: '" << text << "'");
    CHECK(ours == icu_segments(text));
  }
}
