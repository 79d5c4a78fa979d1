// Inline suppression: which comments are directives (per kind of file, never in code), how
// directives are parsed and applied, and what every report shows — through the CLI as a user
// runs it.
#include "tests/support/small_guide.h"
#include "linter/suppression.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "linter/builtin_rules.h"
#include "tests/support/paths.h"

namespace brandlint {
namespace {

using testing::run_command;

Asset text_asset(AssetKind kind, std::string text) {
  Asset asset;
  asset.kind = kind;
  asset.text = std::move(text);
  asset.lines = LineIndex(asset.text);
  return asset;
}

// The inner text of every directive-capable comment, trimmed, in order.
std::vector<std::string> comments(AssetKind kind, const std::string& text) {
  const Asset asset = text_asset(kind, text);
  std::vector<std::string> out;
  for (const CommentSpan& c : directive_comments(asset)) {
    std::string body = asset.text.substr(c.body_begin, c.body_end - c.body_begin);
    body.erase(0, body.find_first_not_of(' '));
    body.erase(body.find_last_not_of(' ') + 1);
    out.push_back(body);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(SuppressionComments, HtmlCommentsOutsideCodeAndCssCommentsInStyleBlocks) {
  const std::string html =
      "<!-- a -->\n<p title=\"<!-- not -->\">x</p>\n<pre><!-- in pre --></pre>\n"
      "<script>// <!-- in script --></script>\n<style>/* css */ p { content: \"/* str */\" "
      "}</style>\n"
      "<code><!-- in code --></code><textarea><!-- raw --></textarea>\n<!-- b";
  EXPECT_EQ(comments(AssetKind::html, html), (Strings{"a", "css", "b"}));
  EXPECT_EQ(comments(AssetKind::svg, "<svg><!-- s --><style>/* t */</style></svg>"),
            (Strings{"s", "t"}));
}

TEST(SuppressionComments, CssCommentsButNotInsideStringsOrUrls) {
  EXPECT_EQ(comments(AssetKind::css,
                     "/* one */ a { background: url(/*x*/y.png); content: '/* no */'; } /* two */"),
            (Strings{"one", "two"}));
}

TEST(SuppressionComments, MarkdownCommentsOutsideCodeBlocksSpansAndFrontMatter) {
  const std::string md =
      "---\ntitle: <!-- front -->\n---\n"
      "<!-- one -->\n\n"
      "Text `<!-- span -->` and <!-- two --> here.\n\n"
      "```html\n<!-- fenced -->\n```\n\n"
      "~~~~\n<!-- tilde -->\n```\nstill code\n~~~~\n\n"
      "    code\n    <!-- indented -->\n\n    <!-- after a blank line in the block -->\n\n"
      "> <!-- three -->\n\n"
      "- item\n\n    <!-- four -->\n\n"
      "- ```\n  <!-- fenced in a list item -->\n  ```\n\n"
      "<pre>\n<!-- pre -->\n</pre>\n"
      "``<!-- double ` tick -->``\n";
  EXPECT_EQ(comments(AssetKind::markdown, md), (Strings{"one", "two", "three", "four"}));
}

TEST(SuppressionComments, HostileMarkdownStaysLinear) {
  // One 2 MB paragraph of backtick runs (lengths 1 to 500, each closed 500 lines later): the
  // paragraph's end must be found once, not once per run, or this takes minutes.
  std::string md;
  for (int n = 1; md.size() < 2'000'000; n = n % 500 + 1)
    md += std::string(std::size_t(n), '`') + " x\n";
  md += "<!-- brandlint-disable -- end -->\n";
  const auto start = std::chrono::steady_clock::now();
  const Strings found = comments(AssetKind::markdown, md);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_LE(found.size(), 1u);
}

TEST(SuppressionComments, PlainTextAndCopyDecksHaveNone) {
  EXPECT_TRUE(comments(AssetKind::text, "<!-- brandlint-disable -- x -->\n/* y */").empty());
  EXPECT_TRUE(comments(AssetKind::copy_deck, "{\"a\": \"<!-- x -->\"}").empty());
}

TEST(SuppressionDirectives, ParsesKindsRulesReasonsAndProblems) {
  const std::vector<std::string_view> known = {"voice/banned-term", "voice/claims",
                                               "color/off-palette"};
  const Asset asset = text_asset(
      AssetKind::html,
      "<!-- brandlint-disable-next-line voice/banned-term, voice/claims -- legal name -->\n"
      "<!-- brandlint-disable voice/* -- quoted customer review -->\n"
      "<!-- brandlint-enable voice/* -->\n"
      "<!-- brandlint-disable -- whole legacy block -->\n"
      "<!-- brandlint-disable-next-line voice/banned-term -->\n"
      "<!-- brandlint-disable-next-line voice/baned-term -- typo -->\n"
      "<!-- brandlint-disable-line voice/claims -- x -->\n"
      "<!-- brandlint-disable-next-line voice/claims --no-space -->\n"
      "<!-- just a comment -->\n");
  const std::vector<Directive> d = find_directives(asset, known);
  ASSERT_EQ(d.size(), 8u);
  EXPECT_EQ(d[0].kind, Directive::Kind::next_line);
  EXPECT_EQ(d[0].rules, (Strings{"voice/banned-term", "voice/claims"}));
  EXPECT_EQ(d[0].reason, "legal name");
  EXPECT_TRUE(d[0].problem.empty());
  EXPECT_EQ(d[1].kind, Directive::Kind::disable);
  EXPECT_EQ(d[1].rules, (Strings{"voice/*"}));
  EXPECT_EQ(d[2].kind, Directive::Kind::enable);
  EXPECT_TRUE(d[2].problem.empty()) << "enable needs no reason";
  EXPECT_TRUE(d[3].rules.empty());
  EXPECT_EQ(d[3].reason, "whole legacy block");
  EXPECT_NE(d[4].problem.find("needs a reason after ' -- '"), std::string::npos) << d[4].problem;
  EXPECT_NE(d[5].problem.find("did you mean 'voice/banned-term'"), std::string::npos)
      << d[5].problem;
  EXPECT_NE(d[6].problem.find("unknown directive 'brandlint-disable-line'"), std::string::npos);
  // "--no-space" is not the separator (stylelint's rule: a space on both sides), so it is read
  // as a rule name, which is unknown.
  EXPECT_NE(d[7].problem.find("unknown rule '--no-space'"), std::string::npos) << d[7].problem;
}

// ---- end to end, through the CLI ---------------------------------------------------------

constexpr const char* kGuide = testing::kSmallGuide;  // tests/support/small_guide.h

struct CliRun {
  int exit_code = -1;
  nlohmann::json doc;
  std::string raw;
};

CliRun check(const testing::TempDir& dir, const std::string& flags) {
  const auto r = run_command("cd " + dir.path().string() + " && " +
                             testing::brandlint_binary().string() + " check . " + flags);
  CliRun out{r.exit_code, {}, r.out};
  if (flags.find("json") != std::string::npos || flags.find("sarif") != std::string::npos) {
    out.doc = nlohmann::json::parse(r.out);
  }
  return out;
}

// "rule line" for every finding of `path`.
std::multiset<std::string> findings_of(const nlohmann::json& list, const std::string& path) {
  std::multiset<std::string> out;
  for (const auto& f : list) {
    if (f["path"] != path) continue;
    out.insert(f["rule"].get<std::string>() + " " + std::to_string(f["location"].value("line", 0)));
  }
  return out;
}

TEST(SuppressionEndToEnd, NextLineRangesGlobsUnusedAndInvalidInHtml) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kGuide);
  dir.write(
      "page.html",
      "<html><body>\n"                                                                     // 1
      "<!-- brandlint-disable-next-line voice/banned-term -- quoting the complaint -->\n"  // 2
      "<p>Den var billig, skrev kunden.</p>\n"                                             // 3
      "<p>En billig pakke.</p>\n"                                                          // 4
      "<!-- brandlint-disable voice/* -- the competitor's slogan, quoted -->\n"            // 5
      "<p>Billig strøm!</p>\n"                                                             // 6
      "<!-- brandlint-enable voice/* -->\n"                                                // 7
      "<p>Ikke billig.</p>\n"                                                              // 8
      "<!-- brandlint-disable-next-line voice/banned-term -->\n"                           // 9
      "<p>Meget billig.</p>\n"                                                             // 10
      "<!-- brandlint-disable-next-line voice/banned-term -- stale -->\n"                  // 11
      "<p>Nordlys lyser op.</p>\n"                                                         // 12
      "<!-- brandlint-disable-next-line voice/baned-term -- typo -->\n"                    // 13
      "<pre><!-- brandlint-disable-next-line voice/banned-term -- in pre --></pre>\n"      // 14
      "<p>Billig igen.</p>\n"                                                              // 15
      "</body></html>\n");
  const CliRun run = check(dir, "--format json");
  ASSERT_EQ(run.exit_code, 1) << run.raw;  // voice/banned-term is an error by default
  EXPECT_EQ(findings_of(run.doc["findings"], "page.html"),
            (std::multiset<std::string>{
                "voice/banned-term 4", "voice/banned-term 8", "voice/banned-term 10",
                "voice/banned-term 15", "brandlint/invalid-suppression 9",
                "brandlint/unused-suppression 11", "brandlint/invalid-suppression 13"}));
  EXPECT_EQ(findings_of(run.doc["suppressed"], "page.html"),
            (std::multiset<std::string>{"voice/banned-term 3", "voice/banned-term 6"}));
  std::map<int, std::string> reasons;
  for (const auto& s : run.doc["suppressed"]) {
    reasons[s["location"]["line"].get<int>()] = s["justification"].get<std::string>();
  }
  EXPECT_EQ(reasons[3], "quoting the complaint");
  EXPECT_EQ(reasons[6], "the competitor's slogan, quoted");
  EXPECT_EQ(run.doc["counts"]["suppressed"], 2);
  EXPECT_EQ(run.doc["channels"][0]["counts"]["suppressed"], 2);
  for (const auto& f : run.doc["findings"]) {
    if (f["rule"] == "brandlint/unused-suppression") {
      EXPECT_EQ(f["severity"], "info");
      EXPECT_EQ(f["message"],
                "brandlint-disable-next-line voice/banned-term suppresses nothing: no finding of "
                "voice/banned-term on line 12; remove it");
      EXPECT_EQ(f["location"]["column"], 1);
    }
    if (f["rule"] == "brandlint/invalid-suppression" && f["location"]["line"] == 13) {
      EXPECT_EQ(f["severity"], "warning");
      EXPECT_NE(f["message"].get<std::string>().find("did you mean 'voice/banned-term'?"),
                std::string::npos);
    }
  }
}

TEST(SuppressionEndToEnd, CssAndMarkdownAndPlainTextIsNotADirective) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kGuide);
  dir.write("site.css",
            "/* brandlint-disable-next-line color/off-palette -- partner's logo colour */\n"
            ".partner { color: #ff0000; }\n"
            ".ours { color: #00ff00; }\n");
  dir.write("copy.md",
            "# Nyhedsbrev\n\n"
            "<!-- brandlint-disable-next-line voice/banned-term -- a customer's words -->\n"
            "»Billig og god«, skrev en kunde.\n\n"
            "```\n<!-- brandlint-disable-next-line voice/banned-term -- example -->\n```\n"
            "Billig igen.\n");
  dir.write("sms.txt", "<!-- brandlint-disable-next-line voice/banned-term -- x -->\nBillig!\n");
  const CliRun run = check(dir, "--format json");
  // The directive names color/off-palette only: color/contrast's "needs review" (no background
  // in the file) on line 2 stays a finding.
  EXPECT_EQ(findings_of(run.doc["findings"], "site.css"),
            (std::multiset<std::string>{"color/contrast 2", "color/contrast 3",
                                        "color/off-palette 3"}));
  EXPECT_EQ(findings_of(run.doc["suppressed"], "site.css"),
            (std::multiset<std::string>{"color/off-palette 2"}));
  EXPECT_EQ(findings_of(run.doc["findings"], "copy.md"),
            (std::multiset<std::string>{"voice/banned-term 9"}));
  EXPECT_EQ(findings_of(run.doc["suppressed"], "copy.md"),
            (std::multiset<std::string>{"voice/banned-term 4"}));
  // In an SMS the "directive" is copy sent to customers: it suppresses nothing, and voice/spelling
  // rightly flags its non-words (brandlint, disable-next-line) on line 1.
  EXPECT_EQ(findings_of(run.doc["findings"], "sms.txt"),
            (std::multiset<std::string>{"voice/banned-term 2", "voice/spelling 1",
                                        "voice/spelling 1"}));
}

TEST(SuppressionEndToEnd, GuideCanTurnTheDiagnosticsOffAndRulesThatDidNotRunAreNotUnused) {
  testing::TempDir dir;
  dir.write("brandguide.toml", std::string(kGuide) +
                                   "\n[rules]\n\"brandlint/invalid-suppression\" = \"error\"\n"
                                   "\"voice/claims\" = \"off\"\n");
  dir.write("page.html",
            "<!-- brandlint-disable-next-line voice/claims -- the claim is documented -->\n"
            "<p>Hej.</p>\n"
            "<!-- brandlint-disable-next-line voice/banned-term -->\n"
            "<p>Billig.</p>\n");
  const CliRun run = check(dir, "--format json");
  EXPECT_EQ(run.exit_code, 1) << "invalid-suppression raised to error by the guide";
  EXPECT_EQ(findings_of(run.doc["findings"], "page.html"),
            (std::multiset<std::string>{"brandlint/invalid-suppression 3", "voice/banned-term 4"}));
}

TEST(SuppressionEndToEnd, EveryReportCountsOrMarksSuppressedFindings) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kGuide);
  dir.write("page.html",
            "<!-- brandlint-disable-next-line voice/banned-term -- quoted review -->\n"
            "<p>Billig.</p>\n<p>Billig.</p>\n");
  const CliRun text = check(dir, "--format text --color never");
  EXPECT_NE(text.raw.find("page.html:3:4: error:"), std::string::npos) << text.raw;
  EXPECT_EQ(text.raw.find("page.html:2:"), std::string::npos)
      << "suppressed findings are not shown";
  EXPECT_NE(text.raw.find("1 finding(s) suppressed by brandlint-disable comments"),
            std::string::npos)
      << text.raw;

  const CliRun sarif = check(dir, "--format sarif");
  int suppressed = 0, open = 0;
  for (const auto& r : sarif.doc["runs"][0]["results"]) {
    if (r.contains("suppressions")) {
      ++suppressed;
      EXPECT_EQ(r["suppressions"],
                nlohmann::json::parse(R"([{"kind":"inSource","justification":"quoted review"}])"));
      EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
    } else {
      ++open;
    }
  }
  EXPECT_EQ(suppressed, 1);
  EXPECT_EQ(open, 1);

  const CliRun markdown = check(dir, "--format markdown");
  EXPECT_NE(markdown.raw.find("1 finding(s) suppressed by `brandlint-disable` comments"),
            std::string::npos);
  const CliRun html = check(dir, "--format html");
  EXPECT_NE(html.raw.find("<section class=\"card\" id=\"suppressed\"><h2>Undtaget i kildeteksten, "
                          "med begrundelse (1)</h2>"),
            std::string::npos);
  EXPECT_NE(html.raw.find("<q>quoted review</q>"), std::string::npos);
  // JUnit and GitHub annotations list open problems only.
  const CliRun junit = check(dir, "--format junit");
  EXPECT_EQ(junit.raw.find("page.html:2:"), std::string::npos);
  const CliRun github = check(dir, "--format github");
  EXPECT_EQ(github.raw.find("line=2,"), std::string::npos) << github.raw;
  EXPECT_NE(github.raw.find("line=3,"), std::string::npos) << github.raw;
}

TEST(SuppressionEndToEnd, AFindingAboutTheWholeFileNeedsADisableOpenToTheEnd) {
  // Nordlys's guide limits LIX to 45; two paragraphs give a document LIX finding (no line) and a
  // paragraph finding (line 3). The range covers both; a next-line directive covers neither.
  const std::string clause =
      "Forsikringsbetingelserne gælder udelukkende for erhvervsdrivende virksomheder med "
      "hjemsted i Danmark, medmindre andet fremgår af policen og tillægsbetingelserne, herunder "
      "ansvarsbegrænsninger, selvrisiko og undtagelser";
  const std::string legal = clause + " " + clause + " " + clause + ".\n\nKort.\n";
  testing::TempDir dir;
  dir.write("open.md", "<!-- brandlint-disable voice/readability -- legal text -->\n\n" + legal);
  dir.write("closed.md", "<!-- brandlint-disable voice/readability -- legal text -->\n\n" + legal +
                             "<!-- brandlint-enable voice/readability -->\n");
  const CliRun run = check(
      dir, "--guide " +
               (testing::source_dir() / "brandguide/examples/nordlys/brandguide.toml").string() +
               " --format json");
  std::multiset<std::string> open_findings, closed_findings;
  for (const auto& f : run.doc["findings"]) {
    if (f["rule"] != "voice/readability") continue;
    (f["path"] == "open.md" ? open_findings : closed_findings)
        .insert(std::to_string(f["location"].value("line", 0)));
  }
  EXPECT_EQ(findings_of(run.doc["suppressed"], "open.md"),
            (std::multiset<std::string>{"voice/readability 0", "voice/readability 3"}));
  EXPECT_TRUE(open_findings.empty());
  EXPECT_EQ(findings_of(run.doc["suppressed"], "closed.md"),
            (std::multiset<std::string>{"voice/readability 3"}));
  EXPECT_EQ(closed_findings, (std::multiset<std::string>{"0"}));
}

TEST(SuppressionEndToEnd, TheDemoCampaignShowsASuppressionAndAStaleOne) {
  const auto r =
      run_command(testing::brandlint_binary().string() + " check " +
                  (testing::source_dir() / "fixtures/demo").string() + " --guide " +
                  (testing::source_dir() / "brandguide/examples/nordlys/brandguide.toml").string() +
                  " --format json 2>/dev/null");
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["suppressed"].size(), 1u);
  const auto& s = doc["suppressed"][0];
  EXPECT_EQ(s["rule"], "voice/claims");
  EXPECT_EQ(s["channel"], "web");
  EXPECT_EQ(s["location"]["line"], 14);
  EXPECT_EQ(s["justification"],
            "a customer's own words, quoted with permission; the brand does not make this claim");
  int unused = 0;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] != "brandlint/unused-suppression") continue;
    ++unused;
    EXPECT_EQ(f["location"]["line"], 20);
    EXPECT_NE(f["path"].get<std::string>().find("site/kampagne/anmeldelser.html"),
              std::string::npos);
  }
  EXPECT_EQ(unused, 1);
}

}  // namespace
}  // namespace brandlint
