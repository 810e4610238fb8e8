/// The status dashboard: a card per project of the top-level `status` section, grouped
/// blocked → at-risk → on-track → done (then projects without a status), by title within a group.
struct StatusDashboard: Sendable {
    struct Group: Sendable {
        /// nil: status files without a `status`.
        var status: ProjectStatus?
        var cards: [ProjectCard]
    }

    static let order: [ProjectStatus] = [.blocked, .atRisk, .onTrack, .done]

    var groups: [Group]
    var overdueMilestones: Int
    var staleProjects: Int

    init(section: Section, outline: SiteOutline, pages: [String: Page], config: SiteConfig, today: Day) {
        let projects = FAQHub.entries(of: section, outline: outline).compactMap { pages[$0] }.filter { $0.kind == .status }
        var byStatus: [ProjectStatus?: [ProjectCard]] = [:]
        for page in projects.sorted(by: { ($0.sortKey, $0.sourcePath) < ($1.sortKey, $1.sourcePath) }) {
            let status = page.frontMatter.status
            byStatus[status?.status, default: []].append(StatusDashboard.card(page, today: today, staleAfter: config.statusStaleAfter))
        }
        groups = (StatusDashboard.order.map(Optional.some) + [nil]).compactMap { status in
            byStatus[status].map { Group(status: status, cards: $0) }
        }
        overdueMilestones = groups.reduce(0) { $0 + $1.cards.reduce(0) { $0 + $1.overdue.count } }
        staleProjects = groups.reduce(0) { $0 + $1.cards.filter { $0.staleDays != nil }.count }
    }

    static func card(_ page: Page, today: Day, staleAfter: DayInterval) -> ProjectCard {
        let milestones = page.frontMatter.status?.milestones ?? []
        let open = milestones.filter { !$0.done }
        let next = open.min { lhs, rhs in
            switch (lhs.due, rhs.due) {
            case let (left?, right?): left < right
            case (.some, nil): true
            default: false
            }
        }
        // A finished project is never stale or late.
        let finished = page.frontMatter.status?.status == .done
        let overdue = finished ? [] : open.filter { ($0.due.map { $0 < today }) ?? false }
        var staleDays: Int?
        if !finished, let updated = page.frontMatter.updated, updated.days(until: today) > staleAfter.days {
            staleDays = updated.days(until: today)
        }
        return ProjectCard(source: page.sourcePath, nextMilestone: next, overdue: overdue, staleDays: staleDays)
    }
}
