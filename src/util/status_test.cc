#include "dyad/status.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(StatusTest, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, ErrorNamesCodeAndMessage) {
  Status s = ParseError("a.txt:3: missing ]");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_EQ(s.ToString(), "parse error: a.txt:3: missing ]");
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> good(7);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad(NotFound("x"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
}

Status FailsThenStops(int* reached) {
  DYAD_RETURN_IF_ERROR(InvalidArgument("stop"));
  *reached = 1;
  return Status::Ok();
}

TEST(StatusTest, ReturnIfErrorStopsEarly) {
  int reached = 0;
  EXPECT_FALSE(FailsThenStops(&reached).ok());
  EXPECT_EQ(reached, 0);
}

}  // namespace
}  // namespace dyad
