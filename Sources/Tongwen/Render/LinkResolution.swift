/// What a link destination in Markdown turned out to point at.
enum LinkResolution: Sendable, Hashable {
    /// External, mail, or otherwise not ours: leave it alone.
    case external
    /// Rewritten to a relative URL, maybe with a fragment to check on `targetSource`.
    case rewritten(String, targetSource: String?, fragment: String?)
    /// `#fragment` on the same page.
    case samePage(fragment: String)
    /// Points into the content folder at nothing; the message says what was missing.
    case missing(String)
}
