import Foundation

/// Turns link destinations written against source files into relative output URLs.
///
/// `guide.md#setup`, `../faq/vpn.md`, `/docs/arch.md` and `images/net.png` are all written as the
/// writer sees the `content/` folder; the output moves pages into folders of their own, so every
/// internal link is rewritten relative to the page that holds it.
struct LinkResolver: Sendable {
    let permalinks: Permalinks

    func resolve(_ destination: String, from page: Page) -> LinkResolution {
        // A bare `#` is "top of this page": nothing to check.
        if destination.isEmpty || destination == "#" || LinkResolver.isExternal(destination) { return .external }
        if destination.hasPrefix("#") {
            return .samePage(fragment: LinkResolver.decode(String(destination.dropFirst())))
        }
        // Split `path?query#fragment`; the query and fragment ride along unchanged.
        var path = Substring(destination)
        var fragmentPart: Substring = ""
        var queryPart: Substring = ""
        if let hash = path.firstIndex(of: "#") {
            fragmentPart = path[hash...]
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") {
            queryPart = path[question...]
            path = path[..<question]
        }
        let suffix = queryPart.isEmpty && fragmentPart.isEmpty ? "" : String(queryPart) + String(fragmentPart)
        let fragment = fragmentPart.isEmpty ? nil : LinkResolver.decode(String(fragmentPart.dropFirst()))
        let decoded = LinkResolver.decode(String(path))
        let base: String
        if decoded.hasPrefix("/") {
            base = decoded
        } else {
            // The page's folder: its source path up to the last `/` (none for the content root).
            let source = page.sourcePath.utf8
            let folder = source.lastIndex(of: UInt8(ascii: "/")).map { String(page.sourcePath[..<$0]) } ?? ""
            base = folder + "/" + decoded
        }
        guard let target = Permalinks.normalize(base) else {
            return .missing("link '\(destination)' points outside the content folder")
        }
        if decoded.hasSuffix(".md") {
            guard let url = permalinks.urlBySource[target] else {
                return .missing("link to missing page '\(destination)'")
            }
            return .rewritten(Permalinks.relativeURL(from: page.urlPath, to: url) + suffix, targetSource: fragment == nil ? nil : target, fragment: fragment)
        }
        if permalinks.assets.contains(target) {
            return .rewritten(Permalinks.relativeURL(from: page.urlPath, to: target) + suffix, targetSource: nil, fragment: nil)
        }
        if let url = permalinks.sectionURLs[target] {
            return .rewritten(Permalinks.relativeURL(from: page.urlPath, to: url) + suffix, targetSource: nil, fragment: nil)
        }
        if permalinks.claims[target] != nil || permalinks.claims[target + "/index.html"] != nil {
            // A generated output (a page's URL written directly, a redirect): already a site path.
            let url = permalinks.claims[target] != nil ? target : target + "/"
            return .rewritten(Permalinks.relativeURL(from: page.urlPath, to: url) + suffix, targetSource: nil, fragment: nil)
        }
        return .missing("link to missing file '\(destination)'")
    }

    /// `./` for an empty relative URL (a link from the home page to itself).
    static func href(_ relative: String) -> String { relative.isEmpty ? "./" : relative }

    /// `//host…`, or a URL scheme (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`) before a `:`.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy { byte in
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    static func decode(_ text: String) -> String {
        // Most links have no escapes; Foundation's decoder bridges through NSString either way.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }
}
