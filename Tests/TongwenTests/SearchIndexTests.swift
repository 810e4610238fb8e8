import Foundation
import Testing
@testable import Tongwen

@Suite struct SearchTokenizerTests {
    struct Vector: Decodable {
        var input: String
        var tokens: [String]
    }

    /// The vectors `node --test` runs through `search.js` too: build and query time agree.
    static let vectors: [Vector] = {
        let file = TestSite.repository.appendingPathComponent("Tests/Shared/search-tokenizer-vectors.json")
        return (try? JSONDecoder().decode([Vector].self, from: Data(contentsOf: file))) ?? []
    }()

    @Test func vectorsAreThere() {
        #expect(SearchTokenizerTests.vectors.count >= 15)
    }

    @Test(arguments: vectors.map(\.input))
    func tokenizerMatchesSharedVector(input: String) {
        let expected = SearchTokenizerTests.vectors.first { $0.input == input }!.tokens
        #expect(SearchTokenizer.tokens(input) == expected)
    }

    /// The tokens of `text` as the index builder counts them: the byte path's keys when it
    /// takes the text, the string path's otherwise, spelled out.
    static func keyStrings(_ text: String) -> [String] {
        var keys: [UInt64] = [], long: [String] = []
        guard let count = SearchTokenizer.keys(text, into: &keys, long: &long) else {
            return SearchTokenizer.tokens(text).map { SearchTokenKey($0).string }
        }
        return keys[..<count].map { SearchTokenKey(appended: $0, long: long).string }
    }

    /// The byte path the index builder counts with gives the same tokens as the string path.
    @Test(arguments: vectors.map(\.input) + ["NBSP\u{00A0}× → ┌─┐ §1", "e\u{0301}t\u{00E9}", "𠀀𠀁 x", "Ｒｅｑｕｉｒｅｍｅｎｔｓ"])
    func tokenKeysMatchTokens(input: String) {
        #expect(SearchTokenizerTests.keyStrings(input) == SearchTokenizer.tokens(input))
        #expect(SearchTokenizer.tokens(input).allSatisfy { SearchTokenKey($0).string == $0 })
    }

    /// The byte path against the string path on texts made of the pieces where the two could
    /// part: word, separator and CJK boundaries, full-width forms, plurals, words just over and
    /// under the packed length (and stemmed under it), kana, the CJK punctuation block (letters
    /// such as `々` and `〇` among its separators), four-byte CJK, composed and combining accents.
    @Test func tokenKeysMatchTokensOnGeneratedTexts() {
        let pieces = ["a", "Z", "7", "s", "ies", "es", "us", "is", "requirement", "Requirements", "ＡＢ", "ｓ", "１", " ", "\n",
                      "，", "—", "需", "求", "池", "あ", "カ", "ー", "ゟ", "𠀀", "é", "e\u{301}", "\u{A0}", "·", "→", "x2s",
                      "deployments", "abcdefghijs", "abcdefghiies", "ＲＥＱＵＩＲＥＭＥＮＴＳ"]
            + (0x3001...0x3035).map { String(Unicode.Scalar($0)!) }
        // SplitMix64: the same texts on every run.
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        var packedTexts = 0
        for _ in 0..<3000 {
            let text = (0..<(next() % 10)).map { _ in pieces[next() % pieces.count] }.joined()
            #expect(SearchTokenizerTests.keyStrings(text) == SearchTokenizer.tokens(text), "\(text.debugDescription)")
            var buffer: [UInt64] = [], long: [String] = []
            if SearchTokenizer.keys(text, into: &buffer, long: &long) != nil { packedTexts += 1 }
        }
        // Both paths were exercised: most texts take the byte path, some fall back.
        #expect(packedTexts > 1000 && packedTexts < 3000)
    }

    @Test func shardKeysMatchTheScriptsRule() {
        #expect(SearchShardKey.key(for: "requirement", sharded: true) == "w72-65-71")
        #expect(SearchShardKey.key(for: "需求", sharded: true) == "u9700")
        #expect(SearchShardKey.key(for: "~product-backlog", sharded: true) == "t\(SearchShardKey.fnv1a("product-backlog".utf8) % 64)")
        #expect(SearchShardKey.key(for: "需求", sharded: false) == "all")
    }
}

@Suite struct SearchIndexTests {
    static func build(_ files: [String: String]) async throws -> TestSite {
        let site = try TestSite(files)
        _ = try await site.build()
        return site
    }

    static func json(_ site: TestSite, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try site.readGzipped(path).utf8))
    }

    static let fixture: [String: String] = [
        "content/docs/requirements.md": "---\ntitle: \"需求管理 Requirements\"\ntags: [\"流程\"]\n---\n所有需求都进入需求池统一排期。\n\n## 评审 Review\n\nEach requirement is reviewed weekly.\n",
        "content/docs/other.md": "---\ntitle: \"其他\"\n---\n需求和池子是两件事。\n",
        "content/glossary/product-backlog.md": "---\ntitle: \"需求池\"\nbusiness: [\"需求池\"]\ntechnical: [\"Product Backlog\", \"Backlog\"]\naliases: [\"PB\"]\nsummary: \"等待排期的全部需求。\"\n---\n定义。\n",
    ]

    /// The whole index of a small site, as golden JSON: manifest, the one shard and a page record.
    @Test func smallSiteIndexMatchesGoldenFiles() async throws {
        let site = try await SearchIndexTests.build(SearchIndexTests.fixture)
        defer { site.delete() }
        Snapshot.assert(try site.readGzipped("search/manifest.json") + "\n", named: "search/manifest.json")
        Snapshot.assert(try site.readGzipped("search/shards/all.json") + "\n", named: "search/shard-all.json")
        Snapshot.assert(try site.readGzipped("search/pages/0.json") + "\n", named: "search/page-0.json")
        #expect(try site.read("search/index.html").contains("data-search-page"))
    }

    /// Pages using a term under any name carry its `~id` token: that is what bridging queries.
    @Test func pagesCarryTheirGlossaryTerms() async throws {
        let site = try await SearchIndexTests.build(SearchIndexTests.fixture)
        defer { site.delete() }
        let shard = try #require(try SearchIndexTests.json(site, "search/shards/all.json") as? [String: [Int]])
        // docs/other (doc 0) never names the term: "需求和池子" is not "需求池".
        #expect(shard["~product-backlog"] == [1, shard["~product-backlog"]![1]])
        #expect(shard["需求"]?.count == 6, "three pages hold 需求")
        #expect(shard["requirement"] != nil, "stemmed")
        #expect(shard["requirements"] == nil)
    }

    /// Large sites are sharded by token; every token lands in the shard its key names.
    @Test func largeSitesAreSharded() async throws {
        var files: [String: String] = [:]
        for number in 0..<(SearchIndexBuilder.singleShardLimit + 5) {
            files["content/docs/page-\(number).md"] = "---\ntitle: \"页面 \(number)\"\n---\n数据治理 data governance \(number)\n"
        }
        let site = try await SearchIndexTests.build(files)
        defer { site.delete() }
        let manifest = try #require(try SearchIndexTests.json(site, "search/manifest.json") as? [String: Any])
        #expect(manifest["sharded"] as? Bool == true)
        let keys = try #require(manifest["shards"] as? [String])
        #expect(keys.contains("u6570") && keys.contains("w64-61-74"))
        for key in keys {
            let shard = try #require(try SearchIndexTests.json(site, "search/shards/\(key).json") as? [String: [Int]])
            for token in shard.keys { #expect(SearchShardKey.key(for: token, sharded: true) == key) }
        }
        let data = try #require(try SearchIndexTests.json(site, "search/shards/w64-61-74.json") as? [String: [Int]])
        #expect((data["data"]?.count ?? 0) / 2 == SearchIndexBuilder.singleShardLimit + 5, "every page holds 'data'")
    }

    @Test func searchOffLeavesNoIndexBoxOrScript() async throws {
        var files = SearchIndexTests.fixture
        files["tongwen.yml"] = "search: false\n"
        let site = try await SearchIndexTests.build(files)
        defer { site.delete() }
        #expect(!site.exists("search"))
        let page = try site.read("docs/requirements/index.html")
        #expect(!page.contains("data-search") && !page.contains("search.js"))
        #expect(page.contains("需求池"))
    }
}
