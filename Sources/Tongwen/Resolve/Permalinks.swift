/// Where every source goes in the output: the map links are resolved against.
public struct Permalinks: Sendable {
    /// `docs/network/vpn.md` → `docs/network/vpn/`.
    public private(set) var urlBySource: [String: String] = [:]
    /// Output file (`docs/network/vpn/index.html`) → the source that claimed it, for collision reports.
    public private(set) var claims: [String: String] = [:]
    /// Asset output paths that exist (`docs/network/vpn.png`).
    public private(set) var assets: Set<String> = []
    /// Section folder (`docs/network`) → its URL (`docs/network/`).
    public private(set) var sectionURLs: [String: String] = [:]

    public init() {}

    /// Claims `file` (an output path) for `source`; returns the earlier claimant when taken.
    mutating func claim(_ file: String, for source: String) -> String? {
        if let previous = claims[file] { return previous }
        claims[file] = source
        return nil
    }

    mutating func addPage(source: String, url: String) { urlBySource[source] = url }
    mutating func addAsset(_ path: String) { assets.insert(path) }
    mutating func addSection(path: String) { sectionURLs[path] = path.isEmpty ? "" : path + "/" }

    /// The output file of a page URL: `docs/vpn/` → `docs/vpn/index.html`, `` → `index.html`.
    public static func outputFile(for urlPath: String) -> String { urlPath + "index.html" }

    /// Relative path from a page's URL to the site root: `docs/vpn/` → `../../`.
    public static func rootPrefix(for urlPath: String) -> String {
        String(repeating: "../", count: depth(of: urlPath))
    }

    /// Folders between a page URL and the root: `docs/vpn/` → 2.
    public static func depth(of urlPath: String) -> Int {
        urlPath.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
    }

    /// The shortest relative URL from the page at `from` to the site path `to` (both relative to
    /// the site root, folders ending in `/`): `docs/a/p/` → `docs/a/q/` is `../q/`.
    /// The site path `to` is escaped as a URL path (`urlEscaped`) unless `escaping` is false.
    public static func relativeURL(from: String, to: String, escaping: Bool = true) -> String {
        // Bytes, not Substrings: this runs for every link of every page.
        var from = from, to = to
        return from.withUTF8 { base in
            to.withUTF8 { target in
                let slash = UInt8(ascii: "/")
                // Length of the common prefix made of whole folders (ending at a '/').
                var shared = 0
                var index = 0
                while index < base.count, index < target.count, base[index] == target[index] {
                    if base[index] == slash { shared = index + 1 }
                    index += 1
                }
                var ups = 0
                for byte in base[shared...] where byte == slash { ups += 1 }
                var result = [UInt8]()
                result.reserveCapacity(ups * 3 + target.count - shared)
                for _ in 0..<ups { result.append(contentsOf: [0x2E, 0x2E, slash]) }
                if escaping {
                    Permalinks.appendEscaped(target[shared...], to: &result)
                } else {
                    result.append(contentsOf: target[shared...])
                }
                return result.isEmpty ? "./" : String(decoding: result, as: UTF8.self)
            }
        }
    }

    /// A site path as a URL path: `?`, `#` and `%`, which would start a query, a fragment or an
    /// escape, and spaces, which no URL may hold, percent-encoded. A file may be called
    /// `what?.md` or `C#.md`; its page is still at `what?/` in the output, linked as `what%3F/`.
    /// Everything else (Chinese included) is written as it is, as browsers and static servers
    /// expect, and as libxml2 writes the links in page bodies.
    public static func urlEscaped(_ path: String) -> String {
        guard path.utf8.contains(where: needsEscape) else { return path }
        var result: [UInt8] = []
        result.reserveCapacity(path.utf8.count + 6)
        appendEscaped(path.utf8, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// `root` (`../../`) followed by the escaped site path; `./` when both are empty (the home
    /// page linking to itself).
    static func href(root: String, to path: String) -> String {
        let href = root + urlEscaped(path)
        return href.isEmpty ? "./" : href
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: " ")
    }

    private static func appendEscaped<Bytes: Collection<UInt8>>(_ bytes: Bytes, to result: inout [UInt8]) {
        guard bytes.contains(where: needsEscape) else { result.append(contentsOf: bytes); return }
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if needsEscape(byte) {
                result.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            } else {
                result.append(byte)
            }
        }
    }

    /// A link written on the page at `from` (`../q/#x`), as it must be written on the page at
    /// `to`, or as an absolute URL (`absoluteBase` + site path) when `to` is nil. Page URLs are
    /// folders (`faq/a/`, or `""` for home). Links with a scheme (`https:`, `mailto:`) and
    /// absolute paths need no change: nil.
    static func rebase(_ href: String, from: String, to: String?, absoluteBase: String = "") -> String? {
        let beforeSlash = href.prefix { $0 != "/" && $0 != "#" && $0 != "?" }
        guard !href.isEmpty, !href.hasPrefix("/"), !beforeSlash.contains(":") else { return nil }
        let mark = href.firstIndex { $0 == "#" || $0 == "?" } ?? href.endIndex
        let path = String(href[..<mark]), suffix = String(href[mark...])
        // The written link is escaped (`what%3F/`), so the pages' paths are escaped to match.
        guard var target = normalize(urlEscaped(from) + path) else { return nil }
        // A folder stays a folder; `#x` alone points into the page itself.
        if (path.isEmpty || path.hasSuffix("/")), !target.isEmpty { target += "/" }
        guard let to else { return absoluteBase + target + suffix }
        let relative = relativeURL(from: urlEscaped(to), to: target, escaping: false)
        return (relative == "./" && !suffix.isEmpty ? "" : relative) + suffix
    }

    /// The URL of a Markdown source, honouring `slug` (which replaces the file's own name).
    /// Returns nil and a reason when the slug could escape its folder or is not a usable name.
    static func url(forSource source: String, slug: String?, isSectionIndex: Bool) -> Result<String, SlugError> {
        var components = source.split(separator: "/").map(String.init)
        let file = components.removeLast()
        let folder = components.joined(separator: "/")
        if isSectionIndex {
            return .success(folder.isEmpty ? "" : folder + "/")
        }
        var name = String(file.dropLast(3))
        if let slug {
            if let problem = SlugError.check(slug) { return .failure(problem) }
            name = slug
        }
        return .success((folder.isEmpty ? "" : folder + "/") + name + "/")
    }

    /// Normalises a site-relative path (`a/./b/../c` → `a/c`); nil when it climbs above the root.
    static func normalize(_ path: String) -> String? {
        // On UTF-8 bytes: `/`, `.` are ASCII, and link checking and re-basing call this for
        // every link of every page.
        let utf8 = path.utf8
        var stack: [Range<String.Index>] = []
        var start = utf8.startIndex
        var index = start
        func take(_ part: Range<String.Index>) -> Bool {
            let length = utf8.distance(from: part.lowerBound, to: part.upperBound)
            if length == 0 || (length == 1 && utf8[part.lowerBound] == 0x2E) { return true }
            if length == 2, utf8[part.lowerBound] == 0x2E, utf8[utf8.index(after: part.lowerBound)] == 0x2E {
                if stack.isEmpty { return false }
                stack.removeLast()
                return true
            }
            stack.append(part)
            return true
        }
        while index < utf8.endIndex {
            if utf8[index] == 0x2F {
                guard take(start..<index) else { return nil }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        guard take(start..<utf8.endIndex) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        for (number, part) in stack.enumerated() {
            if number > 0 { result.append(0x2F) }
            result.append(contentsOf: utf8[part])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The output file a `redirect_from` entry writes, or nil when it would leave the output folder.
    /// `/old/vpn.html` → `old/vpn.html`; `old/vpn/` and `old/vpn` → `old/vpn/index.html`.
    static func redirectFile(for entry: String) -> String? {
        var path = entry
        if let scheme = path.range(of: "://") {
            // A full URL: only its path matters.
            let rest = path[scheme.upperBound...]
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        guard !path.contains("\\"), !path.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return nil }
        // Every `..` is refused, even one that would stay inside: an old URL never needs one.
        if path.split(separator: "/").contains("..") { return nil }
        guard let clean = normalize(path), !clean.isEmpty else { return nil }
        if clean.hasSuffix(".html") || clean.hasSuffix(".htm") { return clean }
        return clean + "/index.html"
    }
}
