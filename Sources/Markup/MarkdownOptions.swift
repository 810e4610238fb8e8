/// How Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML through instead of replacing it with a comment.
    public var unsafeHTML: Bool

    public init(unsafeHTML: Bool = false) {
        self.unsafeHTML = unsafeHTML
    }
}
