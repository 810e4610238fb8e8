import HTMLKit

/// One page as the search index sees it (Pagefind's "fossick" step): extracted from the rendered
/// page after glossary linking.
struct SearchDocument: Sendable {
    /// Site-relative URL (`docs/network/vpn/`).
    var url: String
    var title: String
    var description: String
    /// Title of the page's top-level section, and its folder (the filter key).
    var section: String
    var sectionPath: String
    var kind: String
    var tags: [String]
    /// Glossary term ids the page uses (under any of their names).
    var terms: [String]
    var blocks: [TextBlock]
}
