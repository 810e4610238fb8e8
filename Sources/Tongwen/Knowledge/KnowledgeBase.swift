import Foundation

/// What the knowledge-base pages are made of, worked out once per build from the pages, the
/// outline and the build date: review dates, tags, contacts, and the FAQ hub, status dashboard
/// and requirement board of the top-level `faq`, `status` and `requirements` sections.
struct KnowledgeBase: Sendable {
    /// The build date (`SOURCE_DATE_EPOCH` when set): what "overdue" and "stale" are measured from.
    var today: Day
    var reviews: [String: ReviewState]
    var tags: TagIndex
    var contacts: ContactDirectory
    var faqHub: FAQHub?
    var statusDashboard: StatusDashboard?
    var requirementBoard: RequirementBoard?
    /// Each page's date for feeds and the sitemap: `updated`, else `reviewed`, else the file's
    /// modification day (never later than the build date, so `SOURCE_DATE_EPOCH` builds repeat).
    var changed: [String: Day]

    /// Pages Tongwen generates, which no content may claim.
    static let contactsURL = "contacts/"
    static let reviewQueueURL = "review/"
    static let tagsURL = "tags/"

    init(pages: [String: Page], outline: SiteOutline, config: SiteConfig, today: Day, fileDates: [String: Day] = [:]) {
        self.today = today
        var changed: [String: Day] = [:]
        for page in pages.values {
            if let day = page.frontMatter.updated ?? page.frontMatter.reviewed ?? fileDates[page.sourcePath].map({ min($0, today) }) {
                changed[page.sourcePath] = day
            }
        }
        self.changed = changed
        let list = pages.values.sorted { $0.sourcePath < $1.sourcePath }
        reviews = ReviewSchedule.states(pages: list, outline: outline, config: config, today: today)
        tags = TagIndex(pages: list)
        contacts = ContactDirectory(outline: outline, pages: pages)
        faqHub = outline.sections["faq"].map { FAQHub(section: $0, outline: outline, pages: pages, config: config) }
        statusDashboard = outline.sections["status"].map { StatusDashboard(section: $0, outline: outline, pages: pages, config: config, today: today) }
        requirementBoard = outline.sections["requirements"].map { RequirementBoard(section: $0, outline: outline, pages: pages, config: config) }
    }

    /// Overdue pages, most overdue first.
    var overdueReviews: [ReviewState] {
        reviews.values.filter(\.isOverdue).sorted { ($1.overdueDays, $0.source) < ($0.overdueDays, $1.source) }
    }

    /// Modification days of the pages that give no date of their own (read only for those).
    static func fileDates(pages: [Page], contentDirectory: String) -> [String: Day] {
        var dates: [String: Day] = [:]
        for page in pages where page.frontMatter.updated == nil && page.frontMatter.reviewed == nil {
            let attributes = try? FileManager.default.attributesOfItem(atPath: contentDirectory + "/" + page.sourcePath)
            if let modified = attributes?[.modificationDate] as? Date {
                dates[page.sourcePath] = Day(unixTime: Int(modified.timeIntervalSince1970))
            }
        }
        return dates
    }

    /// Content that claims a URL of a generated page.
    static func collisions(pages: [Page]) -> [Diagnostic] {
        let reserved = [contactsURL: "the contacts directory", reviewQueueURL: "the review queue", tagsURL: "the tag index"]
        return pages.compactMap { page in
            let top = page.urlPath.split(separator: "/").first.map { String($0) + "/" } ?? ""
            guard let what = reserved[top], page.urlPath == top || top == tagsURL else { return nil }
            return .error("url.reserved", "'\(page.urlPath)' is where Tongwen writes \(what): move or rename this page", path: page.displayPath)
        }
    }
}
