import Yams

extension FrontMatter {
    /// Reads front matter YAML. `lineOffset` is the file line before the YAML's first line.
    static func parse(_ yaml: String, path: String, lineOffset: Int) -> (FrontMatter, [Diagnostic]) {
        var fields = YAMLFields(yaml: yaml, path: path, lineOffset: lineOffset)
        var matter = FrontMatter()
        matter.title = fields.string("title")
        matter.description = fields.string("description")
        // A tag given twice is one tag.
        var seenTags: Set<String> = []
        matter.tags = fields.strings("tags").filter { !$0.isEmpty && seenTags.insert($0).inserted }
        matter.owner = fields.string("owner")
        matter.contact = fields.string("contact")
        matter.updated = fields.day("updated")
        matter.reviewed = fields.day("reviewed")
        matter.weight = fields.int("weight")
        matter.draft = fields.bool("draft") ?? false
        matter.slug = fields.string("slug")
        if let slug = matter.slug, let problem = SlugError.check(slug) {
            fields.report(.error, "frontmatter.slug", problem.description, at: "slug")
        }
        matter.redirectFrom = fields.strings("redirect_from")
        if let kind = fields.string("kind") {
            if let known = ContentKind(key: kind) { matter.kind = known } else {
                let names = ContentKind.allCases.map(\.rawValue).joined(separator: ", ")
                fields.report(.error, "frontmatter.kind", "unknown kind '\(kind)': use one of \(names)", at: "kind")
            }
        }
        matter.category = fields.string("category")
        matter.linkTerms = fields.bool("glossary") ?? true
        if let text = fields.string("review_every") {
            if let interval = DayInterval(parsing: text) { matter.reviewEvery = interval } else {
                fields.report(.error, "frontmatter.type", "'review_every' must be \(DayInterval.formatHint), not '\(text)'", at: "review_every")
            }
        }
        matter.status = parseStatus(&fields)
        matter.requirement = parseRequirement(&fields)
        matter.term = parseTerm(&fields)
        matter.params = fields.unusedParams()
        matter.lines = fields.lines()
        matter.columns = fields.columns()
        return (matter, fields.diagnostics)
    }

    private static func parseStatus(_ fields: inout YAMLFields) -> StatusFields? {
        var status = StatusFields()
        var present = false
        if let value = fields.string("status") {
            present = true
            if let known = ProjectStatus(rawValue: value) { status.status = known } else {
                let names = ProjectStatus.allCases.map(\.rawValue).joined(separator: ", ")
                fields.report(.error, "frontmatter.status", "unknown status '\(value)': use one of \(names)", at: "status")
            }
        }
        if let progress = fields.int("progress", range: 0...100) {
            present = true
            status.progress = progress
        }
        if let node = fields.raw("milestones") {
            present = true
            guard let items = node.sequence else {
                fields.report(.error, "frontmatter.type", "'milestones' must be a list of {name, due, done}", at: "milestones")
                return status
            }
            for item in items {
                guard let mapping = item.mapping, let name = mapping["name"]?.string else {
                    fields.report(.error, "frontmatter.milestone", "each milestone needs a 'name'", at: "milestones")
                    continue
                }
                var due: Day?
                if let text = mapping["due"]?.string {
                    due = Day(parsing: text)
                    if due == nil {
                        fields.report(.error, "frontmatter.date", "milestone '\(name)': 'due' must be a date like 2024-03-17", at: "milestones")
                    }
                }
                let done = mapping["done"]?.scalar?.boolValue ?? false
                status.milestones.append(Milestone(name: name, due: due, done: done))
            }
        }
        return present ? status : nil
    }

    private static func parseRequirement(_ fields: inout YAMLFields) -> RequirementFields? {
        var requirement = RequirementFields()
        requirement.state = fields.string("state")
        requirement.priority = fields.string("priority")
        requirement.requester = fields.string("requester")
        requirement.submitted = fields.day("submitted")
        requirement.target = fields.day("target")
        return requirement == RequirementFields() ? nil : requirement
    }

    private static func parseTerm(_ fields: inout YAMLFields) -> TermFields? {
        var term = TermFields()
        term.business = fields.strings("business")
        term.technical = fields.strings("technical")
        term.aliases = fields.strings("aliases")
        term.summary = fields.string("summary")
        term.related = fields.strings("related")
        term.caseSensitive = fields.bool("case_sensitive") ?? false
        let present = !term.business.isEmpty || !term.technical.isEmpty || !term.aliases.isEmpty
            || term.summary != nil || !term.related.isEmpty
        return present ? term : nil
    }
}
