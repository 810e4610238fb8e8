/// What a text node is replaced with when rewriting: plain text, or an element wrapping text.
public enum TextPiece: Sendable, Hashable {
    case text(String)
    /// An element (e.g. `a`) with attributes in the given order and plain text inside.
    case element(name: String, attributes: [Attribute], text: String)

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}
