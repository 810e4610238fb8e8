/// One milestone of a project-status file.
public struct Milestone: Sendable, Hashable {
    public var name: String
    public var due: Day?
    public var done: Bool

    public init(name: String, due: Day?, done: Bool) {
        self.name = name
        self.due = due
        self.done = done
    }
}
