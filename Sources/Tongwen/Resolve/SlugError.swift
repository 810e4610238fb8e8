/// Why a `slug` cannot be used as a file name.
enum SlugError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case separator(String)
    case dotName(String)
    case control(String)

    static func check(_ slug: String) -> SlugError? {
        if slug.isEmpty { return .empty }
        if slug.contains("/") || slug.contains("\\") { return .separator(slug) }
        if slug == "." || slug == ".." || slug.hasPrefix(".") { return .dotName(slug) }
        if slug.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .control(slug) }
        return nil
    }

    var description: String {
        switch self {
        case .empty: "'slug' must not be empty"
        case .separator(let slug): "'slug' must be a single name without '/' (got '\(slug)')"
        case .dotName(let slug): "'slug' must not start with '.' (got '\(slug)')"
        case .control(let slug): "'slug' must not contain control characters (got '\(slug.debugDescription)')"
        }
    }
}
