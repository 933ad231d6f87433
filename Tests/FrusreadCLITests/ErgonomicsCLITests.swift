import Foundation
import FrusTestSupport
import Testing

/// `show` lays participants lists out in groups; `keys` prints the keymap in force.
@Suite struct ErgonomicsCLITests {
    /// Every group head of 144's participants list (from the TEI) is preceded by a blank line
    /// and directly followed by its first name.
    @Test func show144GroupsItsParticipants() throws {
        guard let volume = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return
        }
        let xml = try String(contentsOf: volume, encoding: .utf8)
        let start = try #require(xml.range(of: "xml:id=\"d144\""))
        let doc = String(xml[start.upperBound...].prefix(12000))
        let regex = try NSRegularExpression(pattern: "<item><list>\\s*<head>([\\s\\S]*?)</head>\\s*<item>([\\s\\S]*?)</item>")
        let plain = { (s: String) in
            s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        }
        let ns = doc as NSString
        let groups = regex.matches(in: doc, range: NSRange(location: 0, length: ns.length)).map {
            (plain(ns.substring(with: $0.range(at: 1))), plain(ns.substring(with: $0.range(at: 2))))
        }
        #expect(groups.count >= 5)
        let r = try FrusreadBinary.run(["show", "144", "--corpus", volume.path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        for (head, first) in groups {
            guard let at = lines.firstIndex(of: head) else {
                Issue.record("“\(head)” not on a line of its own")
                continue
            }
            #expect(lines[at - 1].isEmpty, "a blank line before “\(head)”")
            #expect(!lines[at + 1].isEmpty && first.hasPrefix(lines[at + 1]), "“\(head)” then “\(first)”, not “\(lines[at + 1])”")
        }
    }

    @Test func keysPrintsTheKeymapWithTheUsersBindings() throws {
        let config = try Fixtures.temporaryFolder("frusread-cli-config")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("frusread"), withIntermediateDirectories: true)
        try Data("[keys]\nx = \"next-document\"\nQ = \"fly\"\n".utf8).write(to: config.appendingPathComponent("frusread/config.toml"))
        let r = try FrusreadBinary.run(["keys"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(r.status == 0)
        let next = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("next-document ") })
        #expect(next.contains("] x"))
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("follow ") && $0.contains("Enter") })
        #expect(r.stderr.contains("config.toml:3:") && r.stderr.contains("fly"))
    }
}
