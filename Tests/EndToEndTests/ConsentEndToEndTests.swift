import Foundation
import XCTest
import TestSupport

/// The image consent register through the built binary: recorded, withdrawn, listed, reviewed,
/// imported all or nothing and exported from the command line (the exports read back with
/// python3's csv and json), and the "who may not be photographed" list on screen in tmux.
final class ConsentEndToEndTests: XCTestCase {
    private let environment = ["ESAFETY_TODAY": "2026-11-25", "ESAFETY_PASSPHRASE": "hollybrook demo"]

    private func demoStore() throws -> URL { try makeDemoStore(environment: environment) }

    @discardableResult
    private func esafety(_ arguments: [String], store: URL, as user: String = "Siobhán Byrne", status: Int32 = 0,
                         file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        try runSignedIn(arguments, store: store, as: user, environment: environment, status: status, file: file, line: line)
    }

    /// The export read back by python3: rows as dictionaries.
    private func exported(_ format: String, store: URL, as user: String = "Siobhán Byrne") throws -> [[String: String]] {
        let file = store.deletingLastPathComponent().appendingPathComponent("consents-\(UUID().uuidString).\(format)")
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        try esafety(["export", "consents", "--format", format, "--output", file.path], store: store, as: user)
        let script = format == "csv"
            ? "import csv, json, sys\nprint(json.dumps(list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))))"
            : "import json, sys\nprint(json.dumps(json.load(open(sys.argv[1], encoding='utf-8'))['consents']))"
        let result = try runPython(script: script, arguments: [file.path])
        if result.status == 127 { throw XCTSkip("python3 is needed to read the export independently") }
        XCTAssertEqual(result.status, 0, result.error)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: String]])
    }

    func testRecordWithdrawReviewAndExportFromTheCommandLine() throws {
        let store = try demoStore()
        try esafety(["consent", "record", "Zoë Ōkubo", "--given", "website,displays", "--given", "pupils-work", "--by", "Kenji Ōkubo",
                     "--date", "20/11/2026", "--form-version", "2026-v1"], store: store)
        let list = try esafety(["consent", "not-photographed", "--class", "RA"], store: store).standardOutput
        XCTAssertTrue(list.contains("Who may not be photographed: Class RA"), list)
        XCTAssertTrue(list.contains("Zoë Ōkubo") && list.contains("Not for: Social media, Newsletter and press"), list)
        let trip = try esafety(["consent", "not-photographed", "--class", "RA", "--class", "RB", "--trip", "Trip to Wells"], store: store).standardOutput
        XCTAssertTrue(trip.contains("Who may not be photographed: Trip to Wells") && trip.contains("of 8 pupils"), trip)

        try esafety(["consent", "add-image", "Nativity photo, website gallery", "--use", "website", "--pupil", "Zoë Ōkubo"], store: store)
        let withdrawn = try esafety(["consent", "withdraw", "Zoë Ōkubo", "--use", "website", "--by", "Kenji Ōkubo"], store: store).standardOutput
        XCTAssertTrue(withdrawn.contains("To review: image-0003 Nativity photo"), withdrawn)
        let review = try esafety(["consent", "review"], store: store, status: 1).standardOutput
        XCTAssertTrue(review.contains("Zoë Ōkubo (withdrawn 25/11/2026 by Kenji Ōkubo)"), review)

        for format in ["csv", "json"] {
            let rows = try exported(format, store: store)
            XCTAssertEqual(rows.count, 56, "every pupil on the demo roster")
            let zoe = try XCTUnwrap(rows.first { $0["name"] == "Zoë Ōkubo" })
            XCTAssertEqual(zoe["website"], "withdrawn")
            XCTAssertEqual(zoe["social-media"], "no")
            XCTAssertEqual(zoe["displays"], "yes")
            XCTAssertEqual(zoe["givenBy"], "Kenji Ōkubo")
            XCTAssertEqual(zoe["givenOn"], "2026-11-20", "the latest form counts: the demo's own form is older")
            XCTAssertEqual(zoe["formVersion"], "2026-v1")
            XCTAssertEqual(zoe["withdrawnOn"], "2026-11-25")
            XCTAssertEqual(zoe["class"], "RA")
        }
        // A governor sees counts only.
        let refused = try esafety(["export", "consents"], store: store, as: "Peter Okafor", status: 1)
        XCTAssertTrue(refused.standardOutput.isEmpty)
        XCTAssertTrue(refused.standardError.contains("read the image consent register"), refused.standardError)
        let figures = try runEsafety(["report", "figures", "--store", store.path], environment: environment)
        XCTAssertTrue(figures.standardOutput.contains("Pupils who withdrew consent"), figures.standardOutput)
        XCTAssertFalse(figures.standardOutput.contains("Zoë"))
    }

    func testTheImportOfTheRostersConsentColumnsIsAllOrNothing() throws {
        let store = try demoStore()
        let before = try exported("csv", store: store)
        let file = store.deletingLastPathComponent().appendingPathComponent("mis-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        let header = "Legal Forename,Legal Surname,Reg Group,Consent Website,Consent Social Media,Consent Newsletter/Press,Consent Display,Consent Pupils Work,Consent Given By,Consent Date\r\n"
        try (header + "Zoë,Ōkubo,RA,N,N,N,Y,Y,Kenji Ōkubo,01/11/2026\r\nNo,Such,RA,Y,Y,Y,Y,Y,A parent,01/11/2026\r\n").write(to: file, atomically: true, encoding: .utf8)
        let bad = try esafety(["import", "consents", file.path, "--form-version", "2026-v2"], store: store, status: 1)
        XCTAssertTrue(bad.standardError.contains("line 3: no pupil on the roster matches No Such"), bad.standardError)
        XCTAssertTrue(bad.standardError.contains("Nothing was imported"), bad.standardError)
        XCTAssertEqual(try exported("csv", store: store), before, "nothing changed")

        try (header + "Zoë,Ōkubo,RA,N,N,N,Y,Y,Kenji Ōkubo,01/11/2026\r\n").write(to: file, atomically: true, encoding: .utf8)
        let noVersion = try esafety(["import", "consents", file.path], store: store, status: 1)
        XCTAssertTrue(noVersion.standardError.contains("the form version"), noVersion.standardError)
        let good = try esafety(["import", "consents", file.path, "--form-version", "2026-v2"], store: store)
        XCTAssertTrue(good.standardOutput.contains("Imported 1 consent form to record"), good.standardOutput)
        let zoe = try XCTUnwrap(try exported("json", store: store).first { $0["name"] == "Zoë Ōkubo" })
        XCTAssertEqual(zoe["website"], "no")
        XCTAssertEqual(zoe["displays"], "yes")
        XCTAssertEqual(zoe["formVersion"], "2026-v2")
        let check = try runEsafety(["check", "--store", store.path], environment: environment)
        XCTAssertEqual(check.status, 0, check.standardOutput + check.standardError)
    }

    func testTheNotPhotographedListOnScreenAndPrintedToAFile() throws {
        let store = try demoStore()
        try esafety(["consent", "record", "Zoë Ōkubo", "--given", "displays", "--by", "Kenji Ōkubo", "--form-version", "2026-v1"], store: store)
        let home = try makeTemporaryDirectory(prefix: "esafety-home")
        addTeardownBlock { deleteTemporaryDirectory(home) }
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))",
                                environment: ["ESAFETY_TODAY": "2026-11-25"])
        try app.signIn(as: "Siobhán Byrne")
        try app.waitFor("7  Images and filtering")
        app.send(keys: "7")
        try app.waitFor("1  Who may not be photographed")
        let menu = app.screen()
        XCTAssertFalse(menu.contains("Decide unblock requests"), "only the head teacher is offered the decisions: \(menu)")
        XCTAssertFalse(menu.contains("Filtering and monitoring "), "office staff do not read the filtering log: \(menu)")
        app.send(keys: "1")
        try app.waitFor("Class RA  (4 pupils)")
        app.send(keys: "Enter")
        let list = try app.waitFor("Who may not be photographed: Class RA")
        XCTAssertTrue(list.contains("Zoë Ōkubo") && list.contains("Not for: School website, Social media, Newsletter and"), list)
        app.send(keys: "p")
        try app.waitFor("A file")
        let printed = home.appendingPathComponent("not-photographed-RA.txt")
        app.send(keys: "Tab", "C-e", "C-u")
        app.type(printed.path)
        try app.waitFor("not-photographed-RA.txt")
        app.send(keys: "F2")
        try app.waitFor("(readable by you only)")  // "Wrote <path>": a long path wraps over the status rows
        let text = try String(contentsOf: printed, encoding: .utf8)
        XCTAssertTrue(text.contains("Zoë Ōkubo") && text.contains("Not for: School website, Social media, Newsletter and press"), text)
        let mode = try FileManager.default.attributesOfItem(atPath: printed.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "it names pupils: readable by its owner only")
    }
}
