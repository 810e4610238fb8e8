/// A whole HTML page read for checking: its links and ids, through the same libxml2 parser.
public struct HTMLDocumentSummary: Sendable, Hashable {
    public var links: [String]
    public var ids: [String]

    /// Parses a complete page (`<!DOCTYPE html><html>…`).
    public init(page html: String) {
        // libxml2 repairs a nested <html> inside <body> by merging it, so a whole page parses as a fragment.
        let fragment = HTMLFragment(html)
        links = fragment.links()
        ids = fragment.ids()
    }
}
