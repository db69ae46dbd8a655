// The HTTP wiring on an ephemeral port: status codes, headers and files.
#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "dyad/serve.h"
#include "dyad/store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "dyad_http_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_ = dir_ + "/store.db";
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Document doc;
    doc.doc_id = "a1";
    doc.published = "2023-02-01";
    doc.text = "Japan met NATO.";
    Event event;
    event.source = ActorRef{"JPN", "Japan", Span{0, 5}};
    event.target = ActorRef{"IGOWSTNAT", "NATO", Span{10, 14}};
    event.cameo = "040";
    event.span = Span{0, 14};
    event.sentence = 0;
    doc.events.push_back(event);
    doc.sentences.push_back(Sentence{Span{0, 15}, 0, 0, PartKind::kBody, 0});
    ASSERT_TRUE((*store)->Put(doc).ok());
    fs::create_directories(dir_ + "/web");
    std::ofstream(dir_ + "/web/index.html") << "<html>dyad dashboard</html>";
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::unique_ptr<Server> StartOrDie(ServeOptions options) {
    options.db = db_;
    options.port = 0;
    options.threads = 2;
    options.pipeline.parse = false;
    auto server = Server::Start(options);
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    if (!server.ok()) return nullptr;
    EXPECT_GT((*server)->port(), 0);
    return std::move(server).value();
  }

  std::string dir_;
  std::string db_;
};

TEST_F(HttpServerTest, ReadOnlyServerAnswersTheApiAndFiles) {
  ServeOptions options;
  options.web_dir = dir_ + "/web";
  auto server = StartOrDie(options);
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port());

  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Content-Type"), "application/json");
  EXPECT_FALSE(health->has_header("Access-Control-Allow-Origin"));
  auto parsed = nlohmann::json::parse(health->body);
  EXPECT_EQ(parsed["events"], 1);

  auto events = client.Get("/api/events?a=IGOWSTNAT&b=jpn");
  ASSERT_TRUE(events);
  EXPECT_EQ(nlohmann::json::parse(events->body)["total"], 1);

  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("dyad dashboard"), std::string::npos);

  auto bad = client.Get("/api/events?limit=x");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("limit"), std::string::npos);

  auto post = client.Post("/api/articles", R"({"id":"x","text":"Hi."})",
                          "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
  auto wrong_method = client.Post("/api/events", "", "application/json");
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->status, 405);
  auto missing = client.Get("/api/articles/none");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  server->Stop();
  server->Stop();  // idempotent
}

TEST_F(HttpServerTest, IngestNeedsTheTokenAndASmallBody) {
  ServeOptions options;
  options.allow_ingest = true;
  options.ingest_token = "s3cret";
  options.web_dir = dir_ + "/no_such_dir";
  auto server = StartOrDie(options);
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port());
  const std::string article =
      R"({"id": "b2", "published": "2023-03-01", "text": "China criticized Japan."})";

  auto anonymous = client.Post("/api/articles", article, "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  auto bad_token =
      client.Post("/api/articles", wrong, article, "application/json");
  ASSERT_TRUE(bad_token);
  EXPECT_EQ(bad_token->status, 401);

  httplib::Headers good = {{"Authorization", "Bearer s3cret"}};
  auto stored = client.Post("/api/articles", good, article, "application/json");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, 200) << stored->body;
  EXPECT_EQ(nlohmann::json::parse(stored->body)["stored"], 1);
  auto readable = client.Get("/api/articles/b2");
  ASSERT_TRUE(readable);
  EXPECT_EQ(readable->status, 200);

  httplib::Client big_client("127.0.0.1", server->port());
  auto oversize = big_client.Post(
      "/api/articles", good, std::string(5u << 20, ' '), "application/json");
  ASSERT_TRUE(oversize);
  EXPECT_EQ(oversize->status, 413);

  // The dashboard directory is missing: "/" says so, the API still works.
  httplib::Client other("127.0.0.1", server->port());
  auto root = other.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 200);
  EXPECT_NE(root->body.find("not built"), std::string::npos);
  auto health = other.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(HttpServerTest, CorsHeadersOnlyWhenAsked) {
  ServeOptions options;
  options.cors_origin = "http://localhost:5173";
  auto server = StartOrDie(options);
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port());
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->get_header_value("Access-Control-Allow-Origin"),
            "http://localhost:5173");
  auto preflight = client.Options("/api/events");
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  // A GET with a body over the small limit is refused before it is read.
  httplib::Client other("127.0.0.1", server->port());
  auto large =
      other.Post("/api/events", std::string(64u << 10, 'x'), "text/plain");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
}

TEST_F(HttpServerTest, RunningUntilStopped) {
  auto server = StartOrDie(ServeOptions());
  ASSERT_NE(server, nullptr);
  EXPECT_TRUE(server->running());
  server->Stop();
  EXPECT_FALSE(server->running());
  server->Stop();  // idempotent
  EXPECT_FALSE(server->running());
}

TEST_F(HttpServerTest, BusyPortIsAClearError) {
  ServeOptions options;
  auto first = StartOrDie(options);
  ASSERT_NE(first, nullptr);
  options.db = db_;
  options.port = first->port();
  auto second = Server::Start(options);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kIoError);
  EXPECT_NE(second.status().message().find(std::to_string(first->port())),
            std::string::npos);
}

}  // namespace
}  // namespace dyad
