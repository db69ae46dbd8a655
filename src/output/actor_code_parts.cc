#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "dyad/export.h"

namespace dyad {
namespace {

// CAMEO role and sector codes that GDELT reports as Type codes.
constexpr std::array<std::string_view, 37> kTypeCodes = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV",
    "HLH", "HRI", "IGO", "IMG", "INS", "JUD", "KID", "LAB", "LEG", "MED",
    "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF",
    "SEP", "SET", "SPY", "UAF", "UIS", "CIV", "JRN"};

// CAMEO religion codes.
constexpr std::array<std::string_view, 18> kReligionCodes = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH",
    "DOX", "DRZ", "HIN", "JAN", "JEW", "MOS", "SHI", "SIK", "SUN"};

// Known IGO, NGO and armed-group codes (the organisation after its region
// or sector: IGOWSTNAT is NATO).
constexpr std::array<std::string_view, 42> kKnownGroupCodes = {
    "ADB", "AFB", "AFU", "ALQ", "AMN", "ARL", "ASN", "CIS", "COE", "EAC", "EEC",
    "FAO", "GCC", "GOE", "GOS", "HRW", "IAD", "IAE", "ICC", "ICG", "ICJ", "ILO",
    "IMF", "IOM", "IPU", "IRC", "ITP", "MER", "MSF", "NAT", "OAS", "OAU", "OIC",
    "OPC", "SAA", "SAD", "SCO", "TAL", "UNO", "WBK", "WFP", "WHO"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& codes,
              std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool AllAsciiLetters(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
}

bool AllLower(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// Puts `part` into the first empty slot; drops it when all are full.
void Fill(std::string_view part, std::initializer_list<std::string*> slots) {
  for (std::string* slot : slots) {
    if (slot->empty()) {
      *slot = part;
      return;
    }
  }
}

}  // namespace

ActorCodeParts SplitActorCode(std::string_view code) {
  ActorCodeParts parts;
  if (code.size() % 3 != 0 || !AllAsciiLetters(code)) return parts;
  for (size_t at = 0; at < code.size(); at += 3) {
    std::string_view part = code.substr(at, 3);
    if (AllLower(part)) {
      Fill(part, {&parts.ethnic});
    } else if (Contains(kTypeCodes, part)) {
      Fill(part, {&parts.type1, &parts.type2, &parts.type3});
    } else if (Contains(kReligionCodes, part)) {
      Fill(part, {&parts.religion1, &parts.religion2});
    } else if (Contains(kKnownGroupCodes, part)) {
      Fill(part, {&parts.known_group});
    } else {
      Fill(part, {&parts.country});
    }
  }
  return parts;
}

}  // namespace dyad
