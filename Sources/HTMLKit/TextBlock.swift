/// The running text of a fragment between two headings: what search indexes and shows excerpts
/// of. The first block (before any heading) has no heading.
public struct TextBlock: Sendable, Hashable {
    /// The id of the heading that starts the block, or "" for the text before the first heading.
    public var headingID: String
    public var heading: String
    public var text: String

    public init(headingID: String, heading: String, text: String) {
        self.headingID = headingID
        self.heading = heading
        self.text = text
    }
}
