#include <gtest/gtest.h>

#include "dyad/coder.h"

namespace dyad {
namespace {
TEST(CoderTest, Placeholder) { SUCCEED(); }
}  // namespace
}  // namespace dyad
