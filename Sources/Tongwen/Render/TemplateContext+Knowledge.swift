import Foundation
import HTMLKit

/// Contexts of the knowledge-base pages: FAQ hub, status dashboard, requirement board (each the
/// page of its top-level section), contacts directory, review queue, tag pages.
extension TemplateContext {
    // MARK: - On content pages

    /// `page.review` (due date, days overdue) and the tags as links, added to `pageInfo`.
    func knowledgeInfo(_ page: Page, into info: inout [String: Any]) {
        let root = page.rootPrefix
        if let review = knowledge.reviews[page.sourcePath] {
            var entry: [String: Any] = ["due": review.due.description, "every": review.interval.description]
            if review.isOverdue {
                entry["overdue"] = true
                entry["overdueDays"] = review.overdueDays
            }
            info["review"] = entry
        }
        // `lastUpdated` shows `updated`, else `reviewed`: the review date is added when both exist.
        if page.frontMatter.updated != nil, let reviewed = page.frontMatter.reviewed { info["reviewedDate"] = reviewed.description }
        // `linked` and the `…Link` pairs let templates test a value without pushing a string onto
        // the context stack: a lookup made under a string section costs swift-mustache a Mirror.
        let tags = knowledge.tags.distinct(page.frontMatter.tags)
        info["tags"] = tags.map { tagItem($0, root: root) }
        let depth = Permalinks.depth(of: page.urlPath)
        info["tagsHTML"] = tags.map { tagSnippets?.html($0, depth: depth) ?? "" }.joined()
        if let owner = page.frontMatter.owner, !owner.isEmpty {
            info["ownerHref"] = root + contactHref(owner)
            info["ownerLink"] = ["name": owner, "href": root + contactHref(owner)]
        }
        if let contact = page.frontMatter.contact, !contact.isEmpty {
            info["contactHref"] = root + contactHref(contact)
            info["contactLink"] = ["name": contact, "href": root + contactHref(contact)]
        }
    }

    /// One tag of a page: its name, and its tag page's URL unless it has none.
    func tagItem(_ tag: String, root: String) -> [String: Any] {
        var item: [String: Any] = ["name": knowledge.tags.name(of: tag), "linked": false]
        if let url = knowledge.tags.urlPath(of: tag) {
            item["href"] = root + url
            item["linked"] = true
        }
        return item
    }

    /// `contacts/#id` of a person: ids are the names as heading ids.
    func contactHref(_ name: String) -> String {
        KnowledgeBase.contactsURL + "#" + contactID(name)
    }

    func contactID(_ name: String) -> String {
        let base = HeadingSlugger.base(name)
        return "p-" + (base.isEmpty ? "x" : base)
    }

    private func link(_ source: String, root: String) -> [String: Any] {
        let page = pages[source]!
        return ["title": page.title, "href": root + Permalinks.urlEscaped(page.urlPath)]
    }

    // MARK: - FAQ hub

    /// The hub (`faq/`): every category with its entries, answers inline unless the hub is split.
    func faqHub(_ hub: FAQHub, section: Section) -> [String: Any] {
        var questions: [(question: String, answer: String)] = []
        let categories = hub.categories.map { category -> [String: Any] in
            var item = faqCategory(category, hub: hub, section: section, pageURL: section.urlPath,
                                   withAnswers: !hub.isSplit, questions: &questions)
            if hub.isSplit { item["href"] = Permalinks.relativeURL(from: section.urlPath, to: hub.url(of: category, section: section)) }
            return item
        }
        var context: [String: Any] = ["categories": categories, "count": hub.categories.reduce(0) { $0 + $1.entries.count }, "nav": hub.categories.count > 1]
        if !questions.isEmpty { context["jsonLD"] = TemplateContext.faqJSONLD(questions) }
        return context
    }

    /// A category page of a split hub (`faq/c/SLUG/`).
    func faqCategoryPage(_ category: FAQHub.Category, hub: FAQHub, section: Section, sidebar: String?) -> [String: Any] {
        let url = hub.url(of: category, section: section)
        let root = Permalinks.rootPrefix(for: url)
        let name = category.name ?? strings["uncategorized"]
        var context = generatedPage(url: url, title: name, sidebar: sidebar)
        context["breadcrumbs"] = breadcrumbs(section: section.path, root: root, includeLast: true)
        var questions: [(question: String, answer: String)] = []
        let item = faqCategory(category, hub: hub, section: section, pageURL: url, withAnswers: true, questions: &questions)
        context["faqHub"] = ["categories": [item], "count": category.entries.count, "jsonLD": TemplateContext.faqJSONLD(questions)]
        context["section"] = ["title": section.title, "href": LinkResolver.href(Permalinks.relativeURL(from: url, to: section.urlPath))]
        return context
    }

    /// One category's entries as seen from `pageURL`; with answers, their JSON-LD goes to `questions`.
    private func faqCategory(_ category: FAQHub.Category, hub: FAQHub, section: Section, pageURL: String,
                             withAnswers: Bool, questions: inout [(question: String, answer: String)]) -> [String: Any] {
        let root = Permalinks.rootPrefix(for: pageURL)
        let name = category.name ?? strings["uncategorized"]
        let answerPage = hub.isSplit ? hub.url(of: category, section: section) : section.urlPath
        // Entries are siblings (`faq/NAME/`): a link that climbs out of its entry's folder moves
        // the same way from all of them, and the term links repeat from answer to answer.
        var rebased: [String: String?] = [:]
        let entries = category.entries.compactMap { item -> [String: Any]? in
            guard let page = pages[item.source] else { return nil }
            var entry: [String: Any] = [
                "id": item.anchor, "question": page.title,
                "href": Permalinks.relativeURL(from: pageURL, to: page.urlPath),
                "hubHref": (answerPage == pageURL ? "" : Permalinks.relativeURL(from: pageURL, to: answerPage)) + "#" + item.anchor,
                "tags": knowledge.tags.distinct(page.frontMatter.tags).map { tag -> [String: Any] in
                    var tagItem: [String: Any] = ["name": knowledge.tags.name(of: tag)]
                    if let url = knowledge.tags.urlPath(of: tag) { tagItem["href"] = root + url }
                    return tagItem
                },
            ]
            if let owner = page.frontMatter.owner { entry["owner"] = owner }
            if withAnswers {
                entry["inline"] = true
                // The answer moves from the entry's page to this one: its relative links move with
                // it. Its term links are made anew for this page, if it has them as markers.
                let body = rendered[item.source]
                let markerTerms = body?.markerTerms
                let fragment = HTMLFragment((markerTerms != nil ? body?.markedHTML : body?.html) ?? "")
                let parent = Permalinks.normalize(page.urlPath + "..") ?? ""
                fragment.rewriteURLs { href in
                    guard href.hasPrefix("../") else { return Permalinks.rebase(href, from: page.urlPath, to: pageURL) }
                    let key = parent + "\u{0}" + href
                    if let known = rebased[key] { return known }
                    let made = Permalinks.rebase(href, from: page.urlPath, to: pageURL)
                    rebased[key] = made
                    return made
                }
                if let markerTerms {
                    let origin = TermLinkMarkup.Origin(urlPath: pageURL)
                    let markups = markerTerms.map { termLinks.markup(for: $0, in: glossary, from: origin) }
                    entry["answer"] = HTMLFragment.splicing(fragment.markedHTML(), with: markups)
                } else {
                    entry["answer"] = fragment.html()
                }
                // The search extraction already holds the answer's text; without search, read it here.
                let blocks = body?.textBlocks ?? []
                // (A marked fragment's text has the markers: the linked answer's is read instead.)
                let text = blocks.isEmpty ? (markerTerms == nil ? fragment : HTMLFragment(body?.html ?? "")).text() : blocks.map { [$0.heading, $0.text].filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: " ")
                questions.append((question: page.title, answer: text))
            }
            return entry
        }
        return ["name": name, "id": "c-" + category.slug, "count": entries.count, "entries": entries]
    }

    /// schema.org `FAQPage` JSON-LD, keys sorted, safe inside `<script>`. Written directly: this
    /// runs over every FAQ answer, where JSONSerialization cost a second on 10,000 pages.
    static func faqJSONLD(_ questions: [(question: String, answer: String)]) -> String {
        var json = JSONBytes(escapesMarkup: true)
        json.raw("{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"mainEntity\":[")
        for (index, item) in questions.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"@type\":\"Question\",\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":")
            json.string(item.answer)
            json.raw("},\"name\":")
            json.string(item.question)
            json.raw("}")
        }
        json.raw("]}")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    // MARK: - Status dashboard

    func statusDashboard(_ dashboard: StatusDashboard, section: Section) -> [String: Any] {
        let root = Permalinks.rootPrefix(for: section.urlPath)
        let groups = dashboard.groups.map { group -> [String: Any] in
            let cards = group.cards.compactMap { card -> [String: Any]? in
                guard let page = pages[card.source] else { return nil }
                let status = page.frontMatter.status
                var item: [String: Any] = [
                    "title": page.title, "href": Permalinks.relativeURL(from: section.urlPath, to: page.urlPath),
                    "state": group.status?.rawValue ?? "none",
                    "label": group.status.map(strings.statusLabel) ?? strings["noStatus"],
                    "overdue": card.overdue.map { ["name": $0.name, "due": $0.due?.description ?? ""] },
                ]
                if let progress = status?.progress { item["progress"] = progress }
                if let owner = page.frontMatter.owner {
                    item["owner"] = owner
                    item["ownerHref"] = root + contactHref(owner)
                }
                if let updated = page.frontMatter.updated { item["updated"] = updated.description }
                if let next = card.nextMilestone {
                    var milestone: [String: Any] = ["name": next.name]
                    if let due = next.due {
                        milestone["due"] = due.description
                        if due < knowledge.today { milestone["late"] = true }
                    }
                    item["next"] = milestone
                }
                if let days = card.staleDays { item["staleDays"] = days }
                return item
            }
            return [
                "state": group.status?.rawValue ?? "none", "label": group.status.map(strings.statusLabel) ?? strings["noStatus"],
                "count": cards.count, "cards": cards,
            ]
        }
        var context: [String: Any] = [
            "groups": groups, "count": dashboard.groups.reduce(0) { $0 + $1.cards.count },
            "today": knowledge.today.description,
        ]
        // Left out when zero: Mustache shows a section for 0, and a red "0 overdue" flag alarms.
        if dashboard.overdueMilestones > 0 { context["overdueMilestones"] = dashboard.overdueMilestones }
        if dashboard.staleProjects > 0 { context["staleProjects"] = dashboard.staleProjects }
        return context
    }

    // MARK: - Requirement board

    func requirementBoard(_ board: RequirementBoard, section: Section) -> [String: Any] {
        let closed: Set<String> = ["delivered", "rejected"]
        let columns = board.columns.map { column -> [String: Any] in
            let entries = column.entries.compactMap { source -> [String: Any]? in
                guard let page = pages[source], let fields = page.frontMatter.requirement else { return nil }
                var item: [String: Any] = ["title": page.title, "href": Permalinks.relativeURL(from: section.urlPath, to: page.urlPath)]
                if let priority = fields.priority { item["priority"] = priority }
                if let requester = fields.requester { item["requester"] = requester }
                if let submitted = fields.submitted { item["submitted"] = submitted.description }
                if let target = fields.target {
                    item["target"] = target.description
                    if target < knowledge.today, !closed.contains(column.state.id) { item["late"] = true }
                }
                if let owner = page.frontMatter.owner { item["owner"] = owner }
                return item
            }
            return [
                "id": column.state.id, "label": column.state.label ?? strings.table["state." + column.state.id] ?? column.state.id,
                "count": entries.count, "entries": entries,
            ]
        }
        return [
            "columns": columns, "count": columns.reduce(0) { $0 + (($1["count"] as? Int) ?? 0) },
            "departments": board.departments.map { ["name": $0] }, "priorities": board.priorities.map { ["name": $0] },
        ]
    }

    // MARK: - Generated pages

    /// A generated page's context at `url`, with its own sidebar.
    private func generatedPage(url: String, title: String, sidebar: String?) -> [String: Any] {
        let root = Permalinks.rootPrefix(for: url)
        var context = base(root: root, title: title, description: nil, url: url)
        context["breadcrumbs"] = [["title": strings["home"], "href": root]]
        context["sidebar"] = sidebar
        context["generated"] = ["title": title]
        return context
    }

    func contactsPage(sidebar: String?) -> [String: Any] {
        let url = KnowledgeBase.contactsURL
        let root = Permalinks.rootPrefix(for: url)
        var context = generatedPage(url: url, title: strings["contactsTitle"], sidebar: sidebar)
        context["people"] = knowledge.contacts.people.map { person -> [String: Any] in
            [
                "name": person.name, "id": contactID(person.name), "count": person.pageCount,
                "sections": person.sections.compactMap { outline.sections[$0] }.map { ["title": $0.title, "href": Permalinks.href(root: root, to: $0.urlPath)] },
                "groups": person.pages.map { group -> [String: Any] in
                    let section = outline.sections[group.section]
                    return [
                        "title": group.section.isEmpty ? strings["home"] : (section?.title ?? group.section),
                        "count": group.sources.count,
                        "pages": group.sources.map { link($0, root: root) },
                    ]
                },
            ]
        }
        return context
    }

    func reviewQueuePage(sidebar: String?) -> [String: Any] {
        let url = KnowledgeBase.reviewQueueURL
        let root = Permalinks.rootPrefix(for: url)
        var context = generatedPage(url: url, title: strings["reviewQueueTitle"], sidebar: sidebar)
        var byOwner: [String: [ReviewState]] = [:]
        for review in knowledge.overdueReviews {
            byOwner[pages[review.source]?.frontMatter.owner ?? "", default: []].append(review)
        }
        let owners = byOwner.keys.sorted { lhs, rhs in
            lhs.isEmpty != rhs.isEmpty ? !lhs.isEmpty : (TitleCollation.sortKey(lhs), lhs) < (TitleCollation.sortKey(rhs), rhs)
        }
        context["owners"] = owners.map { owner -> [String: Any] in
            var item: [String: Any] = [
                "name": owner.isEmpty ? strings["noOwner"] : owner, "count": byOwner[owner]!.count,
                "pages": byOwner[owner]!.map { review -> [String: Any] in
                    var entry = link(review.source, root: root)
                    entry["due"] = review.due.description
                    entry["reviewed"] = review.reviewed.description
                    entry["overdueDays"] = review.overdueDays
                    return entry
                },
            ]
            if !owner.isEmpty { item["href"] = root + contactHref(owner) }
            return item
        }
        context["overdueCount"] = knowledge.overdueReviews.count
        return context
    }

    func tagIndexPage(sidebar: String?) -> [String: Any] {
        let url = KnowledgeBase.tagsURL
        var context = generatedPage(url: url, title: strings["tagsTitle"], sidebar: sidebar)
        context["tags"] = knowledge.tags.tags.map { ["name": $0.name, "href": $0.slug + "/", "count": $0.pages.count] }
        return context
    }

    func tagPage(_ tag: TagIndex.Tag, sidebar: String?) -> [String: Any] {
        let url = KnowledgeBase.tagsURL + tag.slug + "/"
        let root = Permalinks.rootPrefix(for: url)
        var context = generatedPage(url: url, title: tag.name, sidebar: sidebar)
        context["breadcrumbs"] = [["title": strings["home"], "href": root], ["title": strings["tagsTitle"], "href": "../"]]
        context["tag"] = ["name": tag.name, "count": tag.pages.count, "pages": tag.pages.map { listItem($0, root: root) },
                          "pagesHTML": tag.pages.map { tagLists?.html($0) ?? "" }.joined()]
        return context
    }
}
