import Foundation
import GzipKit
import Testing
@testable import Tongwen

/// The change-to-rebuild mapping of `tongwen serve`: after a body edit, updating the built site
/// must give the same files as building the edited site from scratch.
@Suite struct SiteUpdaterTests {
    static func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in ContentLoader.files(under: folder.path) where !path.hasPrefix(".tongwen") {
            result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return result
    }

    /// A shard's tokens and their documents, without scores (BM25 keeps the full build's
    /// collection statistics after an edit, so scores may differ by a rounding step).
    static func shardDocuments(_ data: Data) throws -> [String: [Int]] {
        let json = try #require(GzipCompressor.decompress(data))
        let shard = try #require(try JSONSerialization.jsonObject(with: json) as? [String: [Int]])
        return shard.mapValues { flat in stride(from: 0, to: flat.count, by: 2).map { flat[$0] } }
    }

    @Test func bodyEditsGiveTheSameSiteAsAFullBuild() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()

        let faq = site.root.appendingPathComponent("content/faq/vpn.md")
        let doc = site.root.appendingPathComponent("content/docs/ops/backup.md")
        try (String(contentsOf: faq, encoding: .utf8) + "\n另见 Product Backlog 与需求池的关系；新增 Zebra 一词。\n").write(to: faq, atomically: true, encoding: .utf8)
        try String(contentsOf: doc, encoding: .utf8).replacingOccurrences(of: "每天备份。", with: "每小时增量备份，每天全量备份。\n\n## Restore\n\n见 [VPN](vpn.md#steps)。")
            .write(to: doc, atomically: true, encoding: .utf8)
        let outcome = await SiteUpdater.update(&state, changedPaths: [faq.path, doc.path, site.root.appendingPathComponent("content/faq/.vpn.md.swp").path])
        guard case .updated(let report, let count) = outcome else { Issue.record("\(outcome)"); return }
        #expect(count > 4 && count < 40, "the two pages, the term page, hub, feed and a few search files: \(count)")
        #expect(report.diagnostics.contains { $0.id == "review.overdue" }, "diagnostics that do not depend on bodies are kept")

        let updated = try SiteUpdaterTests.files(site.output)
        let fresh = try TestSite(copying: site.root)
        defer { fresh.delete() }
        try? FileManager.default.removeItem(at: fresh.output)
        _ = try await fresh.build()
        let rebuilt = try SiteUpdaterTests.files(fresh.output)
        #expect(Set(updated.keys) == Set(rebuilt.keys))
        for (path, data) in rebuilt.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("search/shards/") {
                #expect(try SiteUpdaterTests.shardDocuments(updated[path]!) == SiteUpdaterTests.shardDocuments(data), "\(path)")
            } else {
                #expect(updated[path] == data, "\(path) differs from a full build")
            }
        }
    }

    @Test func anythingButABodyEditAsksForAFullBuild() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        let faq = site.root.appendingPathComponent("content/faq/vpn.md")
        let text = try String(contentsOf: faq, encoding: .utf8)
        try text.replacingOccurrences(of: "category: \"账号\"", with: "category: \"网络\"").write(to: faq, atomically: true, encoding: .utf8)
        for changed in [faq.path, site.root.appendingPathComponent("content/faq/new.md").path,
                        site.root.appendingPathComponent("tongwen.yml").path, site.root.appendingPathComponent("content/docs/ops/_index.md").path] {
            if changed.hasSuffix("new.md") { try "---\ntitle: 新\n---\n正文\n".write(toFile: changed, atomically: true, encoding: .utf8) }
            guard case .needsFullBuild = await SiteUpdater.update(&state, changedPaths: [changed]) else {
                Issue.record("\(changed) should need a full build")
                continue
            }
        }
    }
}
