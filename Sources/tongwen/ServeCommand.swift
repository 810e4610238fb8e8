import ArgumentParser
import Foundation
import Preview
import Tongwen

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build, serve over HTTP, rebuild on every save and reload open pages.",
        discussion: """
            Builds into a private temporary folder (public/ is not touched), serves it on \
            127.0.0.1 by default, watches content/, templates/ and tongwen.yml through inotify, and \
            reloads open browser tabs after each build. A build error shows in the browser until \
            it is fixed; the server keeps running. --port 0 picks a free port.
            """)

    @OptionGroup var site: SiteArguments

    @Option(name: .shortAndLong, help: "Port to listen on (0: any free port).")
    var port: UInt16 = 8080

    @Option(help: "Address to listen on; 0.0.0.0 makes the preview reachable from other machines.")
    var host: String = "127.0.0.1"


    func run() async throws {
        let options = try site.buildOptions()
        let server = PreviewServer(options: options, host: host, port: port)
        let terminal = Terminal()
        // Ctrl-C and `kill`: remove the temporary output, then exit.
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler {
                server.removeOutput()
                Foundation.exit(0)
            }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }
        try await server.run(ready: { url in
            terminal.line("Serving \(Terminal.relative(server.siteDirectory)) at \(url) (Ctrl-C to stop)")
        }, built: { diagnostics, seconds, failed, changed, incremental in
            // After an edit, only what changed is printed again: the rest was shown already.
            terminal.printDiagnostics(changed.isEmpty || !incremental ? diagnostics : diagnostics.filter { $0.severity == .error })
            let count = "\(changed.count) change\(changed.count == 1 ? "" : "s")"
            let what = changed.isEmpty ? "Built" : incremental ? "Updated after \(count)" : "Rebuilt after \(count)"
            terminal.line(failed ? "\(what): build failed, the browser shows the errors" : String(format: "%@ in %.2f s", what, seconds))
        })
    }
}
