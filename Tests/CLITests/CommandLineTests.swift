import Foundation
import Testing

/// The `tongwen` executable as a user runs it.
@Suite struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside this test bundle.
    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tongwen").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repository.appendingPathComponent(".build/debug/tongwen").path
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["TONGWEN_THEME"] = repository.appendingPathComponent("templates").path
        environment["SOURCE_DATE_EPOCH"] = "1795478400" // 2026-11-24
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func checkExitsByWhatItFoundAndNeverWritesTheOutput() throws {
        let fixture = CommandLineTests.repository.appendingPathComponent("Tests/TongwenTests/Fixtures/check/combined").path
        let lenient = try CommandLineTests.run(["check", fixture])
        #expect(lenient.status == 0, "warnings only")
        #expect(lenient.output.contains("content/docs/a.md:7:3: warning: link to missing page 'missing.md'"))
        let strict = try CommandLineTests.run(["check", fixture, "--strict", "--format", "json"])
        #expect(strict.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(strict.output.utf8)) as? [String: Any]
        #expect(report?["warnings"] as? Int == 7)
        let github = try CommandLineTests.run(["check", fixture, "--format", "github"])
        #expect(github.output.contains("::warning file=content/docs/b.md,line=2,col=8,title=title.duplicate::"))
        #expect(!FileManager.default.fileExists(atPath: fixture + "/public"), "check builds into a temporary folder")
        #expect(try CommandLineTests.run(["check", fixture, "--format", "xml"]).status == 2)
        let sample = try CommandLineTests.run(["check", CommandLineTests.repository.path, "--strict"])
        #expect(sample.status == 0, "\(sample.output)")
    }

    @Test func newWritesEntriesThatBuildAndNeverOverwrites() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("portal")
        #expect(try CommandLineTests.run(["init", site.path]).status == 0)
        let first = try CommandLineTests.run(["new", "faq", "如何申请VPN账号？", "--site", site.path, "--category", "账号与权限", "--tags", "VPN, 远程办公"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == site.path + "/content/faq/ru-he-shen-qing-vpn-zhang-hao.md\n")
        let original = try String(contentsOfFile: site.path + "/content/faq/ru-he-shen-qing-vpn-zhang-hao.md", encoding: .utf8)
        #expect(original.hasPrefix("---\ntitle: 如何申请VPN账号？\ncategory: 账号与权限\ntags: [VPN, 远程办公]\nowner: \"\"\nreviewed: 2026-11-24\n---\n"))

        let second = try CommandLineTests.run(["new", "faq", "如何申请VPN账号？", "--site", site.path])
        #expect(second.output == site.path + "/content/faq/ru-he-shen-qing-vpn-zhang-hao-2.md\n")
        #expect(try String(contentsOfFile: site.path + "/content/faq/ru-he-shen-qing-vpn-zhang-hao.md", encoding: .utf8) == original, "never overwritten")

        for (kind, title) in [("doc", "VPN 使用指南"), ("manual", "提交 IT 需求"), ("status", "统一登录迁移"), ("term", "服务等级协议"), ("requirement", "报销单手机审批")] {
            let made = try CommandLineTests.run(["new", kind, title, "--site", site.path])
            #expect(made.status == 0 && made.output.hasSuffix(".md\n"), "\(kind): \(made.errors)")
        }
        let built = try CommandLineTests.run(["build", site.path])
        #expect(built.status == 0, "\(built.errors)")
        #expect(!built.errors.contains("error"), "\(built.errors)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/requirements/bao-xiao-dan-shou-ji-shen-pi/index.html").path))

        let escape = try CommandLineTests.run(["new", "doc", "x", "--site", site.path, "--section", "../outside"])
        #expect(escape.status == 2 && escape.errors.contains("--section '../outside' must be a folder inside content/"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("outside").path))
    }

    @Test func initWritesASkeletonThatBuildsWithoutWarnings() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("portal")
        let created = try CommandLineTests.run(["init", site.path])
        #expect(created.status == 0)
        #expect(created.output.contains("content/faq/how-to-add-a-faq.md"))

        let built = try CommandLineTests.run(["build", site.path, "--strict"])
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors.contains("Built 6 pages, 0 assets, 0 warnings"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/faq/how-to-add-a-faq/index.html").path))

        let again = try CommandLineTests.run(["init", site.path])
        #expect(again.status == 2)
        #expect(again.errors.contains("already exists; tongwen init never overwrites files"))
    }

    @Test func contentErrorsExitOneWithCompilerStyleLines() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "---\ntitle: A\nslug: ../../etc\n---\n".write(to: folder.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["build", "."], in: folder)
        #expect(run.status == 1)
        #expect(run.errors.contains("content/a.md:3:7: error: 'slug' must be a single name without '/' (got '../../etc')"))
        #expect(run.errors.contains("Build failed: 1 error, 0 warnings; the previous output was left as it was."))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "[x](missing.md)\n".write(to: folder.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let relaxed = try CommandLineTests.run(["build", folder.path, "--quiet"])
        #expect(relaxed.status == 0)
        #expect(relaxed.errors == "content/a.md:1:1: warning: link to missing page 'missing.md'\n")
        let strict = try CommandLineTests.run(["build", folder.path, "--strict"])
        #expect(strict.status == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let unknown = try CommandLineTests.run(["build", "--no-such-flag"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("Unknown option '--no-such-flag'"))
        let version = try CommandLineTests.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output == "0.1.0\n")
        let help = try CommandLineTests.run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--base-url"))
    }

    @Test func missingContentFolderIsAClearError() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["build", folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("error: no content/ folder in"))
    }
}
