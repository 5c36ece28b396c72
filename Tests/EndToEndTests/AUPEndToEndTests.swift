import Foundation
import XCTest
import TestSupport

/// AUP signatures through the built binary in tmux at 80x24: import a 600-pupil roster, sign
/// Zoë Ōkubo at the terminal, tick through a class, watch the missing list shrink by exactly
/// those pupils, then publish a new pupil AUP and see every pupil due again.
final class AUPEndToEndTests: XCTestCase {
    private let classes = ["RA", "RB", "1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B", "5A", "5B", "6A", "6B"]

    /// 600 fictional pupils; Zoë Ōkubo is the first (class RA).
    private func writeRoster(to url: URL, badLine: Int? = nil) throws -> [(name: String, className: String)] {
        var pupils: [(String, String)] = []
        var lines = ["UPN,Legal Forename,Legal Surname,Reg Group,DOB"]
        for index in 0..<600 {
            let name = index == 0 ? ("Zoë", "Ōkubo") : ("Pupil\(index)", "Fictional")
            let schoolClass = index + 2 == badLine ? "7Q" : classes[index % classes.count]
            lines.append("\(fictionalUPN(10000 + index)),\(name.0),\(name.1),\(schoolClass),0\(1 + index % 9)/03/2018")
            pupils.append(("\(name.0) \(name.1)", schoolClass))
        }
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: url, atomically: true, encoding: .utf8)
        return pupils
    }

    /// The names `esafety aup missing --group pupil` lists.
    private func missingPupils(store: URL) throws -> Set<String> {
        let result = try runEsafety(["aup", "missing", "--group", "pupil", "--store", store.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let names = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains("\tpupil") }
            .map { String($0.dropFirst(2).split(separator: "\t")[0]) }
        return Set(names)
    }

    func testImportSignTickMissingAndPublish() throws {
        let store = try makeTemporaryStore()
        let csv = store.deletingLastPathComponent().appendingPathComponent("roster-\(UUID().uuidString).csv")
        let newText = store.deletingLastPathComponent().appendingPathComponent("aup-\(UUID().uuidString).txt")
        addTeardownBlock { try? FileManager.default.removeItem(at: csv); try? FileManager.default.removeItem(at: newText) }
        let pupils = try writeRoster(to: csv)
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))")
        try app.completeSetUp()
        try app.waitFor("4  AUP signatures")

        // Import.
        app.send(keys: "4")
        try app.waitFor("7  Publish a new AUP text")
        app.send(keys: "6")
        try app.waitFor("CSV file")
        app.type(csv.path)
        app.send(keys: "F2")
        try app.waitFor("Ready: 600 rows: pupils: 600 new")
        app.send(keys: "F2")
        try app.waitFor("Imported 600 rows")
        let everyone = Set(pupils.map(\.name))
        XCTAssertEqual(try missingPupils(store: store), everyone)

        // Sign Zoë Ōkubo at the terminal.
        app.send(keys: "1")
        try app.waitFor("Enter chooses")
        app.send(keys: "/")
        app.type("okubo")
        try app.waitFor("Zoë Ōkubo · pupil, RA")
        app.send(keys: "Enter")  // the only match opens at once
        // The signature is enabled only once the text has been shown to its end.
        try app.waitFor("Read the text to its end")
        app.send(keys: "PageDown", "PageDown")
        try app.waitFor("Signer, type your full name")
        app.type("Zoë Ōkubo")
        app.send(keys: "Enter")
        try app.waitFor("Record this signature?")
        app.send(keys: "y")
        try app.waitFor("Zoë Ōkubo signed the Pupil AUP.")

        // Tick through class 4B.
        let class4B = pupils.filter { $0.className == "4B" }.map(\.name)
        XCTAssertEqual(class4B.count, 43)
        app.send(keys: "3")
        try app.waitFor("Class RA")
        app.send(keys: "/")
        app.type("Class 4B")
        app.send(keys: "Enter")  // the only match opens at once
        try app.waitFor("Class 4B · 0 of 43 signed (0%)")
        app.send(keys: Array(repeating: "Space", count: 43))
        try app.waitFor("Class 4B · 43 of 43 signed (100%)")
        app.send(keys: "Escape")
        try app.waitFor("5  Who has not signed")
        app.send(keys: "5")
        let missingScreen = try app.waitFor("Everyone")
        XCTAssertTrue(missingScreen.contains("556"), missingScreen)

        // The missing list shrank by exactly those pupils.
        let after = try missingPupils(store: store)
        XCTAssertEqual(everyone.subtracting(after), Set(class4B + ["Zoë Ōkubo"]))
        XCTAssertEqual(after.count, 600 - 44)

        // Publish a new pupil AUP: every pupil is due again.
        try "Our new class agreement (fictional).\n1. Be kind online.\n".write(to: newText, atomically: true, encoding: .utf8)
        app.send(keys: "Escape")
        try app.waitFor("7  Publish a new AUP text")
        app.send(keys: "7")
        try app.waitFor("Text file")
        app.send(keys: "Tab")
        app.type(newText.path)
        app.send(keys: "F2")
        try app.waitFor("Published Pupil AUP")
        XCTAssertEqual(try missingPupils(store: store), everyone)
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }

    func testCommandLineImportRefusesLine57AndExportsSignatures() throws {
        let store = try makeTemporaryStore()
        let csv = store.deletingLastPathComponent().appendingPathComponent("roster-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: csv) }
        XCTAssertEqual(try runEsafety(["init", "--store", store.path]).status, 0)
        _ = try writeRoster(to: csv, badLine: 57)
        let refused = try runEsafety(["import", "people", csv.path, "--store", store.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.standardError.contains("line 57: the class “7Q” is not in the class list"), refused.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.appendingPathComponent("aup/roster-pupils.json").path), "nothing imported")

        _ = try writeRoster(to: csv)
        let imported = try runEsafety(["import", "people", csv.path, "--mapping", "name=Legal Forename,class=Reg Group", "--store", store.path])
        XCTAssertEqual(imported.status, 0, imported.standardError)
        XCTAssertTrue(imported.standardOutput.contains("Columns: name ← Legal Forename"), imported.standardOutput)
        XCTAssertTrue(imported.standardOutput.contains("Imported 600 rows: pupils: 600 new"), imported.standardOutput)
        let roster = try String(contentsOf: store.appendingPathComponent("aup/roster-pupils.json"), encoding: .utf8)
        XCTAssertTrue(roster.contains("\"fullName\" : \"Pupil5\""), "the mapping chose the forename column")
        let demo = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", demo.path]).status, 0)
        let json = try runEsafety(["export", "signatures", "--format", "json", "--store", demo.path])
        XCTAssertEqual(json.status, 0, json.standardError)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        XCTAssertGreaterThan((object?["signatures"] as? [Any])?.count ?? 0, 10)
        let csvOut = try runEsafety(["export", "signatures", "--format", "csv", "--store", demo.path])
        XCTAssertTrue(csvOut.standardOutput.hasPrefix("personID,name,group,class,aup,version,signedOn"), csvOut.standardOutput)
        let missing = try runEsafety(["aup", "missing", "--store", demo.path])
        XCTAssertTrue(missing.standardOutput.contains("Pupils"), missing.standardOutput)
        XCTAssertTrue(missing.standardOutput.contains("signed ("), missing.standardOutput)
    }
}

/// `export … -o FILE` writes as it goes; `bench run` reads peak memory from real commands.
final class ExportFileEndToEndTests: XCTestCase {
    func testAnExportToAFileIsOwnerOnlyAndWhole() throws {
        let demo = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", demo.path]).status, 0)
        let file = demo.deletingLastPathComponent().appendingPathComponent("signatures-\(getpid()).json")
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        let result = try runEsafety(["export", "signatures", "--store", demo.path, "-o", file.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, "", "nothing on standard output when writing a file")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        XCTAssertGreaterThan((object?["signatures"] as? [Any])?.count ?? 0, 10)

        // A failed export leaves the file that was there, and no half-written one beside it.
        let shard = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: demo.appendingPathComponent("aup-signatures").path).sorted().first)
        try Data("{ damaged".utf8).write(to: demo.appendingPathComponent("aup-signatures/\(shard)"))
        let before = try Data(contentsOf: file)
        let failed = try runEsafety(["export", "signatures", "--store", demo.path, "-o", file.path])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.standardError.contains("aup-signatures/\(shard)"), failed.standardError)
        XCTAssertEqual(try Data(contentsOf: file), before, "the earlier export is untouched")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).contains { $0.contains(".partial-") })

        let unwritable = demo.appendingPathComponent("no-such-folder/out.json")
        let refused = try runEsafety(["export", "signatures", "--store", demo.path, "-o", unwritable.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.standardError.contains("Cannot write \(unwritable.path)"), refused.standardError)
    }

    func testACommandReportsItsPeakMemoryWhenTheBenchAsks() throws {
        let demo = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", demo.path]).status, 0)
        let report = demo.deletingLastPathComponent().appendingPathComponent("peak-\(getpid())")
        addTeardownBlock { try? FileManager.default.removeItem(at: report) }
        let check = try runEsafety(["check", "--store", demo.path], environment: ["ESAFETY_BENCH_PEAK_MEMORY_FILE": report.path])
        XCTAssertEqual(check.status, 0, check.standardOutput + check.standardError)
        let kilobytes = Int(try String(contentsOf: report, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertNotNil(kilobytes)
        XCTAssertGreaterThan(kilobytes ?? 0, 1_000, "more than a megabyte: a real figure, not zero")
        XCTAssertLessThan(kilobytes ?? .max, 1_000_000)
    }
}

/// A well-formed permanent UPN for test rosters: characters 2 to 13 weighted 2 to 13, summed
/// modulo 23, read in the DfE's check alphabet (worked out here as the DfE describes it, so
/// the test does not take esafety's word for it).
func fictionalUPN(_ number: Int) -> String {
    let body = Array("8012000" + String(format: "%05d", number))
    let sum = body.enumerated().reduce(0) { $0 + ($1.element.wholeNumberValue ?? 0) * ($1.offset + 2) }
    return String(Array("ABCDEFGHJKLMNPQRTUVWXYZ")[sum % 23]) + String(body)
}
