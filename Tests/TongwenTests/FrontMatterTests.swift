import Testing
@testable import Tongwen

@Suite struct FrontMatterTests {
    @Test func readsEveryCommonKeyAndKeepsUnknownOnesAsParams() {
        let yaml = """
            title: "VPN 使用指南"
            description: Remote access
            tags: ["VPN", 远程办公]
            owner: 网络组
            contact: "王磊 (ext. 8150)"
            updated: 2026-08-18
            reviewed: 2026-08-01
            weight: 3
            draft: false
            slug: remote-access
            redirect_from: [/vpn/, /old/vpn.html]
            audience: everyone
            retention: 180d
            budget: 12
            """
        let (matter, problems) = FrontMatter.parse(yaml, path: "content/a.md", lineOffset: 1)
        #expect(problems.isEmpty)
        #expect(matter.title == "VPN 使用指南")
        #expect(matter.tags == ["VPN", "远程办公"])
        #expect(matter.updated == Day(year: 2026, month: 8, day: 18))
        #expect(matter.reviewed == Day(year: 2026, month: 8, day: 1))
        #expect(matter.weight == 3)
        #expect(matter.slug == "remote-access")
        #expect(matter.redirectFrom == ["/vpn/", "/old/vpn.html"])
        #expect(matter.params == ["audience": .string("everyone"), "retention": .string("180d"), "budget": .int(12)])
        #expect(matter.lines["weight"] == 9)
    }

    @Test func readsTheBenchmarkCorpusKinds() {
        let status = """
            title: "财务系统升级项目"
            status: at-risk
            owner: "罗晨"
            progress: 84
            updated: 2024-03-17
            milestones:
              - name: "系统集成测试"
                due: 2023-12-19
                done: true
              - name: "上线"
                due: 2024-01-30
                done: false
            tags: ["合规"]
            reviewed: 2023-11-15
            """
        let (matter, problems) = FrontMatter.parse(status, path: "s.md", lineOffset: 1)
        #expect(problems.isEmpty)
        #expect(matter.status == StatusFields(status: .atRisk, progress: 84, milestones: [
            Milestone(name: "系统集成测试", due: Day(year: 2023, month: 12, day: 19), done: true),
            Milestone(name: "上线", due: Day(year: 2024, month: 1, day: 30), done: false),
        ]))
        let term = """
            title: "Service Level Agreement"
            business: ["服务等级协议", "服务水平协议"]
            technical: ["Service Level Agreement", "SLA"]
            aliases: []
            summary: "服务质量目标。"
            """
        let (glossary, glossaryProblems) = FrontMatter.parse(term, path: "g.md", lineOffset: 1)
        #expect(glossaryProblems.isEmpty)
        #expect(glossary.term?.business == ["服务等级协议", "服务水平协议"])
        #expect(glossary.term?.technical == ["Service Level Agreement", "SLA"])
        #expect(glossary.term?.aliases == [])
        let faq = FrontMatter.parse("title: \"如何申请？\"\ncategory: \"Security\"", path: "f.md", lineOffset: 1).0
        #expect(faq.category == "Security")
    }

    @Test func wrongTypesAreReportedAtTheirLine() {
        let yaml = """
            title: ok
            weight: heavy
            updated: 2026-13-01
            progress: 140
            status: done-ish
            draft: maybe
            """
        let problems = FrontMatter.parse(yaml, path: "content/x.md", lineOffset: 1).1.sorted().map(\.description)
        #expect(problems == [
            "content/x.md:3:9: error: 'weight' must be a whole number",
            "content/x.md:4:10: error: 'updated' must be a date like 2024-03-17",
            "content/x.md:5:11: error: 'progress' must be between 0 and 100, not 140",
            "content/x.md:6:9: error: unknown status 'done-ish': use one of on-track, at-risk, blocked, done",
            "content/x.md:7:8: error: 'draft' must be true or false",
        ])
    }

    @Test func yamlSyntaxErrorsPointIntoTheFile() {
        let problems = FrontMatter.parse("title: [unclosed\nowner: x", path: "content/y.md", lineOffset: 1).1.map(\.description)
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("content/y.md:3:"))
        #expect(problems[0].contains("error: invalid YAML"))
    }

    @Test func quotedValuesStayText() {
        let matter = FrontMatter.parse("title: \"true\"\nweight: \"3\"\nflag: \"yes\"\nn: null", path: "a.md", lineOffset: 1).0
        #expect(matter.title == "true")
        #expect(matter.weight == 3)
        #expect(matter.params["flag"] == .string("yes"))
        #expect(matter.params["n"] == .null)
    }
}

@Suite struct SourceDocumentTests {
    @Test func splitsFrontMatterAndKnowsWhereTheBodyStarts() {
        let document = SourceDocument(splitting: "---\ntitle: a\nowner: b\n---\n\n# Body\n")
        #expect(document.frontMatter == "title: a\nowner: b")
        #expect(document.body == "\n# Body\n")
        #expect(document.bodyLine == 5)
    }

    @Test func acceptsBOMCRLFAndDotsFence() {
        let document = SourceDocument(splitting: "\u{FEFF}---\r\ntitle: a\r\n...\r\nBody")
        #expect(document.frontMatter == "title: a\r")
        #expect(document.body == "Body")
        #expect(document.bodyLine == 4)
    }

    @Test func withoutFrontMatterTheWholeFileIsBody() {
        let document = SourceDocument(splitting: "# Just Markdown\n---\n")
        #expect(document.frontMatter == nil)
        #expect(document.body == "# Just Markdown\n---\n")
        #expect(document.bodyLine == 1)
    }

    @Test func emptyAndUnclosedFrontMatter() {
        #expect(SourceDocument(splitting: "---\n---\nx").frontMatter == "")
        #expect(SourceDocument(splitting: "---\ntitle: a\n").unclosedFrontMatter)
    }
}

@Suite struct DayTests {
    @Test func parsesDatesAndTimestamps() {
        #expect(Day(parsing: "2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(Day(parsing: "2024-03-17T10:00:00Z") == Day(year: 2024, month: 3, day: 17))
        #expect(Day(parsing: "2023-02-29") == nil)
        #expect(Day(parsing: "2024-3-7") == nil)
        #expect(Day(parsing: "yesterday") == nil)
    }

    @Test func convertsUnixTimeInUTC() {
        #expect(Day(unixTime: 0) == Day(year: 1970, month: 1, day: 1))
        #expect(Day(unixTime: 1_795_000_000) == Day(year: 2026, month: 11, day: 18))
        #expect(Day(unixTime: -1) == Day(year: 1969, month: 12, day: 31))
    }
}

@Suite struct KnowledgeFrontMatterTests {
    @Test func readsReviewIntervalAndRequirementFields() {
        let yaml = """
            title: "报销单手机审批"
            review_every: 26w
            state: in-progress
            priority: P1
            requester: "财务部"
            submitted: 2026-08-03
            target: 2026-12-15
            """
        let (matter, problems) = FrontMatter.parse(yaml, path: "content/requirements/a.md", lineOffset: 1)
        #expect(problems.isEmpty)
        #expect(matter.reviewEvery?.days == 182)
        #expect(matter.requirement?.state == "in-progress")
        #expect(matter.requirement?.requester == "财务部")
        #expect(matter.requirement?.target == Day(year: 2026, month: 12, day: 15))
        #expect(matter.params.isEmpty)
    }

    @Test func dayArithmeticRoundTrips() {
        let day = Day(year: 2024, month: 2, day: 28)
        #expect(day.adding(days: 1) == Day(year: 2024, month: 2, day: 29))
        #expect(day.adding(days: 366) == Day(year: 2025, month: 2, day: 28))
        #expect(Day(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(Day(unixTime: 1_795_478_400) == Day(year: 2026, month: 11, day: 24))
        #expect(Day.today(environment: ["SOURCE_DATE_EPOCH": "1795478400"]) == Day(year: 2026, month: 11, day: 24))
        #expect(day.days(until: Day(year: 2024, month: 3, day: 1)) == 2)
    }

    @Test func intervalsParseTheirUnits() {
        #expect(DayInterval(parsing: "180d")?.days == 180)
        #expect(DayInterval(parsing: "2w")?.days == 14)
        #expect(DayInterval(parsing: "6m")?.days == 180)
        #expect(DayInterval(parsing: "1y")?.days == 365)
        for bad in ["", "d", "0d", "-3d", "12", "3h", "ten days"] { #expect(DayInterval(parsing: bad) == nil, "\(bad)") }
    }
}
