/// Every distinct sidebar of the site, rendered once through the theme's `sidebar` template.
///
/// Pages of one section share a depth (so the same relative links) and, per block, the same
/// tree; only the current page differs. It is marked by adding `aria-current="page"` to the
/// link whose `href` is the page's own, which is how the default `nav-item` template writes it.
struct SidebarCache: Sendable {
    struct Key: Hashable, Sendable {
        var section: String
        /// nil: the section's own page (one level shallower than its pages).
        var block: Int?

        /// A URL standing for every page of the section: links from any of them are the same.
        var base: String {
            let folder = section.isEmpty ? "" : section + "/"
            return block == nil ? folder : folder + "_/"
        }
    }

    /// A rendered sidebar split around each page link, so marking the current page is two
    /// appends rather than a search through the text.
    struct Rendered: Sendable {
        var html: String
        /// `href` (as written in the HTML) → UTF-8 offset just after `href="…"` of its first link.
        var insertionPoints: [String: Int]
    }

    private let rendered: [Key: Rendered]

    init(keys: Set<Key>, theme: Theme, context: TemplateContext) async {
        let list = Array(keys)
        let html = await list.concurrentMap { key -> String in
            return theme.render("sidebar", context.sidebarContext(section: key.section, block: key.block, base: key.base))
        }.map(SidebarCache.index)
        rendered = Dictionary(uniqueKeysWithValues: zip(list, html))
    }

    func html(_ key: Key, currentHref: String?) -> String {
        guard let entry = rendered[key] else { return "" }
        guard let currentHref, let offset = entry.insertionPoints[currentHref.htmlAttributeEscaped] else { return entry.html }
        let utf8 = entry.html.utf8
        let split = utf8.index(utf8.startIndex, offsetBy: offset)
        return String(entry.html[..<split]) + " aria-current=\"page\"" + String(entry.html[split...])
    }

    /// Finds every `<a href="…">` whose `>` follows the quote directly (the page links).
    static func index(_ html: String) -> Rendered {
        var points: [String: Int] = [:]
        let bytes = Array(html.utf8)
        let marker = Array("<a href=\"".utf8)
        var index = 0
        while index + marker.count < bytes.count {
            guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            let start = index + marker.count
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            if end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: ">") {
                let href = String(decoding: bytes[start..<end], as: UTF8.self)
                if points[href] == nil { points[href] = end + 1 }
            }
            index = end
        }
        return Rendered(html: html, insertionPoints: points)
    }
}

extension String {
    /// Escapes like Mustache's `{{value}}` does, so a string can be found in rendered output.
    var htmlAttributeEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
