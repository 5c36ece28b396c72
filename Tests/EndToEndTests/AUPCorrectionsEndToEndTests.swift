import Foundation
import XCTest
import TestSupport

/// AUP mistakes put right through the built binary in tmux at 80x24: a class ticked at once
/// after the count is confirmed, one tick voided with a reason and shown struck through in the
/// person's history, and the export saying when and why.
final class AUPCorrectionsEndToEndTests: XCTestCase {
    func testTickAClassVoidOneAndSeeItInTheHistoryAndTheExport() throws {
        let store = try makeTemporaryStore()
        let csv = store.deletingLastPathComponent().appendingPathComponent("roster-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: csv) }
        let rows = ["Zoë,Ōkubo", "Ada,Fictional", "Bea,Fictional"].enumerated().map { index, name in
            "\(fictionalUPN(40000 + index)),\(name),4B,01/03/2018"
        }
        try (["UPN,Legal Forename,Legal Surname,Reg Group,DOB"] + rows).joined(separator: "\n").appending("\n").write(to: csv, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runEsafety(["init", "--store", store.path]).status, 0)
        let imported = try runEsafety(["import", "people", csv.path, "--store", store.path])
        XCTAssertEqual(imported.status, 0, imported.standardError)

        let app = try startTmux(command: "\(TmuxSession.quote(try esafetyBinary().path)) --store \(TmuxSession.quote(store.path))")
        try app.completeSetUp()
        app.send(keys: "4")
        try app.waitFor("3  Tick through a class")
        app.send(keys: "3")
        try app.waitFor("Choose a class")
        app.send(keys: "/")
        app.type("Class 4B")
        app.send(keys: "Enter")  // the only match opens at once
        try app.waitFor("Class 4B · 0 of 3 signed (0%)")
        app.send(keys: "F6")
        try app.waitFor("Record 3 pupils of class 4B not yet signed")
        app.send(keys: "y")
        try app.waitFor("Ticked 3 pupils of class 4B.")
        try app.waitFor("3 of 3 signed (100%)")

        // Ada Fictional is first by name: her tick was a mistake.
        app.send(keys: "v")
        try app.waitFor("Void Ada Fictional's Pupil AUP signature")
        app.type("Ticked the wrong pupil")
        app.send(keys: "F2")
        try app.waitFor("Voided Ada Fictional's Pupil AUP signature")
        try app.waitFor("2 of 3 signed (66%)")

        app.send(keys: "Escape")
        try app.waitFor("8  A person's signatures")
        app.send(keys: "8")
        try app.waitFor("Enter chooses")
        app.send(keys: "/")
        app.type("ada")
        try app.waitFor("Ada Fictional · pupil, 4B")
        app.send(keys: "Enter")
        // Synchronised on the whole history being drawn, not on its first line: under load a
        // capture can come between the row and the detail under it.
        let history = try app.waitUntil("the voided signature's history") {
            $0.contains("VOIDED: Ticked the wrong pupil") && $0.contains("by Sam Office: Ticked the wrong pupil")
        }
        XCTAssertTrue(history.contains("NOT SIGNED this year"), history)
        XCTAssertTrue(history.contains("by Sam Office: Ticked the wrong pupil"), history)
        let row = try XCTUnwrap(history.split(separator: "\n").first { $0.contains("VOIDED:") })
        XCTAssertTrue(row.contains("P\u{0336}u\u{0336}p\u{0336}i\u{0336}l\u{0336}"), "struck through in the terminal: \(row)")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)

        let export = try runEsafety(["export", "signatures", "--format", "csv", "--store", store.path])
        XCTAssertEqual(export.status, 0, export.standardError)
        let adaRows = export.standardOutput.split(whereSeparator: \.isNewline).filter { $0.contains("Ada Fictional") }
        XCTAssertEqual(adaRows.count, 1)
        XCTAssertTrue(adaRows.first?.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(",Ticked the wrong pupil") ?? false, export.standardOutput)
        let missing = try runEsafety(["aup", "missing", "--group", "pupil", "--store", store.path])
        XCTAssertTrue(missing.standardOutput.contains("Ada Fictional"), missing.standardOutput)
        XCTAssertFalse(missing.standardOutput.contains("Bea Fictional"), missing.standardOutput)
        let audit = try String(contentsOf: store.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("aup.void"), "the void is audited")
    }
}
