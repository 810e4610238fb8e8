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
