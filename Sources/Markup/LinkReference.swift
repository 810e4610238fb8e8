/// A link or image destination as written in the Markdown, with where it was written.
public struct LinkReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case link, image }

    public var destination: String
    public var kind: Kind
    public var position: SourcePosition

    public init(destination: String, kind: Kind, position: SourcePosition) {
        self.destination = destination
        self.kind = kind
        self.position = position
    }
}
