/// The state of a project in a status file.
public enum ProjectStatus: String, Sendable, Hashable, CaseIterable {
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case blocked
    case done
}
