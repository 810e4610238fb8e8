import Foundation
import Yams

extension SiteConfig {
    /// `SITE/tongwen.yml` as read by `tongwen build`, without its diagnostics; nil when absent.
    public static func load(siteDirectory: String) -> SiteConfig? {
        guard let data = FileManager.default.contents(atPath: siteDirectory + "/tongwen.yml") else { return nil }
        return parse(String(decoding: data, as: UTF8.self), path: "tongwen.yml").0
    }

    /// Reads `tongwen.yml` text; problems are returned, never thrown, so they print with the rest.
    static func parse(_ yaml: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var fields = YAMLFields(yaml: yaml, path: path, lineOffset: 0)
        var config = SiteConfig()
        if let title = fields.string("title") { config.title = title }
        if let description = fields.string("description") { config.description = description }
        if let tag = fields.string("language") {
            if let language = SiteLanguage(tag: tag) { config.language = language } else {
                fields.report(.error, "config.language", "unsupported language '\(tag)': use zh-CN or en", at: "language")
            }
        }
        if let baseURL = fields.string("baseURL") ?? fields.string("base_url") {
            config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        config.feedback = fields.string("feedback")
        if let markdown = fields.raw("markdown") {
            if let unsafe = markdown.mapping?["unsafe"] {
                if let value = unsafe.scalar?.boolValue { config.markdownUnsafe = value } else {
                    fields.report(.error, "config.type", "'markdown.unsafe' must be true or false", at: "markdown")
                }
            }
        }
        if let glossary = fields.raw("glossary") {
            if let link = glossary.mapping?["link"]?.string {
                if let policy = GlossaryLinkPolicy(rawValue: link) { config.glossaryLink = policy } else {
                    fields.report(.error, "config.glossary", "'glossary.link' must be first, all or none (got '\(link)')", at: "glossary")
                }
            }
        }
        if let text = fields.string("review_every") {
            if let interval = DayInterval(parsing: text) { config.reviewEvery = interval } else {
                fields.report(.error, "config.type", "'review_every' must be \(DayInterval.formatHint), not '\(text)'", at: "review_every")
            }
        }
        if let status = fields.raw("status")?.mapping, let text = status["stale_after"]?.string {
            if let interval = DayInterval(parsing: text) { config.statusStaleAfter = interval } else {
                fields.report(.error, "config.type", "'status.stale_after' must be \(DayInterval.formatHint), not '\(text)'", at: "status")
            }
        }
        if let faq = fields.raw("faq")?.mapping {
            if let categories = faq["categories"] {
                config.faqCategories = categories.sequence?.compactMap(\.string) ?? []
                if categories.sequence == nil { fields.report(.error, "config.type", "'faq.categories' must be a list of category names", at: "faq") }
            }
            if let limit = faq["hub_limit"] {
                if let value = limit.int, value >= 0 { config.faqHubLimit = value } else {
                    fields.report(.error, "config.type", "'faq.hub_limit' must be a whole number", at: "faq")
                }
            }
        }
        if let requirements = fields.raw("requirements")?.mapping {
            if let states = requirements["states"] {
                // A list of ids or `{id: label}` pairs, or a mapping id → label (order kept).
                var parsed: [RequirementState] = []
                if let list = states.sequence {
                    for item in list {
                        if let id = item.string { parsed.append(RequirementState(id: id)) }
                        else if let pair = item.mapping, pair.count == 1, let id = pair.keys[0].string {
                            parsed.append(RequirementState(id: id, label: pair.values[0].string))
                        }
                    }
                } else if let mapping = states.mapping {
                    for (key, value) in mapping { if let id = key.string { parsed.append(RequirementState(id: id, label: value.string)) } }
                }
                if parsed.isEmpty {
                    fields.report(.error, "config.type", "'requirements.states' must list the states, e.g. [submitted, evaluating, delivered]", at: "requirements")
                } else {
                    config.requirementStates = parsed
                }
            }
            if let priorities = requirements["priorities"]?.sequence { config.requirementPriorities = priorities.compactMap(\.string) }
        }
        if let search = fields.raw("search") {
            if let value = search.scalar?.boolValue { config.search = value } else {
                fields.report(.error, "config.type", "'search' must be true or false", at: "search")
            }
        }
        if let sections = fields.raw("sections") {
            config.sections = parseSections(sections, fields: &fields)
        }
        config.params = fields.unusedParams()
        return (config, fields.diagnostics)
    }

    /// Accepts a list (`- path: docs` / `title: 技术文档`, or bare folder names) or a mapping (`docs: 技术文档`).
    private static func parseSections(_ node: Node, fields: inout YAMLFields) -> [SectionConfig] {
        func clean(_ path: String) -> String {
            path.split(separator: "/").joined(separator: "/")
        }
        switch node {
        case .sequence(let items):
            var result: [SectionConfig] = []
            for item in items {
                if let name = item.string {
                    result.append(SectionConfig(path: clean(name), title: nil))
                } else if let mapping = item.mapping, let path = mapping["path"]?.string {
                    result.append(SectionConfig(path: clean(path), title: mapping["title"]?.string))
                } else {
                    fields.report(.error, "config.sections", "each entry of 'sections' needs a 'path'", at: "sections")
                }
            }
            return result
        case .mapping(let mapping):
            return mapping.compactMap { key, value in
                key.string.map { SectionConfig(path: clean($0), title: value.string) }
            }
        default:
            fields.report(.error, "config.sections", "'sections' must be a list of folders", at: "sections")
            return []
        }
    }
}
