import ArgumentParser
import Foundation
import Tongwen

/// `--format` of `tongwen check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without touching its output: links, anchors, images, front matter, glossary, titles, reviews.",
        discussion: """
            Builds into a temporary folder, then reads every built page back through libxml2 and \
            checks each link and #anchor. External links are listed, not fetched, unless \
            --external. Exit status: 0 clean, 1 on errors (or warnings with --strict), 2 on a usage error.
            """)

    @OptionGroup var site: SiteArguments

    @Option(help: "Output: text (compiler-style lines), json (a report), github (Actions annotations).")
    var format: CheckFormat = .text

    @Flag(help: "Fail on warnings too (exit 1).")
    var strict = false

    @Flag(help: "Fetch external links (HEAD, then GET) and report those that fail.")
    var external = false

    @Option(help: "Pages past their review date: warn or ignore.")
    var stale: StalePolicy = .warn


    func run() async throws {
        var options = try site.buildOptions()
        options.warnsOnOverdueReviews = stale == .warn
        let report = await SiteCheck.run(options: options, fetchExternal: external)
        let output: String
        switch format {
        case .text: output = report.text()
        case .json: output = report.json()
        case .github: output = report.github()
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        let status = report.exitStatus(strict: strict)
        if status != 0 { throw ExitCode(status) }
    }
}
