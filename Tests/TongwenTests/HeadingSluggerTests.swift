import Testing
@testable import Tongwen

@Suite struct HeadingSluggerTests {
    @Test(arguments: [
        ("需求池管理", "需求池管理"),
        ("Rollback plan", "rollback-plan"),
        ("Roles and Responsibilities", "roles-and-responsibilities"),
        ("三类变更 Three kinds of change", "三类变更-three-kinds-of-change"),
        ("需求会动到哪些系统？ Which systems will my request touch?", "需求会动到哪些系统-which-systems-will-my-request-touch"),
        ("C++ & Swift: 5.9 (beta)", "c--swift-59-beta"),
        ("snake_case_name", "snake_case_name"),
        ("？？？", "heading"),
    ])
    func githubCompatibleSlugs(text: String, slug: String) {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(text) == slug)
    }

    @Test func repeatsGetNumberedSuffixes() {
        var slugger = HeadingSlugger()
        #expect(["Usage", "Usage", "Usage-1", "Usage"].map { slugger.slug($0) } == ["usage", "usage-1", "usage-1-1", "usage-2"])
    }
}
