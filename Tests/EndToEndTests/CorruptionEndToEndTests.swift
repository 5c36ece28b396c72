import Foundation
import XCTest
import TestSupport

/// Each kind of damaged store file, through the built binary: the message names the file and
/// the problem, `esafety check` reports it (exit 1), and no file of the store is changed, even
/// by a command that opens the store read-write to save. Then the way back: `esafety restore`.
final class CorruptionEndToEndTests: XCTestCase {
    private struct Case {
        var name: String
        var file: String
        /// Words `esafety check` and the opening command must both say.
        var problem: String
        var damage: (URL) throws -> Void
        /// A command that reads the damaged area (and for some, tries to save).
        var command: [String]
    }

    private func demoStore() throws -> URL {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        return store
    }

    private func firstIncident(_ store: URL) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("incidents").path)
        return "incidents/" + (names.filter { $0.hasSuffix(".json") }.sorted().first ?? "missing")
    }

    /// Every file's bytes and permissions, by path.
    private func snapshot(_ store: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: store.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = store.appendingPathComponent(relative).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType == .typeRegular, relative != "lock" else { continue }
            let data = FileManager.default.contents(atPath: path) ?? Data()
            result[relative] = "\(attributes[.posixPermissions] ?? 0) \(data.base64EncodedString())"
        }
        return result
    }

    private func rewrite(_ url: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    func testEachKindOfDamageIsNamedReportedByCheckAndNothingIsOverwritten() throws {
        let pupilAUP = try makeTemporaryDirectory(prefix: "aup-text")
        addTeardownBlock { deleteTemporaryDirectory(pupilAUP) }
        let newText = pupilAUP.appendingPathComponent("pupil.txt")
        try Data("A new pupil AUP text.\n".utf8).write(to: newText)
        let cases: [Case] = [
            Case(name: "truncated", file: "directory.json", problem: "ends", damage: { url in
                let data = try Data(contentsOf: url)
                try data.prefix(data.count / 2).write(to: url)
            }, command: ["export", "people"]),
            Case(name: "invalid UTF-8", file: "profile.json", problem: "UTF-8", damage: { url in
                var data = try Data(contentsOf: url)
                data.insert(contentsOf: [0xFF, 0xFE], at: data.count / 2)
                try data.write(to: url)
            }, command: ["export", "roles"]),
            Case(name: "wrong type", file: "INCIDENT", problem: "status", damage: { url in
                try self.rewrite(url) { $0.replacingOccurrences(of: "\"status\" : \"", with: "\"status\" : 5, \"was\" : \"") }
            }, command: ["export", "incidents", "--user", "Amira Haddad"]),
            Case(name: "duplicate incident id", file: "incidents/2026-9999.json", problem: "holds incident", damage: { url in
                let source = url.deletingLastPathComponent().appendingPathComponent((try self.firstIncident(url.deletingLastPathComponent().deletingLastPathComponent())).split(separator: "/").last.map(String.init) ?? "")
                try FileManager.default.copyItem(at: source, to: url)
                chmod(url.path, 0o600)
            }, command: ["export", "incidents", "--user", "Amira Haddad"]),
            Case(name: "duplicate person id (roster)", file: "aup/roster-pupils.json", problem: "more than once", damage: { url in
                try self.rewrite(url) { $0.replacingOccurrences(of: "\"pupil-0002\"", with: "\"pupil-0001\"") }
            }, command: ["aup", "publish", "pupil", newText.path, "--user", "Amira Haddad"]),
            Case(name: "duplicate person id (directory)", file: "directory.json", problem: "more than once", damage: { url in
                try self.rewrite(url) { $0.replacingOccurrences(of: "\"id\" : \"P0002\"", with: "\"id\" : \"P0001\"") }
            }, command: ["export", "people"]),
            Case(name: "newer format version", file: "manifest.json", problem: "newer", damage: { url in
                try self.rewrite(url) { $0.replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 99") }
            }, command: ["aup", "publish", "pupil", newText.path, "--user", "Amira Haddad"]),
            Case(name: "missing manifest", file: "manifest.json", problem: "no manifest.json", damage: { url in
                try FileManager.default.removeItem(at: url)
            }, command: ["export", "people"]),
            Case(name: "wrong permissions", file: "profile.json", problem: "0644", damage: { url in
                chmod(url.path, 0o644)
            }, command: []),
        ]
        var trials = 0
        for trial in cases {
            let store = try demoStore()
            let file = trial.file == "INCIDENT" ? try firstIncident(store) : trial.file
            try trial.damage(store.appendingPathComponent(file))
            let before = try snapshot(store)

            let check = try runEsafety(["check", "--store", store.path])
            XCTAssertEqual(check.status, 1, "\(trial.name): \(check.standardOutput)")
            let reported = (check.standardOutput + check.standardError).split(separator: "\n").filter { $0.contains(file) }
            XCTAssertTrue(reported.contains { $0.contains(trial.problem) },
                          "\(trial.name): check should name \(file) and say \(trial.problem):\n\(check.standardOutput)")
            if !trial.command.isEmpty {
                let opened = try runEsafety(trial.command + ["--store", store.path], environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
                XCTAssertNotEqual(opened.status, 0, "\(trial.name): \(opened.standardOutput)")
                let message = opened.standardError + opened.standardOutput
                XCTAssertTrue(message.contains(file), "\(trial.name): the message should name \(file): \(message)")
            }
            XCTAssertEqual(try snapshot(store), before, "\(trial.name): a file of the store was changed")
            trials += 1
        }
        XCTAssertEqual(trials, 9)
    }

    func testADamagedDocumentIsRestoredFromTheDailyBackupAndTheDamagedOneKept() throws {
        let store = try demoStore()
        let text = try makeTemporaryDirectory(prefix: "aup-text")
        addTeardownBlock { deleteTemporaryDirectory(text) }
        try Data("A new pupil AUP text.\n".utf8).write(to: text.appendingPathComponent("pupil.txt"))
        // A change makes today's backup of the versions document, as it was before.
        let publish = try runEsafety(["aup", "publish", "pupil", text.appendingPathComponent("pupil.txt").path, "--store", store.path,
                                      "--user", "Amira Haddad"], environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertEqual(publish.status, 0, publish.standardError)
        let versions = store.appendingPathComponent("aup/versions.json")
        try Data("{\"versions\" : [".utf8).write(to: versions)
        XCTAssertEqual(try runEsafety(["check", "--store", store.path]).status, 1)

        let listed = try runEsafety(["restore", "aup/versions.json", "--list", "--store", store.path])
        XCTAssertEqual(listed.standardOutput.split(separator: "\n").count, 1, listed.standardOutput)
        let unsigned = try runEsafety(["restore", "aup/versions.json", "--store", store.path])
        XCTAssertNotEqual(unsigned.status, 0, "a restore needs an administrator's sign-in")
        XCTAssertTrue(unsigned.standardError.contains("--user"), unsigned.standardError)
        let office = try runEsafety(["restore", "aup/versions.json", "--store", store.path, "--user", "Siobhán Byrne"],
                                    environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertTrue(office.standardError.contains("Only an administrator"), office.standardError)
        let path = try runEsafety(["restore", "aup/versions.json", "--day", "../../elsewhere", "--store", store.path, "--user", "Amira Haddad"],
                                  environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertTrue(path.standardError.contains("is not a day"), path.standardError)
        let users = try runEsafety(["restore", "users.json", "--store", store.path, "--user", "Amira Haddad"],
                                   environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertTrue(users.standardError.contains("never restored from a backup"), users.standardError)
        let restored = try runEsafety(["restore", "aup/versions.json", "--store", store.path, "--user", "Amira Haddad"],
                                      environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertEqual(restored.status, 0, restored.standardError)
        XCTAssertTrue(restored.standardOutput.contains("backups/replaced/"), restored.standardOutput)
        let check = try runEsafety(["check", "--store", store.path])
        XCTAssertEqual(check.status, 0, check.standardOutput)
        // The damaged file is kept, and the restore is in the audit log.
        let kept = try FileManager.default.subpathsOfDirectory(atPath: store.appendingPathComponent("backups/replaced").path)
        XCTAssertTrue(kept.contains { $0.hasSuffix("aup/versions.json") }, "\(kept)")
        let audit = try String(contentsOf: store.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"store.restore\""))
    }
}
