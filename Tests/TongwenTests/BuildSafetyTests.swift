import Foundation
import Testing
@testable import Tongwen

@Suite struct BuildSafetyTests {
    static let valid = [
        "content/index.md": "# Home\n\n[Doc](docs/a.md)\n",
        "content/docs/a.md": "---\ntitle: A\n---\n\n## Section\n\nText.\n",
        "content/docs/old.md": "---\ntitle: Old\n---\nGoing away.\n",
    ]

    @Test func aFailedBuildLeavesThePreviousOutputIntact() async throws {
        let site = try TestSite(BuildSafetyTests.valid)
        defer { site.delete() }
        _ = try await site.build()
        let before = try site.outputFiles()
        #expect(before["docs/a/index.html"] != nil)

        try site.write(["content/docs/a.md": "---\ntitle: [broken\n---\n"])
        let problems = await site.failure()
        #expect(problems.first?.hasPrefix("content/docs/a.md:3:") == true)
        #expect(try site.outputFiles() == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(siblings.filter { $0.contains("tongwen-tmp") }.isEmpty, "staging folder must be cleaned up")
    }

    @Test func strictBuildFailsOnWarningsAndKeepsOutput() async throws {
        let site = try TestSite(BuildSafetyTests.valid)
        defer { site.delete() }
        _ = try await site.build()
        let before = try site.outputFiles()
        try site.write(["content/docs/a.md": "---\ntitle: A\n---\n\n[gone](nope.md)\n"])
        #expect(await site.failure(strict: true) == ["content/docs/a.md:5:1: warning: link to missing page 'nope.md'"])
        #expect(try site.outputFiles() == before)
        let report = try await site.build()
        #expect(report.warnings == 1)
    }

    @Test func filesWithoutASourceDisappear() async throws {
        let site = try TestSite(BuildSafetyTests.valid)
        defer { site.delete() }
        _ = try await site.build()
        #expect(site.exists("docs/old/index.html"))
        try site.remove("content/docs/old.md")
        _ = try await site.build()
        #expect(!site.exists("docs/old/index.html"))
        #expect(site.exists("docs/a/index.html"))
    }

    /// The inode of an output file (or 0), to tell a linked file from one written anew.
    static func inode(_ site: TestSite, _ path: String) -> UInt {
        var info = stat()
        return lstat(site.output.appendingPathComponent(path).path, &info) == 0 ? UInt(info.st_ino) : 0
    }

    @Test func unchangedFilesAreLinkedFromThePreviousOutput() async throws {
        var files = BuildSafetyTests.valid
        files["content/docs/diagram.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        files["content/docs/notes.txt"] = "version 1\n"
        let site = try TestSite(files)
        defer { site.delete() }
        _ = try await site.build()
        let before = try site.outputFiles()
        let page = BuildSafetyTests.inode(site, "docs/a/index.html"), image = BuildSafetyTests.inode(site, "docs/diagram.svg")
        let old = BuildSafetyTests.inode(site, "docs/old/index.html"), notes = BuildSafetyTests.inode(site, "docs/notes.txt")

        // An edited page and an attachment of the same size with other bytes; and a symbolic
        // link left in the output where a page goes.
        try site.write(["content/docs/old.md": "---\ntitle: Old\n---\nStill here.\n", "content/docs/notes.txt": "version 2\n"])
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("index.html").path, withDestinationPath: "docs/a/index.html")
        _ = try await site.build()

        #expect(BuildSafetyTests.inode(site, "docs/a/index.html") == page, "unchanged page linked")
        #expect(BuildSafetyTests.inode(site, "docs/diagram.svg") == image, "unchanged attachment linked")
        #expect(BuildSafetyTests.inode(site, "docs/old/index.html") != old)
        #expect(BuildSafetyTests.inode(site, "docs/notes.txt") != notes)
        #expect(try site.read("docs/old/index.html").contains("Still here."))
        #expect(try site.read("docs/notes.txt") == "version 2\n")
        var info = stat()
        #expect(lstat(site.output.appendingPathComponent("index.html").path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG, "a symbolic link is never kept")
        let after = try site.outputFiles()
        #expect(after["index.html"] == before["index.html"])
        let otherPages = { (files: [String: Data]) in files.filter { $0.key.hasSuffix(".html") && $0.key != "docs/old/index.html" } }
        #expect(otherPages(after) == otherPages(before))
    }

    @Test func sameInputGivesByteIdenticalOutput() async throws {
        let site = try TestSite.samplePortal()
        defer { site.delete() }
        _ = try await site.build()
        let first = try site.outputFiles()
        _ = try await site.build()
        #expect(try site.outputFiles() == first)
        #expect(first.count > 60)
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() async throws {
        let site = try TestSite(BuildSafetyTests.valid)
        defer { site.delete() }
        try site.write(["public/precious.txt": "keep me"])
        let problems = await site.failure()
        #expect(problems.count == 1)
        #expect(problems[0].contains("refusing to replace"))
        #expect(try site.read("precious.txt") == "keep me")
    }

    @Test func refusesAnOutputFolderThatHoldsTheSources() async throws {
        let site = try TestSite(BuildSafetyTests.valid)
        defer { site.delete() }
        for output in [site.root.path, site.root.appendingPathComponent("content").path, site.root.appendingPathComponent("content/docs").path] {
            var options = site.options()
            options.outputDirectory = output
            await #expect(throws: BuildFailure.self) { try await SiteBuilder(options: options).build() }
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/docs/a.md").path))
    }

    @Test func anInterruptedBuildsLeftoversAreCleanedButNothingElse() async throws {
        let site = try TestSite(BuildSafetyTests.valid)
        defer { site.delete() }
        try site.write([
            ".public.tongwen-tmp-99999/.tongwen-build": "x", ".public.tongwen-tmp-99999/half.html": "x",
            ".public.tongwen-tmp-12345/mine.txt": "not ours: no marker",
        ])
        _ = try await site.build()
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(entries == [".public.tongwen-tmp-12345", "content", "public"])
    }

    /// Removing an old tree takes everything in it, hidden files and deep folders included, and
    /// removes symbolic links without following them.
    @Test func removingATreeNeverFollowsLinks() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-remove-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = root.appendingPathComponent("old"), outside = root.appendingPathComponent("outside")
        for folder in ["a/b/c", "a/空 格", ".hidden/d"] {
            try FileManager.default.createDirectory(at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        for file in ["index.html", "a/b/c/index.html", "a/空 格/图.png", ".hidden/d/.x", ".tongwen-build"] {
            try Data("x".utf8).write(to: tree.appendingPathComponent(file))
        }
        try Data("keep".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("a/link").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("file-link").path,
                                                   withDestinationPath: outside.appendingPathComponent("keep.txt").path)
        await OutputWriter.removeTree(tree.path)
        #expect(!FileManager.default.fileExists(atPath: tree.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep")
    }

    @Test func worksUnderASubPath() async throws {
        let site = try TestSite(["content/docs/a.md": "---\ntitle: A\n---\nx\n"])
        defer { site.delete() }
        var options = site.options()
        options.baseURL = "https://intranet.example.com/kb"
        _ = try await SiteBuilder(options: options).build()
        let page = try site.read("docs/a/index.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../../assets/tongwen.css\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://intranet.example.com/kb/docs/a/\">"))
        // Servers show 404.html at any depth, so its links start from the base path.
        let notFound = try site.read("404.html")
        #expect(notFound.contains("href=\"/kb/assets/tongwen.css\""))
        #expect(notFound.contains("<a href=\"/kb/docs/\">"))
    }

    @Test func titleFallsBackToTheFirstHeadingThenTheFileName() async throws {
        let site = try TestSite([
            "content/a.md": "# 开篇标题\n\nBody\n",
            "content/b.md": "Intro first.\n\n# 后面的标题\n",
            "content/c-file-name.md": "No heading.\n",
        ])
        defer { site.delete() }
        _ = try await site.build()
        #expect(try site.read("a/index.html").contains("<h1 id=\"开篇标题\">开篇标题</h1>"))
        #expect(try site.read("b/index.html").contains("<title>后面的标题 · 知识门户</title>"))
        #expect(try site.read("c-file-name/index.html").contains("<h1>c-file-name</h1>"))
    }

    /// The opening `#` heading becomes the layout's title and keeps its anchor there: links to
    /// it land, from the page and from others, and a later heading of the same text is `-1`.
    @Test func theTitleKeepsTheOpeningHeadingsAnchor() async throws {
        let site = try TestSite([
            "content/a.md": "---\ntitle: 接口人\n---\n# 接口人 Point of Contact\n\n[top](#接口人-point-of-contact)\n\n## 接口人 Point of Contact\n",
            "content/b.md": "See [a](a.md#接口人-point-of-contact) and [again](a.md#接口人-point-of-contact-1).\n",
        ])
        defer { site.delete() }
        let report = try await site.build(strict: true)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try site.read("a/index.html")
        #expect(page.contains("<h1 id=\"接口人-point-of-contact\">接口人</h1>"))
        #expect(page.contains("<h2 id=\"接口人-point-of-contact-1\">"))
    }

    @Test func draftsAreLeftOutUnlessAsked() async throws {
        let site = try TestSite(["content/a.md": "---\ntitle: A\ndraft: true\n---\nx\n", "content/b.md": "B\n"])
        defer { site.delete() }
        _ = try await site.build()
        #expect(!site.exists("a/index.html"))
        var options = site.options()
        options.includeDrafts = true
        _ = try await SiteBuilder(options: options).build()
        #expect(site.exists("a/index.html"))
    }

    @Test func redirectsPointAtTheNewURL() async throws {
        let site = try TestSite(["content/docs/vpn.md": "---\ntitle: VPN\nredirect_from: [/old/vpn.html, /network/vpn/]\n---\nx\n"])
        defer { site.delete() }
        _ = try await site.build()
        #expect(try site.read("old/vpn.html").contains("<meta http-equiv=\"refresh\" content=\"0; url=../docs/vpn/\">"))
        #expect(try site.read("network/vpn/index.html").contains("url=../../docs/vpn/"))
    }

    @Test func siteThemeOverridesTheDefaultFileByFile() async throws {
        let site = try TestSite([
            "content/a.md": "A\n",
            "templates/footer.mustache": "<footer>CUSTOM {{site.title}}</footer>\n",
        ])
        defer { site.delete() }
        _ = try await site.build()
        let html = try site.read("a/index.html")
        #expect(html.contains("<footer>CUSTOM 知识门户</footer>"))
        #expect(html.contains("class=\"sidebar\""), "templates not overridden still come from the default theme")
    }

    @Test func templateErrorsNameTheFileAndLine() async throws {
        let site = try TestSite(["content/a.md": "A\n", "templates/footer.mustache": "ok\n{{#open}}never closed\n"])
        defer { site.delete() }
        let problems = await site.failure()
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("templates/footer.mustache:"))
    }
}

@Suite struct EdgeCaseContentTests {
    @Test func emptyFilesAndFoldersWithOnlyAssetsBuild() async throws {
        let site = try TestSite(["content/empty.md": "", "content/files/manual.pdf": "%PDF-1.4\n"])
        defer { site.delete() }
        let report = try await site.build()
        #expect(report.pages == 1)
        #expect(site.exists("empty/index.html"))
        #expect(try site.read("files/manual.pdf") == "%PDF-1.4\n")
    }

    /// Linked files and folders are published as what they point to, never as links (a link
    /// in the output could reach outside it on the web server); editors' scratch files are not
    /// published at all; a link that points nowhere is a warning at the link.
    @Test func linkedContentIsPublishedAsFilesAndScratchFilesNotAtAll() async throws {
        let site = try TestSite([
            "content/docs/a.md": "---\ntitle: A\n---\n[guide](guide.pdf), [shared](shared/b.md)\n",
            "content/docs/a.md~": "an editor's backup", "content/docs/~$报告.docx": "a lock file",
            "elsewhere/guide.pdf": "%PDF-1.4\n", "elsewhere/shared/b.md": "---\ntitle: B\n---\nShared.\n",
        ])
        defer { site.delete() }
        let content = site.root.appendingPathComponent("content/docs").path, elsewhere = site.root.appendingPathComponent("elsewhere").path
        try FileManager.default.createSymbolicLink(atPath: content + "/guide.pdf", withDestinationPath: elsewhere + "/guide.pdf")
        try FileManager.default.createSymbolicLink(atPath: content + "/shared", withDestinationPath: elsewhere + "/shared")
        try FileManager.default.createSymbolicLink(atPath: content + "/gone.png", withDestinationPath: "nowhere.png")
        let report = try await site.build()
        #expect(report.diagnostics.map(\.description) == ["content/docs/gone.png:1:1: warning: symbolic link points to nothing: it is left out"])
        let guide = site.output.appendingPathComponent("docs/guide.pdf").path
        #expect(try FileManager.default.attributesOfItem(atPath: guide)[.type] as? FileAttributeType == .typeRegular)
        #expect(try site.read("docs/guide.pdf") == "%PDF-1.4\n")
        #expect(try site.read("docs/shared/b/index.html").contains("Shared."))
        #expect(!site.exists("docs/a.md~") && !site.exists("docs/~$报告.docx"))
    }
}
