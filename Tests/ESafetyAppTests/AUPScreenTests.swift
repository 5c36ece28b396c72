import Foundation
import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

/// The AUP screens on a virtual 80x24 terminal.
@MainActor
final class AUPScreenTests: AppTestCase {
    func testSignAtTheTerminalNeedsTheFullNameAndTheWitnessConfirms() async throws {
        try launchWithPupils()
        press(.character("4"), .character("1"))
        XCTAssertEqual(app.breadcrumb, "Home › AUP signatures › Sign at this terminal")
        press(.character("/"))
        type("zoe ok")
        press(.enter)  // the only match opens at once
        XCTAssertEqual(app.top.title, "Sign: Zoë Ōkubo")
        assertScreen(contains: "Pupil Acceptable Use Policy")
        // The signature is enabled only once the text has been shown to its end.
        XCTAssertTrue(screen.contains("Read the text to its end"), screen)
        XCTAssertFalse(screen.contains("Signer, type your full name"))
        XCTAssertTrue(press(.enter).contains("Read the text to its end first"))
        type("Zoe")
        XCTAssertFalse(screen.contains("Zoe"), "nothing is typed before the end")
        press(.end)
        assertScreen(contains: "end of the text")
        assertScreen(contains: "Signer, type your full name")
        type("Zoe Okubo")
        assertScreen(contains: "Zoe Okubo")
        let refused = press(.enter)
        XCTAssertTrue(refused.contains("is not the name on the record"), refused)
        for _ in 0..<9 { press(.backspace) }
        type("Zoë Ōkubo")
        let asked = press(.enter)
        XCTAssertTrue(asked.contains("witnessed by Test Office"), asked)
        press(.character("y"))
        assertScreen(contains: "Zoë Ōkubo signed the Pupil AUP.")
        let zoe = try XCTUnwrap(workspace.aup.people.first { $0.fullName == "Zoë Ōkubo" })
        XCTAssertEqual(workspace.aup.countingSignature(of: zoe, today: workspace.today)?.witness, actor)
    }

    func testTickThroughAClassAndTheMissingListShrinks() async throws {
        try launchWithPupils()
        press(.character("4"), .character("3"))
        press(.character("/"))
        type("4B")
        press(.enter)  // the only match opens at once
        XCTAssertEqual(app.top.title, "Class 4B")
        assertScreen(contains: "0 of 3 signed (0%)")
        press(.character(" "), .character(" "))
        assertScreen(contains: "2 of 3 signed (66%)")
        assertScreen(contains: "[x] Ada Fictional")
        assertScreen(contains: "[ ] Zoë Ōkubo")
        press(.escape, .character("5"))
        XCTAssertEqual(app.top.title, "Who has not signed")
        assertScreen(contains: "Class 4B")
        let missing = workspace.aup.missing(group: .pupil, today: workspace.today).map(\.fullName)
        XCTAssertEqual(missing, ["Cat Fictional", "Zoë Ōkubo"])
    }

    func testHomeShowsThisYearsCompletion() async throws {
        try launchWithPupils()
        try workspace.aup.tick(personID: workspace.aup.people(in: .pupil)[0].id)
        press(.escape)
        assertScreen(contains: "1 of 4 signed (25%)")
    }
}

/// A large import shows its progress while the rows are checked.
@MainActor
final class AUPImportProgressTests: AppTestCase {
    func testTheImportShowsAProgressBarWhileItChecksTheRows() async throws {
        try launch()
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: csv) }
        var lines = ["UPN,Legal Forename,Legal Surname,Reg Group,DOB"]
        for index in 0..<1_200 { lines.append("\(fictionalUPN(20000 + index)),Pupil\(index),Fictional,4B,01/03/2018") }
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: csv, atomically: true, encoding: .utf8)
        press(.character("4"), .character("6"))
        XCTAssertEqual(app.top.title, "Import people")
        type(csv.path)
        let before = terminal.history.count
        press(.function(2))
        XCTAssertEqual(app.top.title, "Preview")
        let shown = terminal.history[before...].filter { $0.contains("Checking roster-") }
        XCTAssertGreaterThanOrEqual(shown.count, 10, "the bar moves as rows are checked")
        XCTAssertTrue(shown.contains { $0.contains("600 of 1200 (50%)") }, shown.last ?? "")
        XCTAssertTrue(shown.contains { $0.contains("1200 of 1200 (100%)") })
    }
}

/// A well-formed permanent UPN for test rosters, with the DfE check letter.
func fictionalUPN(_ number: Int) -> String {
    let body = "8012000" + String(format: "%05d", number)
    return String(UPN.checkLetter(for: body)!) + body
}

/// The import's refusals in the app: a scrollable list with line, column, value and why.
@MainActor
final class ImportErrorsScreenTests: AppTestCase {
    func testABadFileShowsEachBadRowInAList() async throws {
        try launch()
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: csv) }
        var lines = ["UPN,Legal Forename,Legal Surname,Reg Group,DOB"]
        for index in 0..<40 { lines.append("\(fictionalUPN(3000 + index)),Pupil\(index),Fictional,4B,01/03/2018") }
        lines[3] = "A801200005001,Zoë,Ōkubo,4B,01/03/2018"    // line 4: wrong check letter
        lines[7] = "\(fictionalUPN(9)),Sam,,4B,01/03/2018"     // line 8: no surname
        lines[30] = "\(fictionalUPN(10)),Ann,Lee,9Z,31/02/2018"  // line 31: unknown class, bad date
        try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        press(.character("4"), .character("6"))
        type(csv.path)
        let shown = press(.function(2))
        XCTAssertEqual(app.top.title, "Import refused", shown)
        XCTAssertTrue(shown.contains("Nothing was imported: 4 rows need fixing"), shown)
        let rows = shown.split(separator: "\n").map(String.init)
        XCTAssertTrue(rows.contains { $0.contains("4") && $0.contains("UPN") && $0.contains("A801200005001") }, shown)
        // The selected row's reason in full below the list.
        XCTAssertTrue(shown.contains("Line 4, column UPN: the UPN “A801200005001” has the wrong check letter"), shown)
        XCTAssertTrue(press(.down).contains("Line 8, column Legal Surname: the surname is missing for Sam"))
        press(.up)
        XCTAssertTrue(rows.contains { $0.contains("8") && $0.contains("Legal Surname") && $0.contains("surname is missing") }, shown)
        XCTAssertTrue(rows.contains { $0.contains("31") && $0.contains("Reg Group") && $0.contains("9Z") }, shown)
        XCTAssertTrue(rows.contains { $0.contains("31") && $0.contains("DOB") && $0.contains("31/02/2018") }, shown)
        XCTAssertFalse(shown.contains("?"), "no line breaks turned into question marks")
        XCTAssertTrue(workspace.aup.people.isEmpty, "nothing imported")
        press(.escape)
        XCTAssertEqual(app.top.title, "Import people", "Esc goes back to the form as typed")
        XCTAssertTrue(screen.contains(csv.lastPathComponent))
    }
}

extension AppTestCase {
    /// Opens the app on a new store with four pupils: three in 4B, one in 5A.
    func launchWithPupils() throws {
        try launch()
        let csv = "Name,Class\nZoë Ōkubo,4B\nAda Fictional,4B\nBea Fictional,4B\nCat Fictional,5A\n"
        try workspace.aup.apply(PeopleImport.plan(csv: csv, sourceName: "t.csv", register: workspace.aup))
    }
}
