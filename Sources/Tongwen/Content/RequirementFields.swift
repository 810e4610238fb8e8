/// The front matter of a requirement-pool entry (`content/requirements/*.md`). `state` is checked
/// against the configured states once the config is known (`RequirementBoard`).
public struct RequirementFields: Sendable, Hashable {
    public var state: String?
    public var priority: String?
    /// The requesting department.
    public var requester: String?
    public var submitted: Day?
    public var target: Day?

    public init() {}
}
