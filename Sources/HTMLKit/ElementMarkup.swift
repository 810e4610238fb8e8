import CLibXML2

/// An element's start and end tags exactly as libxml2 serialises them, made once and reused:
/// text wrapped in it (`TextPiece.wrapped`) costs libxml2 no element, no attributes and no
/// escaping of them on every page, which linking hundreds of glossary terms per page did.
///
/// A class: one tag is shared by every link to a term from pages of a depth, across the build's
/// tasks, and copying it is then one reference count, not one per string.
public final class ElementMarkup: Sendable, Hashable {
    public let name: String
    public let attributes: [TextPiece.Attribute]
    public let start: String
    public let end: String

    /// The tags of `<name attributes…>`, serialised by libxml2 as `HTMLFragment.html()` would.
    public init(name: String, attributes: [TextPiece.Attribute]) {
        self.name = name
        self.attributes = attributes
        let marker: Character = "\u{E000}"
        let html = HTMLFragment("").serialisedElement(name: name, attributes: attributes, text: String(marker))
        if let at = html.firstIndex(of: marker) {
            start = String(html[..<at])
            end = String(html[html.index(after: at)...])
        } else {
            start = html
            end = ""
        }
    }

    public static func == (a: ElementMarkup, b: ElementMarkup) -> Bool {
        a === b || (a.name == b.name && a.attributes == b.attributes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(attributes)
    }
}
