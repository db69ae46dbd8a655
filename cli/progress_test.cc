#include "progress.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

// A clock the test moves by hand.
struct FakeClock {
  double now = 100;
  Progress::Clock clock() {
    return [this] { return now; };
  }
};

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos;
       at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

TEST(Progress, LineShowsCountShareRateAndTimeLeft) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(&out, 200, time.clock());
  time.now += 10;
  progress.Update(50);
  EXPECT_EQ(progress.Line(),
            "50 of 200 articles (25%), 5.0 articles/s, 30s left");
  time.now += 50;
  progress.Update(200);
  EXPECT_EQ(progress.Line(),
            "200 of 200 articles (100%), 3.3 articles/s, 0s left");
}

TEST(Progress, RedrawsAtMostOncePerInterval) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(&out, 1000, time.clock(), 0.25);
  progress.Update(1);  // the first update always draws
  for (int i = 2; i <= 100; ++i) {
    time.now += 0.01;  // 100 updates a second
    progress.Update(i);
  }
  // 0.99 s after the first drawing: at most 4 more drawings.
  size_t drawn = Count(out.str(), "\r");
  EXPECT_GE(drawn, 4u);
  EXPECT_LE(drawn, 5u);
  // Each drawing returns to the line start and erases the rest.
  EXPECT_EQ(Count(out.str(), "\033[K"), drawn);
  EXPECT_EQ(out.str().find('\n'), std::string::npos);
}

TEST(Progress, ClearErasesTheLineAndNextUpdateDrawsAgain) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(&out, 0, time.clock());
  progress.Clear();  // nothing shown yet: nothing written
  EXPECT_EQ(out.str(), "");
  progress.Update(1);
  progress.Clear();
  EXPECT_EQ(out.str().substr(out.str().size() - 4), "\r\033[K");
  out.str("");
  time.now += 0.01;
  progress.Update(2);  // within the interval, but the line was cleared
  EXPECT_NE(out.str().find("2 articles"), std::string::npos);
}

TEST(Progress, UnknownTotalShowsNoShareOrTimeLeft) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(&out, 0, time.clock());
  time.now += 2;
  progress.Update(7);
  EXPECT_EQ(progress.Line(), "7 articles, 3.5 articles/s");
}

TEST(Progress, TotalTooSmallIsDropped) {
  FakeClock time;
  std::ostringstream out;
  Progress progress(&out, 1, time.clock());  // a .json array counts 1
  time.now += 1;
  progress.Update(3);
  EXPECT_EQ(progress.Line(), "3 articles, 3.0 articles/s");
}

TEST(Progress, FormatDuration) {
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(59.4), "59s");
  EXPECT_EQ(FormatDuration(65), "1m05s");
  EXPECT_EQ(FormatDuration(7380), "2h03m");
  EXPECT_EQ(FormatDuration(-3), "0s");
}

class InputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad_progress_test_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
    fs::create_directories(dir_ / ".hidden");
    Write(dir_ / "a.txt", "one story\n\nin paragraphs\n");
    // Three articles; blank lines do not count.
    Write(dir_ / "sub" / "b.jsonl", "{\"id\": 1}\n\n  \n{\"id\": 2}\r\n{}");
    Write(dir_ / "sub" / "c.json", "[{\"id\": 1},\n{\"id\": 2}]\n");
    Write(dir_ / "notes.md", "not an input\n");
    Write(dir_ / ".skip.txt", "hidden file\n");
    Write(dir_ / ".hidden" / "d.txt", "in a hidden directory\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  static void Write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  fs::path dir_;
};

TEST_F(InputFiles, CountsTheDocumentsIngestReads) {
  // a.txt 1, b.jsonl 3, c.json (an array) 1.
  EXPECT_EQ(CountInputDocuments({dir_.string()}), 5);
  EXPECT_EQ(CountInputDocuments({(dir_ / "sub" / "b.jsonl").string(),
                                 (dir_ / "missing.txt").string()}),
            3);
  EXPECT_EQ(CountInputDocuments({(dir_ / "a.txt").string(), "-"}), 0);
}

}  // namespace
}  // namespace dyad::cli
