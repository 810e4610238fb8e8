/// The requirement pool board: one column per configured state, entries by priority (configured
/// order, then by name), then submission date; plus the departments and priorities to filter by.
struct RequirementBoard: Sendable {
    struct Column: Sendable {
        var state: RequirementState
        var entries: [String]
    }

    var columns: [Column]
    var departments: [String]
    var priorities: [String]

    init(section: Section, outline: SiteOutline, pages: [String: Page], config: SiteConfig) {
        let entries = FAQHub.entries(of: section, outline: outline).compactMap { pages[$0] }.filter { $0.kind == .requirement }
        let priorityRank = Dictionary(config.requirementPriorities.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func before(_ lhs: Page, _ rhs: Page) -> Bool {
            let left = lhs.frontMatter.requirement, right = rhs.frontMatter.requirement
            let lp = left?.priority ?? "", rp = right?.priority ?? ""
            let lr = priorityRank[lp] ?? Int.max, rr = priorityRank[rp] ?? Int.max
            if lr != rr { return lr < rr }
            if lp != rp { return lp.isEmpty ? false : rp.isEmpty ? true : lp < rp }
            let ld = left?.submitted?.daysSinceEpoch ?? Int.max, rd = right?.submitted?.daysSinceEpoch ?? Int.max
            return ld != rd ? ld < rd : lhs.sourcePath < rhs.sourcePath
        }
        let sorted = entries.sorted(by: before)
        columns = config.requirementStates.map { state in
            Column(state: state, entries: sorted.filter { $0.frontMatter.requirement?.state == state.id }.map(\.sourcePath))
        }
        departments = Array(Set(entries.compactMap { $0.frontMatter.requirement?.requester })).sorted { (TitleCollation.sortKey($0), $0) < (TitleCollation.sortKey($1), $1) }
        let found = Set(entries.compactMap { $0.frontMatter.requirement?.priority })
        priorities = found.sorted { (priorityRank[$0] ?? Int.max, $0) < (priorityRank[$1] ?? Int.max, $1) }
    }

    /// Requirement pages whose `state` is missing or not a configured state.
    static func problems(pages: [Page], config: SiteConfig) -> [Diagnostic] {
        let known = config.requirementStates.map(\.id)
        return pages.filter { $0.kind == .requirement && !$0.isSectionIndex }.compactMap { page in
            guard let state = page.frontMatter.requirement?.state else {
                return .error("frontmatter.state", "requirement has no 'state': use one of \(known.joined(separator: ", "))", path: page.displayPath)
            }
            guard !known.contains(state) else { return nil }
            return .error("frontmatter.state", "unknown state '\(state)': use one of \(known.joined(separator: ", "))",
                          path: page.displayPath, line: page.frontMatter.lines["state"] ?? 1, column: page.frontMatter.columns["state"] ?? 1)
        }
    }
}
