/// What a page is, which decides how it is shown. Comes from the top folder or a `kind:` key.
public enum ContentKind: String, Sendable, Hashable, CaseIterable {
    case doc
    case manual
    case faq
    case status
    case glossary
    case requirement

    /// The kind implied by a page's top-level folder; anything else is an ordinary doc.
    init(topFolder: String) {
        switch topFolder {
        case "manuals": self = .manual
        case "faq": self = .faq
        case "status": self = .status
        case "glossary": self = .glossary
        case "requirements": self = .requirement
        default: self = .doc
        }
    }

    /// Accepts the singular, the folder name, and a few obvious synonyms.
    init?(key: String) {
        switch key.lowercased() {
        case "doc", "docs": self = .doc
        case "manual", "manuals": self = .manual
        case "faq", "faqs": self = .faq
        case "status": self = .status
        case "glossary", "term": self = .glossary
        case "requirement", "requirements": self = .requirement
        default: return nil
        }
    }
}
