/// What a text node is replaced with when rewriting: plain text, or an element wrapping text.
public enum TextPiece: Sendable, Hashable {
    case text(String)
    /// An element (e.g. `a`) with attributes in the given order and plain text inside.
    case element(name: String, attributes: [Attribute], text: String)
    /// Plain text inside tags made beforehand: the same output as the `.element` they were made
    /// from, spliced in when the fragment is serialised (see `HTMLFragment.html()`).
    case wrapped(ElementMarkup, text: String)

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}
