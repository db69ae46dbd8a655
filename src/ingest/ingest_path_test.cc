// IngestPath over files, directories and stdin, and every bad-input case:
// each gets an error naming the file and offset or line, and the other
// inputs of the run are still delivered.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "dyad/ingest.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class IngestPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad_ingest_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& relative, const std::string& bytes) {
    fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  // Runs IngestPath and splits what the sink received.
  Status Run(const std::string& path, IngestOptions options = {}) {
    docs_.clear();
    errors_.clear();
    return IngestPath(path, options, [&](Result<Document> doc) {
      if (doc.ok()) {
        docs_.push_back(std::move(doc).value());
      } else {
        errors_.push_back(doc.status());
      }
    });
  }

  std::vector<std::string> DocIds() const {
    std::vector<std::string> ids;
    for (const Document& doc : docs_) ids.push_back(doc.doc_id);
    return ids;
  }

  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<Status> errors_;
};

constexpr char kStory[] =
    "Talks collapse in Geneva\n\n"
    "Negotiators said on Monday that no progress had been made.\n\n"
    "The talks will resume next month.  ANNA KELLER, GENEVA, AFP\n";

TEST_F(IngestPathTest, WalksDirectoriesRecursivelyInSortedOrder) {
  Write("b.txt", kStory);
  Write("a/z.txt", kStory);
  Write("c.jsonl",
        "{\"id\": \"c1\", \"text\": \"One.\"}\n\n{\"id\": 2, \"text\": "
        "\"Two.\"}\n");
  Write("README.md", "# not an article\n");
  Write(".hidden.txt", kStory);
  Write(".git/x.txt", kStory);
  IngestOptions options;
  options.published = "2023-02-01";
  ASSERT_TRUE(Run(dir_.string(), options).ok());
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(DocIds(), (std::vector<std::string>{"z", "b", "c1", "2"}));
  for (const Document& doc : docs_) EXPECT_EQ(doc.published, "2023-02-01");
  EXPECT_EQ(docs_[0].authors, std::vector<std::string>{"Anna Keller"});
  EXPECT_EQ(docs_[2].line, 1u);
  EXPECT_EQ(docs_[3].line, 3u);  // blank line 2 is skipped but counted
}

TEST_F(IngestPathTest, MissingPathAndBadPublishedAreCallerErrors) {
  EXPECT_EQ(Run((dir_ / "nope.txt").string()).code(), StatusCode::kNotFound);
  Write("a.txt", kStory);
  IngestOptions options;
  options.published = "01/02/2023";
  EXPECT_EQ(Run(dir_.string(), options).code(), StatusCode::kInvalidArgument);
  options.published = "2023-02-30";
  EXPECT_EQ(Run(dir_.string(), options).code(), StatusCode::kInvalidArgument);
}

TEST_F(IngestPathTest, InvalidUtf8NamesFileAndByteOffset) {
  std::string bad = "Headline here\n\nA body paragraph with caf\xE9 in it.\n";
  std::string path = Write("bad.txt", bad);
  Write("good.txt", kStory);
  ASSERT_TRUE(Run(dir_.string()).ok());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].code(), StatusCode::kDataLoss);
  const std::string& message = errors_[0].message();
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("byte " + std::to_string(bad.find('\xE9'))),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
  EXPECT_NE(message.find("invalid UTF-8"), std::string::npos) << message;
  EXPECT_EQ(DocIds(), std::vector<std::string>{"good"});
}

TEST_F(IngestPathTest, OverlongAndSurrogateUtf8AreInvalid) {
  for (std::string bad :
       {std::string("x\xC0\xAF"), std::string("x\xED\xA0\x80"),
        std::string("x\xF4\x90\x80\x80"), std::string("x\xE2\x82")}) {
    Result<Document> doc = ParseWireStory(bad, "t.txt", {});
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.status().message().find("byte 1 "), std::string::npos)
        << doc.status().message();
  }
}

TEST_F(IngestPathTest, BinaryFileIsRefused) {
  std::string binary = std::string(
      "\x7F"
      "ELF\x02\x01\x01\x00\x00",
      9);
  std::string path = Write("program.txt", binary);
  Write("good.txt", kStory);
  ASSERT_TRUE(Run(dir_.string()).ok());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].code(), StatusCode::kDataLoss);
  EXPECT_NE(errors_[0].message().find(path + ": byte 7"), std::string::npos)
      << errors_[0].message();
  EXPECT_NE(errors_[0].message().find("binary"), std::string::npos);
  EXPECT_EQ(docs_.size(), 1u);
}

TEST_F(IngestPathTest, Utf16IsNamedAsSuch) {
  std::string path = Write("wide.txt", std::string("\xFF\xFEH\0i\0", 6));
  ASSERT_TRUE(Run(path).ok());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].message().find("UTF-16"), std::string::npos);
}

TEST_F(IngestPathTest, EmptyAndBlankFilesAreErrors) {
  std::string empty = Write("empty.txt", "");
  std::string blank = Write("blank.txt", " \n\r\n\t\n");
  Write("good.txt", kStory);
  ASSERT_TRUE(Run(dir_.string()).ok());
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_EQ(errors_[0].code(), StatusCode::kParseError);
  EXPECT_NE(errors_[0].message().find(blank + ": empty input"),
            std::string::npos);
  EXPECT_NE(errors_[1].message().find(empty + ": empty input"),
            std::string::npos);
  EXPECT_EQ(docs_.size(), 1u);
}

TEST_F(IngestPathTest, FiftyMegabyteLineIsRefusedQuickly) {
  std::string huge(50u << 20, 'a');
  std::string story_path = Write("huge.txt", huge);
  Write("huge.jsonl",
        "{\"id\": \"before\", \"text\": \"One.\"}\n{\"text\": \"" + huge +
            "\"}\n{\"id\": \"after\", \"text\": \"Two.\"}\n");
  Write("good.txt", kStory);  // sorted first: "good" < "huge"
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(Run(dir_.string()).ok());
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_LT(seconds, 10.0);
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_EQ(errors_[0].code(), StatusCode::kInvalidArgument);
  // Sorted order: huge.jsonl, huge.txt, good.txt.
  EXPECT_NE(errors_[0].message().find("huge.jsonl:2: line is 52428812 bytes"),
            std::string::npos)
      << errors_[0].message();
  EXPECT_NE(errors_[1].message().find(story_path + ": input is 52428800 bytes"),
            std::string::npos)
      << errors_[1].message();
  EXPECT_EQ(DocIds(), (std::vector<std::string>{"good", "before", "after"}));
}

TEST_F(IngestPathTest, MalformedJsonlLineNamesTheLine) {
  std::string path = Write("feed.jsonl",
                           "{\"id\": \"a\", \"text\": \"One.\"}\n"
                           "{\"id\": \"b\", \"text\": \"Two.\"\n"
                           "{\"id\": \"c\", \"text\": \"Three.\"}\r\n"
                           "[1, 2]\n"
                           "{\"id\": \"e\"}\n"
                           "{\"id\": \"f\", \"text\": \"caf\xE9\"}\n");
  ASSERT_TRUE(Run(path).ok());
  ASSERT_EQ(errors_.size(), 4u);
  EXPECT_EQ(errors_[0].code(), StatusCode::kParseError);
  EXPECT_NE(errors_[0].message().find(path + ":2: malformed JSON"),
            std::string::npos)
      << errors_[0].message();
  EXPECT_NE(errors_[1].message().find(path + ":4: expected a JSON object"),
            std::string::npos);
  EXPECT_NE(errors_[2].message().find(path + ":5: no \"text\""),
            std::string::npos);
  EXPECT_NE(errors_[3].message().find(path + ":6: byte 24 of the line"),
            std::string::npos)
      << errors_[3].message();
  EXPECT_EQ(DocIds(), (std::vector<std::string>{"a", "c"}));
}

TEST_F(IngestPathTest, SniffsFormatWithoutExtension) {
  std::string jsonl = Write("feed", "{\"id\": \"x\", \"text\": \"One.\"}\n");
  ASSERT_TRUE(Run(jsonl).ok());
  EXPECT_EQ(DocIds(), std::vector<std::string>{"x"});
  std::string story = Write("story", kStory);
  ASSERT_TRUE(Run(story).ok());
  EXPECT_EQ(DocIds(), std::vector<std::string>{"story"});
  EXPECT_EQ(docs_[0].headline, "Talks collapse in Geneva");
}

TEST_F(IngestPathTest, HtmlByExtensionAndBySniffing) {
  const std::string page =
      "<!doctype html><html><head><title>Rally</title></head><body>"
      "<nav><p>Home and other links of the site</p></nav>"
      "<p>Thousands marched in the capital on Sunday.</p></body></html>";
  Write("page.html", page);
  Write("sub/page_copy.htm", page);
  ASSERT_TRUE(Run(dir_.string()).ok());
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(DocIds(), (std::vector<std::string>{"page", "page_copy"}));
  EXPECT_EQ(docs_[0].headline, "Rally");
  EXPECT_EQ(docs_[0].text,
            "Rally\n\nThousands marched in the capital on Sunday.");
  std::string sniffed = Write("saved_page", page);
  ASSERT_TRUE(Run(sniffed).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].headline, "Rally");
}

TEST_F(IngestPathTest, JsonArrayFile) {
  std::string path = Write("feed.json",
                           "[{\"id\": \"x\", \"text\": \"One.\"},\n"
                           " {\"id\": \"y\", \"text\": \"Two.\"}, 3]");
  ASSERT_TRUE(Run(path).ok());
  EXPECT_EQ(DocIds(), (std::vector<std::string>{"x", "y"}));
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].message().find(path + ": element 3"), std::string::npos);
}

TEST_F(IngestPathTest, ReadsStandardInput) {
  std::string path = Write("in.txt", kStory);
  int saved = ::dup(0);
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::dup2(fd, 0);
  ::close(fd);
  Status status = Run("-");
  ::dup2(saved, 0);
  ::close(saved);
  std::clearerr(stdin);
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].doc_id, "stdin");
  EXPECT_EQ(docs_[0].source, "-");
  EXPECT_EQ(docs_[0].text, kStory);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// The demo corpus of the README: every story must come out with all of its
// article fields, or the demo silently codes bylines and footers as text.
TEST(ExamplesTest, EveryExampleStoryHasEveryField) {
  std::vector<Document> docs;
  IngestOptions options;
  options.published = "2023-02-01";
  Status status = IngestPath(std::string(DYAD_SOURCE_DIR) + "/examples",
                             options, [&](Result<Document> doc) {
                               ASSERT_TRUE(doc.ok()) << doc.status().ToString();
                               docs.push_back(std::move(doc).value());
                             });
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_GE(docs.size(), 4u);
  for (const Document& doc : docs) {
    SCOPED_TRACE(doc.doc_id);
    EXPECT_FALSE(doc.section.empty());
    EXPECT_FALSE(doc.headline.empty());
    EXPECT_FALSE(doc.caption.empty());
    EXPECT_FALSE(doc.authors.empty());
    EXPECT_FALSE(doc.dateline.empty());
    EXPECT_EQ(doc.agency, "DNS");
    EXPECT_FALSE(doc.categories.empty());
    int body = 0;
    for (const Part& part : doc.parts) {
      if (part.kind != PartKind::kBody) continue;
      ++body;
      std::string_view s = doc.Slice(part.span);
      EXPECT_EQ(s.find("WIRE/DNS"), std::string_view::npos);
      EXPECT_TRUE(s.ends_with(".") || s.ends_with("\xE2\x80\x9D")) << s;
    }
    EXPECT_GE(body, 6);
    EXPECT_LE(body, 12);
  }
}

}  // namespace
}  // namespace dyad
