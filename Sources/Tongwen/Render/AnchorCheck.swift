import Markup

/// A link to `#fragment` on some page, to be checked once every page's ids are known.
struct AnchorCheck: Sendable, Hashable {
    /// Page that holds the link (display path for diagnostics).
    var fromPath: String
    var position: SourcePosition
    /// Source path of the page the fragment must exist on.
    var targetSource: String
    /// Fragment as written, percent-decoded.
    var fragment: String
}
