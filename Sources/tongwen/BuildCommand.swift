import ArgumentParser
import Foundation
import Tongwen

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site in SITE_DIR (content/ → public/).",
        discussion: """
            Exit status: 0 when the site was built, 1 when the content has errors (or warnings with \
            --strict), 2 on a usage error. A failed build leaves the previous output untouched.
            """)

    @OptionGroup var site: SiteArguments

    @Option(name: .shortAndLong, help: "Output folder (default: SITE_DIR/public).", completion: .directory)
    var output: String?

    @Option(name: .customLong("base-url"), help: "Where the site will be published, e.g. https://intranet.example/kb/.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors (for CI).")
    var strict = false

    @Option(help: "Pages past their review date: warn (one warning each) or ignore. The build date is $SOURCE_DATE_EPOCH when set.")
    var stale: StalePolicy = .warn

    @Flag(name: .shortAndLong, help: "Print only diagnostics.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each stage's time.")
    var verbose = false


    func run() async throws {
        var options = try site.buildOptions()
        options.outputDirectory = output
        options.baseURL = baseURL
        options.strict = strict
        options.warnsOnOverdueReviews = stale == .warn
        let terminal = Terminal()
        if !quiet { options.progress = { terminal.show($0, verbose: verbose) } }
        do {
            let (report, state) = try await SiteBuilder(options: options).buildKeepingState()
            terminal.printDiagnostics(report.diagnostics)
            if !quiet {
                let warnings = report.warnings == 1 ? "1 warning" : "\(report.warnings) warnings"
                terminal.line(String(format: "Built %d pages, %d assets, %@ in %.2f s → %@",
                                     report.pages, report.assets, warnings, report.seconds,
                                     Terminal.relative(report.outputDirectory)))
            }
            // The process ends here, with the site model still alive: the system takes its memory
            // back at once, where freeing it object by object took 0.1–0.2 s on 10,000 pages.
            // Everything is on disk and the terminal is written unbuffered.
            withExtendedLifetime(state) { Foundation.exit(0) }
        } catch {
            terminal.printDiagnostics(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            let warnings = error.diagnostics.filter { $0.severity == .warning }.count
            terminal.line("Build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(strict && errors == 0 ? " (--strict)" : ""); the previous output was left as it was.")
            throw ExitCode.failure
        }
    }
}
