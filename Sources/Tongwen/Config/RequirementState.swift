/// One column of the requirement board: a `state` value of `content/requirements/*.md` and its
/// label (from `tongwen.yml`, else the theme's UI strings).
public struct RequirementState: Sendable, Hashable {
    public var id: String
    /// nil: the UI strings' `state.ID`, or the id itself.
    public var label: String?

    public init(id: String, label: String? = nil) {
        self.id = id
        self.label = label
    }

    /// submitted → evaluating → scheduled → in-progress → delivered, or rejected.
    public static let defaults = ["submitted", "evaluating", "scheduled", "in-progress", "delivered", "rejected"]
        .map { RequirementState(id: $0) }
}
