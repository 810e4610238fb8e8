/// `glossary.link` in `tongwen.yml`: which occurrences of a term become links.
public enum GlossaryLinkPolicy: String, Sendable, Hashable, CaseIterable {
    /// The first occurrence of each term on a page (the default: links, not a sea of blue).
    case first
    case all
    /// No linking at all (term pages and the index are still built).
    case none
}
