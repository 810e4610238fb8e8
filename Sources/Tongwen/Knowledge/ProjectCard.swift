/// One project on the status dashboard, with what the build date says about it.
struct ProjectCard: Sendable {
    var source: String
    /// The first milestone not done (earliest due date first; undated last).
    var nextMilestone: Milestone?
    /// Milestones past due and not done.
    var overdue: [Milestone]
    /// `updated` is older than `status.stale_after` (days since the update when stale).
    var staleDays: Int?
}
