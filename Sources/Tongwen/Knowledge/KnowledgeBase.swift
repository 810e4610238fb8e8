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

    /// Pages Tongwen generates, which no content may claim.
    static let contactsURL = "contacts/"
    static let reviewQueueURL = "review/"
    static let tagsURL = "tags/"

    init(pages: [String: Page], outline: SiteOutline, config: SiteConfig, today: Day) {
        self.today = today
        let list = pages.values.sorted { $0.sourcePath < $1.sourcePath }
        reviews = ReviewSchedule.states(pages: list.filter { !$0.isSectionIndex }, outline: outline, config: config, today: today)
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
