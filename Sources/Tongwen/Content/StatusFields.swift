/// The front matter only project-status files have.
public struct StatusFields: Sendable, Hashable {
    public var status: ProjectStatus?
    public var progress: Int?
    public var milestones: [Milestone] = []

    public init(status: ProjectStatus? = nil, progress: Int? = nil, milestones: [Milestone] = []) {
        self.status = status
        self.progress = progress
        self.milestones = milestones
    }
}
