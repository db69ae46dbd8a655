#include "dyad/stored_event_json.h"

#include <gtest/gtest.h>

#include "dyad/output.h"

namespace dyad {
namespace {

StoredEvent Visit() {
  StoredEvent e;
  e.id = 7;
  e.doc_id = "nato-japan";
  e.published = "2023-02-01";
  e.sentence = 2;
  e.source.code = "IGOWSTNAT";
  e.source.text = "NATO";
  e.target.code = "JPN";
  e.target.text = "Japan";
  e.cameo = "042";
  e.date = "2023-01-31";
  e.date_from_text = true;
  e.span = Span{10, 30};
  e.evidence = "visited Japan";
  e.rule = "parse verbs:VISIT/042";
  return e;
}

TEST(StoredEventJsonTest, IdentityFirstThenTheCodedEventObject) {
  StoredEvent stored = Visit();
  nlohmann::ordered_json j = StoredEventToJson(stored);
  auto it = j.begin();
  ASSERT_NE(it, j.end());
  EXPECT_EQ(it.key(), "id");
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["doc_id"], "nato-japan");
  EXPECT_EQ(j["published"], "2023-02-01");
  // Everything after the identity is what a freshly coded event prints.
  Event event;
  event.source = stored.source;
  event.target = stored.target;
  event.cameo = stored.cameo;
  event.date = stored.date;
  event.date_from_text = stored.date_from_text;
  event.sentence = stored.sentence;
  event.span = stored.span;
  event.rule = stored.rule;
  nlohmann::ordered_json coded = EventToJson(event, stored.evidence);
  for (auto& [key, value] : coded.items()) EXPECT_EQ(j[key], value) << key;
  EXPECT_EQ(j.size(), coded.size() + 3);
}

TEST(StoredEventJsonTest, UnknownPublicationIsNull) {
  StoredEvent stored = Visit();
  stored.published.clear();
  EXPECT_TRUE(StoredEventToJson(stored)["published"].is_null());
}

}  // namespace
}  // namespace dyad
