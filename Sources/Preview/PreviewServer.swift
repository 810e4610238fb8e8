import FlyingFox
import FlyingSocks
import Foundation
import Tongwen

/// `tongwen serve`: builds, serves over HTTP (loopback by default), watches `content/`,
/// `templates/` and `tongwen.yml`, rebuilds on every change and reloads open pages.
public struct PreviewServer: Sendable {
    public let site: PreviewSite
    public let siteDirectory: String
    public let host: String
    public let port: UInt16

    public init(options: BuildOptions, host: String, port: UInt16) {
        site = PreviewSite(options: options)
        siteDirectory = URL(fileURLWithPath: options.siteDirectory).standardizedFileURL.path
        self.host = host
        self.port = port
    }

    /// Removes the temporary output (from a signal handler: no awaiting).
    public func removeOutput() {
        try? FileManager.default.removeItem(atPath: (site.outputDirectory as NSString).deletingLastPathComponent)
    }

    /// Runs until cancelled. `ready` gets the URL once the server listens; `built` each build's result.
    public func run(ready: @escaping @Sendable (String) -> Void,
                    built: @escaping @Sendable (_ diagnostics: [Diagnostic], _ seconds: Double, _ failed: Bool, _ changed: Set<String>, _ incremental: Bool) -> Void) async throws {
        let first = await site.rebuild()
        built(first.diagnostics, first.seconds, first.failed, [], false)
        let address = try sockaddr_in.inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
        let server = HTTPServer(address: address, timeout: 60)
        // Routes match in order: the live-reload socket first, then every other request.
        await server.appendRoute(HTTPRoute("GET \(PreviewHandler.livePath)"), to: WebSocketHTTPHandler.webSocket(LiveReloadSocket(broadcaster: site.broadcaster)))
        await server.appendRoute(HTTPRoute("*"), to: PreviewHandler(site: site))
        let watcher = try FileWatcher(roots: [siteDirectory + "/content", siteDirectory + "/templates", siteDirectory + "/tongwen.yml"])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                let listening = await server.listeningAddress
                var actual = port
                if case .ip4(_, let bound)? = listening { actual = bound }
                if case .ip6(_, let bound)? = listening { actual = bound }
                ready("http://\(host):\(actual)/")
                for await changes in watcher.changes() {
                    let relevant = changes.filter { $0.hasPrefix(siteDirectory + "/content") || $0.hasPrefix(siteDirectory + "/templates") || $0 == siteDirectory + "/tongwen.yml" }
                    guard !relevant.isEmpty else { continue }
                    let result = await site.rebuild(changed: relevant)
                    built(result.diagnostics, result.seconds, result.failed, relevant, result.incremental)
                }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
        await site.cleanUp()
    }
}
