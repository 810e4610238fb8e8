import FlyingFox
import Foundation
import Tongwen

/// Serves the preview: files of the build output only (no `..`, nothing outside the folder), with
/// UTF-8 content types, a live-reload script in every HTML page, and the build's errors instead
/// of any page while the last build failed.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    static let livePath = "/_tongwen/live"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else { return HTTPResponse(statusCode: .methodNotAllowed) }
        // The path as sent (FlyingFox's `path` is standardised: no trailing slash, `..` resolved).
        let raw = request.target.path()
        guard let relative = PreviewHandler.relativePath(raw) else {
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("403 forbidden\n".utf8))
        }
        let root = site.outputDirectory
        var file = root + "/" + relative
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            // A folder without its trailing slash: redirect, so the page's relative links resolve.
            if !raw.hasSuffix("/") {
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: raw + "/"]))
            }
            file += "/index.html"
        } else if raw.hasSuffix("/") {
            // A folder that is not there (yet: a first build that failed writes nothing) is
            // still a page, so a failed build's errors are shown for it.
            file += file.hasSuffix("/") ? "index.html" : "/index.html"
        }
        let type = PreviewHandler.contentType(of: file)
        if type.hasPrefix("text/html"), let failure = await site.failure {
            return PreviewHandler.html(PreviewHandler.errorPage(failure), status: .internalServerError)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            let notFound = FileManager.default.contents(atPath: root + "/404.html").map { String(decoding: $0, as: UTF8.self) } ?? "<h1>404</h1>"
            return PreviewHandler.html(notFound, status: .notFound)
        }
        if type.hasPrefix("text/html") { return PreviewHandler.html(String(decoding: data, as: UTF8.self), status: .ok) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: data)
    }

    /// The request path as a path under the output folder, or nil when it would leave it.
    static func relativePath(_ path: String) -> String? {
        let decoded = path.removingPercentEncoding ?? path
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.contains("\\") || part.contains("\0") { return nil }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    static func contentType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "xml": file.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "gz": "application/gzip"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// An HTML response with the live-reload script before `</body>`.
    static func html(_ page: String, status: HTTPStatusCode) -> HTTPResponse {
        var page = page
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: liveReloadScript, at: end.lowerBound)
        } else {
            page += liveReloadScript
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                            body: Data(page.utf8))
    }

    /// Reloads on `reload`; when the server goes away, retries every second and reloads once back.
    static let liveReloadScript = """
        <script>(() => {
          let lost = false;
          const connect = () => {
            const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(livePath)");
            socket.onopen = () => { if (lost) location.reload(); };
            socket.onmessage = (event) => { if (event.data === "reload") location.reload(); };
            socket.onclose = () => { lost = true; setTimeout(connect, 1000); };
          };
          connect();
        })();</script>

        """

    static func errorPage(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { "<li><code>\(escape($0.description))</code></li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Build failed · Tongwen</title>
            <style>body{font:16px/1.6 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
            h1{color:#cf222e}ul{padding:0;list-style:none}li{background:#fff1f0;border-left:4px solid #cf222e;padding:.5rem .8rem;margin:.5rem 0}
            code{white-space:pre-wrap;word-break:break-word}</style></head>
            <body data-tongwen-build-failed>
            <h1>Build failed 构建失败</h1>
            <p>Fix the content and save: this page reloads when the site builds again.</p>
            <ul>
            \(items)
            </ul>
            </body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
