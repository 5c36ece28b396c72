import Foundation
import XCTest
import TestSupport

/// The built esafety binary, driven through tmux at 80x24 as a person would use it.
final class FoundationEndToEndTests: XCTestCase {
    private func openApp(store: URL, width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let binary = try esafetyBinary()
        return try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))", width: width, height: height)
    }

    func testAddZoeToTheEsafetyLeadRoleQuitReopenAndFindHer() throws {
        let store = try makeTemporaryStore()
        let app = try openApp(store: store)
        // The first run: Sam, from the office, becomes the administrator (no role of the policy).
        try app.completeSetUp(roleDownPresses: 2)
        try app.waitFor("3  Role directory")
        app.send(keys: "3")
        try app.waitFor("3  Who do I tell?")
        app.send(keys: "1")
        try app.waitFor("Designated e-safety lead")
        app.send(keys: "Down", "Enter")
        try app.waitFor("Held by nobody yet")
        app.send(keys: "F7")
        try app.waitFor("F7 NewPerson")
        app.send(keys: "F7")
        try app.waitFor("Full name")
        app.type("Zoë Ōkubo")
        app.send(keys: "Tab")
        app.type("01632 960123")
        try app.waitFor("01632 960123")
        app.send(keys: "F2")
        try app.waitFor("Zoë Ōkubo now holds Designated e-safety lead.")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)

        let again = try openApp(store: store)
        try again.signIn(as: "Sam Office", passphrase: "office passphrase")
        try again.waitFor("Designated e-safety lead: Zoë Ōkubo")
        again.send(keys: "3", "2")
        try again.waitFor("2 people in the directory")
        // Her row drawn, not only the heading (tmux can show a frame half drawn): her name with
        // the column gap after it, which the home screen's "lead: Zoë Ōkubo" line lacks.
        let people = try again.waitFor("Zoë Ōkubo  ")
        XCTAssertTrue(people.contains("Zoë Ōkubo"), people)
        again.send(keys: "/")
        again.type("zoe")
        again.send(keys: "Enter")  // the only match opens at once
        try again.waitFor("Roles held (1)")
        // The list under the heading may be drawn a moment after it (tmux shows what is drawn).
        let page = try again.waitFor("Designated e-safety lead")
        XCTAssertTrue(page.contains("Roles held (1)"), page)
        again.send(keys: "F10")
        XCTAssertEqual(try again.waitForExit(), 0)

        let exported = try runEsafety(["export", "roles", "--format", "csv", "--store", store.path])
        XCTAssertEqual(exported.status, 0, exported.standardError)
        XCTAssertTrue(exported.standardOutput.contains("esafety-lead,Designated e-safety lead,P0002,Zoë Ōkubo,"), exported.standardOutput)
    }

    func testResizeTo60x20RedrawsEverythingAndTooSmallSaysSo() throws {
        let store = try makeTemporaryStore()
        let app = try openApp(store: store)
        try app.completeSetUp()
        try app.resize(width: 60, height: 20)
        let small = try app.waitUntil("a full 60x20 redraw") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count == 20 && lines[19].hasPrefix("F9SignOut F1Help") && screen.contains("6  Settings")
        }
        XCTAssertTrue(small.split(separator: "\n").allSatisfy { $0.count <= 60 }, small)
        try app.resize(width: 50, height: 12)
        try app.waitFor("Terminal too small")
        try app.resize(width: 80, height: 24)
        try app.waitUntil("the home screen back at 80x24") { $0.contains("6  Settings") && !$0.contains("too small") }
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }

    func testWithoutATerminalItSaysSoAndExitsNonZeroAtOnce() throws {
        let store = try makeTemporaryStore()
        let result = try runEsafety(["--store", store.path], timeout: 10)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.standardError.contains("needs a terminal"), result.standardError)
        XCTAssertLessThan(result.seconds, 10, "no busy loop waiting for keys that never come")
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.appendingPathComponent("manifest.json").path),
                       "nothing is created when the app cannot run")
    }

    func testCommandLineInitCheckAndExport() throws {
        let store = try makeTemporaryStore()
        let created = try runEsafety(["init", "--demo", "--store", store.path])
        XCTAssertEqual(created.status, 0, created.standardError)
        XCTAssertTrue(created.standardOutput.contains("demo store"))
        let twice = try runEsafety(["init", "--store", store.path])
        XCTAssertNotEqual(twice.status, 0)
        XCTAssertTrue((twice.standardError + twice.standardOutput).contains("already a store"))

        let check = try runEsafety(["check", "--store", store.path])
        XCTAssertEqual(check.status, 0, check.standardOutput + check.standardError)
        XCTAssertTrue(check.standardOutput.contains("is sound"))

        let people = try runEsafety(["export", "people", "--store", store.path])
        XCTAssertEqual(people.status, 0)
        let json = try JSONSerialization.jsonObject(with: Data(people.standardOutput.utf8)) as? [String: Any]
        XCTAssertEqual((json?["people"] as? [Any])?.count, 8)

        // Corrupt one file: check names it and exits 1; the file is left as it was.
        let directory = store.appendingPathComponent("directory.json")
        let broken = Data("{ \"people\": [".utf8)
        try broken.write(to: directory)
        let bad = try runEsafety(["check", "--store", store.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.standardOutput.contains("directory.json"), bad.standardOutput)
        let open = try runEsafety(["export", "roles", "--store", store.path])
        XCTAssertNotEqual(open.status, 0)
        XCTAssertTrue(open.standardError.contains("directory.json"), open.standardError)
        XCTAssertEqual(try Data(contentsOf: directory), broken, "a file esafety cannot read is never rewritten")
    }

    func testHelpOnEveryCommand() throws {
        for arguments in [["--help"], ["init", "--help"], ["export", "--help"], ["check", "--help"], ["open", "--help"]] {
            let result = try runEsafety(arguments)
            XCTAssertEqual(result.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(result.standardOutput.contains("USAGE:"), result.standardOutput)
        }
    }

    func testACopyOfTheBinaryElsewhereStillHasItsDefaults() throws {
        let folder = try makeTemporaryStore()
        let copy = folder.appendingPathComponent("esafety-copy")
        try FileManager.default.copyItem(at: try esafetyBinary(), to: copy)
        let store = folder.appendingPathComponent("store")
        let result = try runEsafety(["init", "--store", store.path], binary: copy)
        XCTAssertEqual(result.status, 0, result.standardError)
        let roles = try String(contentsOf: store.appendingPathComponent("directory.json"), encoding: .utf8)
        XCTAssertTrue(roles.contains("Lead the e-safety working group"), "the roles come from the embedded Resources/")
    }
}
