import ArgumentParser
import Foundation
import Tongwen

extension NewEntry.Kind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new content file (FAQ entry, doc, manual, status, term, requirement) and print its path.",
        discussion: """
            The file name is a pinyin or English slug of the title (如何申请VPN账号？ → \
            ru-he-shen-qing-vpn-zhang-hao.md); an existing file is never overwritten: the new one \
            gets -2, -3, … instead. Dates are today's ($SOURCE_DATE_EPOCH when set).
            """)

    @Argument(help: "What to write: \(NewEntry.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: NewEntry.Kind

    @Argument(help: "The title (for an FAQ entry: the question).")
    var title: String

    @Option(help: "The site folder (default: .).", completion: .directory)
    var site: String = "."

    @Option(help: "FAQ category.")
    var category: String?

    @Option(help: "Tags, comma-separated.")
    var tags: String?

    @Option(help: "Owner (负责人).")
    var owner: String?

    @Option(help: "Folder under content/ instead of the kind's own, e.g. docs/access.")
    var section: String?

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the title must not be empty") }
    }

    func run() throws {
        var entry = NewEntry(kind: kind, title: title.trimmingCharacters(in: .whitespaces))
        entry.category = category
        entry.tags = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        entry.owner = owner
        entry.section = section
        let language = SiteConfig.load(siteDirectory: site)?.language ?? .zhCN
        do {
            print(try entry.write(siteDirectory: site, today: .today(), language: language))
        } catch let refusal as NewEntry.Refusal {
            throw ValidationError(refusal.description)
        }
    }
}
