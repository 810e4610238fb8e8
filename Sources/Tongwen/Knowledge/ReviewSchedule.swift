/// Review dates: `reviewed` (else `updated`) plus `review_every` from the page, else the nearest
/// section `_index.md` that sets it, else `tongwen.yml`. Pages without a date or an interval
/// have no review date.
enum ReviewSchedule {
    static func states(pages: [Page], outline: SiteOutline, config: SiteConfig, today: Day) -> [String: ReviewState] {
        let byPath = Dictionary(pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        func sectionInterval(_ path: String) -> DayInterval? {
            for section in outline.ancestry(of: path).reversed() {
                if let index = section.indexPage, let interval = byPath[index]?.frontMatter.reviewEvery { return interval }
            }
            return nil
        }
        var cache: [String: DayInterval?] = [:]
        var states: [String: ReviewState] = [:]
        for page in pages where !page.isSectionIndex {
            let matter = page.frontMatter
            guard let reviewed = matter.reviewed ?? matter.updated else { continue }
            let inherited: DayInterval?
            if let cached = cache[page.sectionPath] { inherited = cached } else {
                inherited = sectionInterval(page.sectionPath)
                cache[page.sectionPath] = inherited
            }
            guard let interval = matter.reviewEvery ?? inherited ?? config.reviewEvery else { continue }
            let due = reviewed.adding(days: interval.days)
            states[page.sourcePath] = ReviewState(source: page.sourcePath, reviewed: reviewed, interval: interval,
                                                  due: due, overdueDays: due.days(until: today))
        }
        return states
    }

    /// One warning per overdue page, at its `reviewed` (or `updated`) line.
    static func warnings(_ states: [String: ReviewState], pages: [String: Page]) -> [Diagnostic] {
        states.values.filter(\.isOverdue).compactMap { state in
            guard let page = pages[state.source] else { return nil }
            let key = page.frontMatter.reviewed != nil ? "reviewed" : "updated"
            let owner = page.frontMatter.owner.map { ", owner \($0)" } ?? ""
            return .warning("review.overdue",
                            "review overdue by \(state.overdueDays) day\(state.overdueDays == 1 ? "" : "s"): due \(state.due) (\(key) \(state.reviewed), every \(state.interval)\(owner))",
                            path: page.displayPath, line: page.frontMatter.lines[key] ?? 1, column: page.frontMatter.columns[key] ?? 1)
        }.sorted()
    }
}
