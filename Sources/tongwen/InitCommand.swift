import ArgumentParser
import Foundation
import Tongwen

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new portal skeleton: tongwen.yml and one page of each kind.")

    @Argument(help: "Folder to create the portal in (must not already hold content/).", completion: .directory)
    var directory: String

    @Option(help: "Site language: zh-CN or en.")
    var language: String = "zh-CN"

    func run() throws {
        do {
            let written = try SiteSkeleton.write(to: directory, language: language)
            for file in written { print(file) }
            FileHandle.standardError.write(Data("Created a portal in \(directory). Build it with: tongwen build \(directory)\n".utf8))
        } catch let error as SiteSkeleton.Refusal {
            throw ValidationError(error.description)
        }
    }
}
