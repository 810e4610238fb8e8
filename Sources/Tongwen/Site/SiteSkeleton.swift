import Foundation

/// `tongwen init`: a small portal with one page of each kind, which builds without warnings.
public enum SiteSkeleton {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the skeleton into `directory` and returns the files written (relative to it).
    /// Never overwrites: refuses when `content/` or `tongwen.yml` already exists there.
    public static func write(to directory: String, language tag: String) throws -> [String] {
        guard let language = SiteLanguage(tag: tag) else {
            throw Refusal(description: "unsupported language '\(tag)': use zh-CN or en")
        }
        let manager = FileManager.default
        for existing in ["content", "tongwen.yml"] where manager.fileExists(atPath: directory + "/" + existing) {
            throw Refusal(description: "'\(directory)/\(existing)' already exists; tongwen init never overwrites files")
        }
        let files = self.files(language: language)
        for (path, text) in files {
            let full = directory + "/" + path
            try manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard manager.createFile(atPath: full, contents: Data(text.utf8)) else {
                throw Refusal(description: "cannot write '\(full)'")
            }
        }
        return files.map(\.0)
    }

    static func files(language: SiteLanguage) -> [(String, String)] {
        [
            ("tongwen.yml", """
            # Every key is optional. See the README for all of them.
            title: "\(language == .en ? "Knowledge Portal" : "知识门户")"
            description: "\(language == .en ? "Where business and IT share one language." : "业务与 IT 的共同语言。")"
            language: \(language.rawValue)
            baseURL: /
            # feedback: "mailto:portal@example.com?subject={title}&body={url}"
            sections:
              - path: docs
              - path: manuals
              - path: faq
              - path: status
              - path: glossary

            """),
            ("content/_index.md", """
            ---
            title: "\(language == .en ? "Knowledge Portal" : "知识门户")"
            ---

            欢迎使用知识门户。Welcome: start with the [getting-started guide](docs/getting-started.md).

            """),
            ("content/docs/getting-started.md", """
            ---
            title: "Getting started 快速上手"
            owner: "Portal team"
            reviewed: 2026-01-05
            tags: ["portal"]
            ---

            Every Markdown file under `content/` becomes a page. The top folder decides its kind.

            ## Writing a page

            Add front matter between `---` lines, then Markdown. Link to other pages by their
            file: see the [requirement manual](../manuals/submit-a-requirement.md#steps).

            ## Building

            ```bash
            tongwen build .
            ```

            """),
            ("content/manuals/submit-a-requirement.md", """
            ---
            title: "如何提交需求 How to submit a requirement"
            owner: "业务分析组"
            contact: "张敏 (ext. 8021)"
            reviewed: 2026-01-05
            ---

            业务部门通过需求池提交需求。Business departments submit requirements to the backlog.

            ## Steps

            1. 填写业务需求文档。
            2. 提交给本部门接口人。

            """),
            ("content/faq/how-to-add-a-faq.md", """
            ---
            title: "如何新增一条常见问题？"
            category: "门户使用"
            tags: ["portal"]
            owner: "Portal team"
            reviewed: 2026-01-05
            ---

            在 `content/faq/` 下新建一个 Markdown 文件，`title` 写问题，正文写解答。

            """),
            ("content/status/example-project.md", """
            ---
            title: "示例项目 Example project"
            status: on-track
            owner: "项目经理"
            progress: 40
            updated: 2026-01-05
            milestones:
              - name: "需求确认"
                due: 2026-01-15
                done: true
              - name: "上线"
                due: 2026-03-31
                done: false
            tags: ["project"]
            reviewed: 2026-01-05
            ---

            项目按计划推进。The project is on track.

            """),
            ("content/glossary/product-backlog.md", """
            ---
            title: "需求池"
            business: ["需求池", "需求清单"]
            technical: ["Product Backlog", "Backlog"]
            aliases: ["PB"]
            summary: "按优先级排序、等待排期实现的需求集合。"
            tags: ["agile"]
            owner: "PMO"
            reviewed: 2026-01-05
            ---

            **需求池** (Product Backlog): the ordered list of everything that might be built.

            """),
        ]
    }
}
