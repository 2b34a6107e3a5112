#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/extract/boilerplate.h"
#include "common/extract/clean_text.h"

using pressdex::CleanLines;
using pressdex::JoinLines;

namespace {

// Whether a line survived cleaning, whole.
struct Cleaned {
  std::vector<std::string> lines;
  bool operator()(const std::string& line) const { return std::find(lines.begin(), lines.end(), line) != lines.end(); }
};

}  // namespace

TEST_CASE("clean: menus, see more, share links, captions and site footers go", "[extract][clean]") {
  const std::string raw =
      "Headline of the story\n"
      "Home | News | Health | Sport\n"
      "The story's first paragraph says what happened, where and when it did.\n"
      "Share\n"
      "A second paragraph adds detail.\n"
      "In Bangkok, Thailand (Photo: Xinhua)\n"
      "Read more: another story on the site\n"
      "- ABOUT USThe organisation was founded in 1967.Menu\n"
      "- WHAT WE DO\n"
      "A blurb about what the site's owner does.\n"
      "Menu - SITEMAP\n"
      "See more\n";
  const std::string text = JoinLines(CleanLines(raw, {}, false));
  CHECK(text.find("first paragraph") != std::string::npos);
  CHECK(text.find("second paragraph") != std::string::npos);
  CHECK(text.find("Share") == std::string::npos);
  CHECK(text.find("Photo") == std::string::npos);
  CHECK(text.find("Read more") == std::string::npos);
  CHECK(text.find("Menu") == std::string::npos);
  CHECK(text.find("WHAT WE DO") == std::string::npos);
  CHECK(text.find("blurb") == std::string::npos);
  CHECK(text.find("See more") == std::string::npos);
  CHECK(text.find("Home | News") == std::string::npos);
}

TEST_CASE("clean: a long Thai sentence naming a web site is content, not a link line", "[extract][clean]") {
  // Thai runs words together: counted by spaces this 60-word sentence was a
  // "few words and a URL" line, and dropped.
  const std::string sentence =
      "ตามที่ ครม.มีการอนุมัติมาตรการเยียวยาและดูแลผู้ที่ได้รับผลกระทบจากการระบาดระลอกใหม่ของโควิด-19 "
      "โดยผู้ที่ไม่มีบัตรสวัสดิการแห่งรัฐ ต้องลงทะเบียนเพื่อรับสิทธิผ่านเว็บไซต์ www.เราชนะ.com";
  const std::string raw = "หัวข้อข่าว\n" + sentence + "\nที่มา : https://www.thaigov.go.th/news/contents/details/39309\n";
  const auto lines = CleanLines(raw, {}, false);
  CHECK(std::find(lines.begin(), lines.end(), sentence) != lines.end());
  CHECK(JoinLines(lines).find("thaigov") == std::string::npos);  // the source link still goes
  // A short Thai line with a link is still one.
  CHECK(JoinLines(CleanLines("หัวข้อข่าว\nเนื้อหาข่าวที่ยาวพอสมควรสำหรับการทดสอบ\nดูเพิ่มเติม www.example.com\n", {}, false))
            .find("example") == std::string::npos);
}

TEST_CASE("clean: a stray dot between paragraphs does not make the rest a footer", "[extract][clean]") {
  const std::string last =
      "มาตรการยกเว้นค่าผ่านทางในช่วงวันหยุดยาวนี้ มีวัตถุประสงค์เพื่อลดปัญหาการจราจรบริเวณหน้าด่านเก็บค่าผ่านทาง "
      "เนื่องจากประชาชนมักเดินทางกลับภูมิลำเนาและท่องเที่ยวในช่วงวันหยุดยาวเป็นจำนวนมาก";
  // The story before the dot outweighs what follows it twice over, as a
  // footer's would.
  const std::string first =
      "ข่าวดี! ครม. เห็นชอบยกเว้นค่าผ่านทางพิเศษในช่วงวันหยุดยาว ระหว่างวันที่ 19-22 พฤศจิกายน 2563 "
      "เพื่ออำนวยความสะดวกให้แก่ประชาชนที่เดินทางในช่วงวันหยุดยาว และลดปัญหาการจราจรติดขัดบริเวณด่านเก็บเงิน "
      "ซึ่งจะช่วยลดภาระค่าใช้จ่ายในการเดินทางของประชาชน และกระตุ้นการท่องเที่ยวภายในประเทศ ";
  const std::string raw = "เฮ! ขึ้นทางด่วนฟรี ช่วงหยุดยาว\n--\n" + first + first + first + "\n.\n" + last +
                          "\n\nที่มา : https://www.thaigov.go.th/news/contents/details/36694\n";
  const auto lines = CleanLines(raw, {}, false);
  CHECK(std::find(lines.begin(), lines.end(), last) != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), ".") == lines.end());
  // A rule of several marks before a sign-off still starts a footer.
  const std::string signed_off = "Story headline\n" + std::string(400, 'x') + " ends here.\n-----\nPress office\n" +
                                 "Source: https://example.org/news/1\n";
  CHECK(JoinLines(CleanLines(signed_off, {}, false)).find("Press office") == std::string::npos);
}

TEST_CASE("clean: paragraphs under short capitalised headings at the end are no footer", "[extract][clean]") {
  // DOJ's table of victims, flattened to lines: a name, then what was done.
  std::string raw = "Five charged with hacking\n\n";
  for (int i = 0; i < 6; ++i) {
    raw += "The indictment describes how the defendants planned the intrusions over several years, paragraph " +
           std::to_string(i) + " of the story, with names, dates and the companies involved in each step.\n\n";
  }
  const std::string alcoa =
      "About three weeks after Alcoa announced a partnership with a Chinese state-owned enterprise, Sun sent a "
      "spearphishing e-mail to Alcoa employees.";
  raw += "Wang and Sun\n\nU.S. Steel\n\nIn 2010, U.S. Steel was participating in trade cases.\n\nSun\n\nAlcoa\n\n" +
         alcoa + "\n\nRelated Materials:\n\nIndictment\n";
  const auto lines = CleanLines(raw, {}, false);
  CHECK(std::find(lines.begin(), lines.end(), alcoa) != lines.end());
  // The short lines themselves still go, as menus do.
  CHECK(std::find(lines.begin(), lines.end(), "Alcoa") == lines.end());
}

TEST_CASE("clean: related stories listed at the end go, a release's own attachments stay", "[extract][clean]") {
  const std::string story =
      "Kerajaan akan meneruskan program bantuan tunai kepada isi rumah berpendapatan rendah tahun depan, kata "
      "menteri kewangan dalam satu kenyataan hari ini.";
  const std::string related = "Harga minyak naik lagi minggu ini";
  const auto cleaned = CleanLines("Bantuan tunai diteruskan\n\n" + story + "\n\nBerita berkaitan:\n• " + related +
                                      "\n• Cuti sekolah dipanjangkan\n",
                                  {}, false);
  CHECK(std::find(cleaned.begin(), cleaned.end(), story) != cleaned.end());
  CHECK(JoinLines(cleaned).find("minyak") == std::string::npos);
  CHECK(JoinLines(cleaned).find("berkaitan") == std::string::npos);
  // A paragraph after the heading: the heading was not the page's last block.
  const std::string more =
      "The minister also said that the programme would be reviewed in the middle of the year, once the first "
      "payments had reached the households that applied before the deadline.";
  CHECK(JoinLines(CleanLines("Headline\n\n" + story + "\n\nRelated\n" + related + "\n\n" + more + "\n", {}, false))
            .find("reviewed") != std::string::npos);
  // DOJ lists the release's own documents under "Related Materials:".
  CHECK(JoinLines(
            CleanLines("Headline\n\n" + story + "\n\nRelated Materials:\n\nConsent Decree and Complaint\n", {}, false))
            .find("Consent Decree") != std::string::npos);
}

TEST_CASE("clean: font-size controls go, even as the first line", "[extract][clean]") {
  // Scraped Malaysian pages (Sinar Harian, Utusan) open with the control.
  const std::string raw =
      "A- A+ (Ubah saiz teks)\n\n"
      "KUALA LUMPUR - Cuti persekolahan tidak boleh diseragamkan.\n"
      "A+ A-\n"
      "Text size: A- A A+\n"
      "The grade was A+ and the ministry said the calendar follows the law.\n";
  CHECK(JoinLines(CleanLines(raw, {}, false)) ==
        "KUALA LUMPUR - Cuti persekolahan tidak boleh diseragamkan.\n"
        "The grade was A+ and the ministry said the calendar follows the law.");
  // A headline that is a grade is no control.
  CHECK(JoinLines(CleanLines("A+\n\nStudents did well.\n", {}, false)) == "A+\n\nStudents did well.");
}

TEST_CASE("clean: repeated lines kept once, paragraphs kept, learned boilerplate dropped", "[extract][clean]") {
  const auto lines = CleanLines("Title here of the release\n\nPara one is here.\n\n\nPara one is here.\nFooter line\n",
                                {"Footer line"}, false);
  CHECK(JoinLines(lines) == "Title here of the release\n\nPara one is here.");
}

TEST_CASE("clean: markup headings survive, the headline's repeats do not", "[extract][clean]") {
  auto lines = CleanLines("Background\nThe text of the story goes here.", {}, true);
  CHECK(JoinLines(lines) == "Background\nThe text of the story goes here.");
  lines = {"ASEAN holds first partnership conference",
           "ASEAN holds first partnership conference ảnh 1In Bangkok (Photo: Xinhua)", "Body."};
  pressdex::DropTitleRepeats(&lines, "ASEAN holds first partnership conference");
  CHECK(JoinLines(lines) == "Body.");
}

TEST_CASE("boilerplate: copies of one story are not chrome to each other", "[extract][clean]") {
  const std::string para1 =
      "MANILA, 12 March 2024 - The Regional Fisheries Council announced a programme to restore mangrove forests.";
  const std::string para2 = "The programme will plant seedlings on degraded coastline and train local communities.";
  std::vector<std::string> copies;
  for (const char* outlet : {"Coastal Times", "Island Daily", "Reef Report"})
    copies.push_back(std::string(outlet) + "\nCouncil launches mangrove programme\n" + para1 + "\n" + para2 + "\n(c) " +
                     outlet);
  // Three outlets' copies alone in a folder: nothing of the story goes.
  CHECK(pressdex::LearnBoilerplate({copies[0], copies[1], copies[2]}).empty());
  // Beside a site's own pages, the site's menu is still chrome and the copies' story is not.
  std::vector<std::string> pages;
  for (const char* story : {"Tuna quotas set for the coming season after long talks between the member states.",
                            "A new patrol vessel joins the fleet to watch over the protected reefs of the region.",
                            "Fishers in three provinces receive training on safer engines and cleaner nets today.",
                            "The council publishes its yearly report on fish stocks, catches and prices at port."})
    pages.push_back(std::string("Home | News | About\n") + story + "\nSubscribe to our newsletter");
  std::vector<std::string_view> folder(pages.begin(), pages.end());
  folder.insert(folder.end(), copies.begin(), copies.end());
  CHECK(pressdex::LearnBoilerplate(folder) ==
        std::vector<std::string>{"Home | News | About", "Subscribe to our newsletter"});
}

TEST_CASE("boilerplate: lines in at least half of a folder's files, deterministic", "[extract][clean]") {
  const std::vector<std::string_view> a = {"Menu\nstory one\nFooter", "Menu\nstory two\nFooter",
                                           "Menu\nstory three\nFooter", "other\nstory four"};
  const std::vector<std::string_view> b = {a[3], a[2], a[1], a[0]};
  const auto learned = pressdex::LearnBoilerplate(a);
  CHECK(learned == std::vector<std::string>{"Footer", "Menu"});
  CHECK(pressdex::LearnBoilerplate(b) == learned);
  CHECK(pressdex::LearnBoilerplate({a[0], a[1]}).empty());
  // A date shared by a day's stories is kept: it dates them.
  CHECK(pressdex::LearnBoilerplate({"30 September 2020\na", "30 September 2020\nb", "30 September 2020\nc"}).empty());
}

TEST_CASE("clean: a short capitalised line inside the story is a subheading, in a run a menu", "[extract][clean]") {
  const std::string raw =
      "Senator backs the farm bill\n"
      "The senator said the bill would help growers across the state this season.\n"
      "\n"
      "Background\n"
      "\n"
      "The bill passed the committee last week after months of negotiation.\n"
      "Jane Doe\n"
      "The committee chair thanked members for their work on the measure.\n"
      "Home\n"
      "About Us\n"
      "Our Work\n"
      "The final paragraph of the story closes it with a quote from the chair.\n"
      "Press Contact\n";
  const Cleaned has(CleanLines(raw, {}, false));
  CHECK(has("Background"));  // story on both sides
  CHECK(has("Jane Doe"));
  CHECK_FALSE(has("About Us"));  // three in a row: a menu
  CHECK_FALSE(has("Home"));
  CHECK_FALSE(has("Our Work"));
  CHECK_FALSE(has("Press Contact"));  // nothing after it
  CHECK(has("The final paragraph of the story closes it with a quote from the chair."));
}

TEST_CASE("clean: blurbs under a menu's entries are footer, even when they outweigh a short story",
          "[extract][clean]") {
  const std::string story = "The minister opened the new clinic in the provincial capital on Monday morning.";
  const std::string blurb =
      "Our organisation works with partners across the region on health, education and the environment, "
      "and has done so for more than fifty years through offices in every member state.";
  const std::string raw = "Clinic opens\n" + story + "\n- ABOUT USWe were founded in 1967.Menu\n- WHAT WE DO\n" +
                          blurb + "\nMenu - OUR PARTNERS\n" + blurb + " Partners too.\nMenu - SITEMAP\n";
  const std::string text = JoinLines(CleanLines(raw, {}, false));
  CHECK(text.find(story) != std::string::npos);
  CHECK(text.find("Our organisation") == std::string::npos);
  CHECK(text.find("founded in 1967") == std::string::npos);
  // A paragraph after a share button is still story.
  const std::string shared = "Clinic opens\n" + story + "\nShare\n" + blurb + "\nPrint\n" + blurb + " More.\n";
  CHECK(JoinLines(CleanLines(shared, {}, false)).find("Our organisation") != std::string::npos);
}

TEST_CASE("clean: a bulleted list in sentence case stays, a bulleted menu in title case goes", "[extract][clean]") {
  const std::string raw =
      "Grants announced for local water projects\n"
      "The senator announced grants for water projects in the following cities this week.\n"
      "- City of Oakland\n"
      "- City of Berkeley\n"
      "- Apply science-based standards\n"
      "The grants will be paid out over the next two years by the federal agency.\n"
      "- Our Programs\n"
      "- Press Releases\n"
      "- Photo Gallery\n";
  const Cleaned has(CleanLines(raw, {}, false));
  CHECK(has("- City of Oakland"));
  CHECK(has("- City of Berkeley"));
  CHECK(has("- Apply science-based standards"));
  CHECK_FALSE(has("- Our Programs"));
  CHECK_FALSE(has("- Press Releases"));
  CHECK_FALSE(has("- Photo Gallery"));
}
