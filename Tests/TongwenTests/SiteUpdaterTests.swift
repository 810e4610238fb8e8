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

        let faq = try site.edit("content/faq/vpn.md") { $0 + "\n另见 Product Backlog 与需求池的关系；新增 Zebra 一词。\n" }
        let doc = try site.edit("content/docs/ops/backup.md") {
            $0.replacingOccurrences(of: "每天备份。", with: "每小时增量备份，每天全量备份。\n\n## Restore\n\n见 [VPN](vpn.md#steps)。")
        }
        let outcome = await SiteUpdater.update(&state, changedPaths: [faq, doc, site.root.appendingPathComponent("content/faq/.vpn.md.swp").path])
        guard case .updated(let report, let count) = outcome else { Issue.record("\(outcome)"); return }
        #expect(count > 4 && count < 40, "the two pages, the term page, hub, feed and a few search files: \(count)")
        #expect(report.diagnostics.contains { $0.id == "review.overdue" }, "diagnostics that do not depend on bodies are kept")

        try await SiteUpdaterTests.expectSameAsFullBuild(site)
    }

    /// The updated output must hold the same files, byte for byte, as a fresh build of the
    /// edited site (search shards: the same documents per token).
    static func expectSameAsFullBuild(_ site: TestSite, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let updated = try SiteUpdaterTests.files(site.output)
        let fresh = try TestSite(copying: site.root)
        defer { fresh.delete() }
        try? FileManager.default.removeItem(at: fresh.output)
        _ = try await fresh.build()
        let rebuilt = try SiteUpdaterTests.files(fresh.output)
        #expect(Set(updated.keys) == Set(rebuilt.keys), sourceLocation: sourceLocation)
        for (path, data) in rebuilt.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("search/shards/") {
                #expect(try SiteUpdaterTests.shardDocuments(updated[path]!) == SiteUpdaterTests.shardDocuments(data), "\(path)", sourceLocation: sourceLocation)
            } else {
                #expect(updated[path] == data, "\(path) differs from a full build", sourceLocation: sourceLocation)
            }
        }
    }

    /// Front-matter edits, one at a time and then several together: each update gives what a
    /// full build of the edited site gives, and rewrites far fewer files.
    static let frontMatterEdits: [(file: String, old: String, new: String)] = [
        ("faq/vpn.md", "category: \"账号\"", "category: \"数据\""),
        ("faq/vpn.md", "title: \"如何申请 VPN？\"", "title: \"怎样申请 VPN 账号？\""),
        ("docs/ops/vpn.md", "owner: \"网络组\"", "owner: \"安全组\""),
        ("docs/ops/vpn.md", "tags: [\"VPN\", \"网络\"]", "tags: [\"网络\", \"VPN\"]"),
        ("docs/ops/backup.md", "title: \"备份\"", "title: \"AAA 备份与恢复\"\nweight: -5"),
        ("docs/ops/backup.md", "reviewed: 2026-10-01", "reviewed: 2026-11-20"),
        ("status/sso.md", "status: blocked", "status: on-track"),
        ("requirements/esign.md", "state: submitted", "state: scheduled"),
        ("faq/vpn.md", "owner: \"网络组\"", "owner: \"网络组\"\nglossary: false\ndescription: \"VPN 账号怎么申请\""),
        ("docs/ops/vpn.md", "contact: \"吴刚\"", "contact: \"李雷\"\nreviewed_by: \"x\""),
    ]

    @Test(arguments: 0..<frontMatterEdits.count)
    func frontMatterEditsGiveTheSameSiteAsAFullBuild(edit: Int) async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        var (report, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        let total = try SiteUpdaterTests.files(site.output).count
        let change = SiteUpdaterTests.frontMatterEdits[edit]
        let file = try site.edit("content/" + change.file) { text in
            #expect(text.contains(change.old))
            return text.replacingOccurrences(of: change.old, with: change.new)
        }
        let outcome = await SiteUpdater.update(&state, changedPaths: [file])
        guard case .updated(let updated, let count) = outcome else { Issue.record("\(outcome)"); return }
        #expect(count < total * 2 / 3, "\(count) of \(total) files rewritten")
        let copy = try TestSite(copying: site.root)
        defer { copy.delete() }
        try? FileManager.default.removeItem(at: copy.output)
        let fresh = try await copy.build()
        #expect(updated.diagnostics.map { "\($0)" } == fresh.diagnostics.map { "\($0)" })
        #expect(report.diagnostics.count > 0)
        try await SiteUpdaterTests.expectSameAsFullBuild(site)
    }

    @Test func severalFrontMatterEditsInOneSave() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        var paths: Set<String> = []
        for change in SiteUpdaterTests.frontMatterEdits {
            paths.insert(try site.edit("content/" + change.file) { $0.replacingOccurrences(of: change.old, with: change.new) })
        }
        let outcome = await SiteUpdater.update(&state, changedPaths: paths)
        guard case .updated = outcome else { Issue.record("\(outcome)"); return }
        try await SiteUpdaterTests.expectSameAsFullBuild(site)
    }

    @Test func anythingButABodyEditAsksForAFullBuild() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        let faq = try site.edit("content/faq/vpn.md") { $0.replacingOccurrences(of: "category: \"账号\"", with: "slug: \"vpn-access\"") }
        for changed in [faq, site.root.appendingPathComponent("content/faq/new.md").path,
                        site.root.appendingPathComponent("tongwen.yml").path, site.root.appendingPathComponent("content/docs/ops/_index.md").path] {
            if changed.hasSuffix("new.md") { try "---\ntitle: 新\n---\n正文\n".write(toFile: changed, atomically: true, encoding: .utf8) }
            guard case .needsFullBuild = await SiteUpdater.update(&state, changedPaths: [changed]) else {
                Issue.record("\(changed) should need a full build")
                continue
            }
        }
    }

    @Test func aNewOrVanishedTagPageAsksForAFullBuild() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        let doc = try site.edit("content/docs/ops/vpn.md") { $0.replacingOccurrences(of: "tags: [\"VPN\", \"网络\"]", with: "tags: [\"VPN\", \"全新标签\"]") }
        guard case .needsFullBuild = await SiteUpdater.update(&state, changedPaths: [doc]) else {
            Issue.record("a new tag page needs a full build")
            return
        }
    }

    /// On the sample portal: a page with redirects, glossary terms and neighbours gets a new
    /// title and weight; the term pages listing it, its redirects, the sidebar and pagers follow.
    @Test func retitlingAPageOfTheSamplePortalGivesTheSameSiteAsAFullBuild() async throws {
        let site = try TestSite.samplePortal()
        defer { site.delete() }
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        let doc = try site.edit("content/docs/access/vpn.md") { text in
            let edited = text.replacingOccurrences(of: "title: \"VPN 使用指南 Using the VPN\"", with: "title: \"远程接入 VPN（新版）\"")
                .replacingOccurrences(of: "weight: 1\n", with: "weight: 99\n").replacingOccurrences(of: "owner: \"网络组 Network Team\"", with: "owner: \"新的负责人\"")
            #expect(edited != text)
            return edited
        }
        let outcome = await SiteUpdater.update(&state, changedPaths: [doc])
        guard case .updated = outcome else { Issue.record("\(outcome)"); return }
        try await SiteUpdaterTests.expectSameAsFullBuild(site)
    }

    /// A page without `updated` or `reviewed` is dated by its file: a body edit moves it in the
    /// feeds, the board and the sitemap.
    @Test func bodyEditOfAnUndatedPageRedatesIt() async throws {
        let site = try TestSite.samplePortal()
        defer { site.delete() }
        let page = site.root.appendingPathComponent("content/requirements/vpn-self-service.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: page.path)
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        try site.edit("content/requirements/vpn-self-service.md") { $0 + "\n补充：已与网络组确认。\n" }
        guard case .updated = await SiteUpdater.update(&state, changedPaths: [page.path]) else { Issue.record("a body edit"); return }
        try await SiteUpdaterTests.expectSameAsFullBuild(site)
    }

    /// One save that changes a doc's front matter and an FAQ answer's body: both reach the site.
    @Test func aFrontMatterEditAndAnFAQBodyEditInOneSave() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        var (_, state) = try await SiteBuilder(options: site.options()).buildKeepingState()
        let doc = try site.edit("content/docs/ops/vpn.md") { $0.replacingOccurrences(of: "owner: \"网络组\"", with: "owner: \"安全组\"") }
        let faq = try site.edit("content/faq/vpn.md") { $0 + "\n新的一段回答。\n" }
        guard case .updated = await SiteUpdater.update(&state, changedPaths: [doc, faq]) else { Issue.record("two edits"); return }
        try await SiteUpdaterTests.expectSameAsFullBuild(site)
    }
}
