#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/export.h"
#include "output/export_test_record.h"

namespace dyad {
namespace {

// A plain RFC 4180 reader: the reference the writer is checked against.
std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      ++i;
    } else {
      field += c;
    }
  }
  EXPECT_TRUE(row.empty() && field.empty()) << "text does not end in CRLF";
  return rows;
}

TEST(CsvExport, FieldQuoting) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
}

TEST(CsvExport, RowsReadBackFieldForField) {
  ExportRecord r = SeedRecord();
  r.evidence = "NATO, \"chief\"\nwants\tties";
  std::string text = CsvHeader() + CsvRow(r) + CsvRow(SeedRecord());
  auto rows = ReadCsv(text);
  ASSERT_EQ(rows.size(), 3u);
  const auto& header = rows[0];
  ASSERT_EQ(header.size(), 25u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), header.size());
  auto column = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    ADD_FAILURE() << name;
    return size_t{0};
  };
  EXPECT_EQ(rows[1][column("id")], "42");
  EXPECT_EQ(rows[1][column("evidence")], r.evidence);
  EXPECT_EQ(rows[1][column("source_code")], "IGOWSTNAT");
  EXPECT_EQ(rows[1][column("goldstein")], "4.0");
  EXPECT_EQ(rows[1][column("quad")], "1");
  EXPECT_EQ(rows[1][column("plover")], "AGREE");
  EXPECT_EQ(rows[1][column("lat")], "");
  EXPECT_EQ(rows[2][column("sentence_text")],
            "NATO chief wants firmer ties with Japan");
}

}  // namespace
}  // namespace dyad
