import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The AUP register on a real store: signing, versions, guests, sharding and the all-or-nothing import.
final class AUPRegisterTests: StoreTestCase {
    private func workspace(today: String = "2026-11-25") throws -> Workspace {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        workspace.timeZone = TimeZone(identifier: "UTC")!
        workspace.now = { ISO8601DateFormatter().date(from: today + "T10:00:00Z")! }
        try workspace.aup.load()
        return workspace
    }

    /// A roster CSV of `count` pupils in the default classes, with Zoë Ōkubo on line 2.
    static func rosterCSV(count: Int, badLine: Int? = nil) -> String {
        let classes = ["RA", "RB", "1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B", "5A", "5B", "6A", "6B"]
        var lines = ["Forename,Surname,Reg Group,DOB,UPN"]
        for index in 0..<count {
            let line = index + 2
            let (forename, surname) = index == 0 ? ("Zoë", "Ōkubo") : ("Pupil\(index)", "Fictional")
            let schoolClass = line == badLine ? "9Z" : classes[index % classes.count]
            lines.append("\(forename),\(surname),\(schoolClass),01/0\(1 + index % 9)/2018,\(fictionalUPN(1000 + index))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testABadRowOnLine57IsRefusedWithItsLineNumberAndNothingIsImported() throws {
        let workspace = try workspace()
        do {
            _ = try PeopleImport.plan(csv: Self.rosterCSV(count: 600, badLine: 57), sourceName: "roster.csv", register: workspace.aup)
            XCTFail("the import should be refused")
        } catch let error as PeopleImportError {
            guard case .badRows(let problems, let total) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(total, 1)
            XCTAssertEqual(problems.first?.line, 57)
            XCTAssertTrue(error.description.contains("line 57: the class “9Z” is not in the class list"), error.description)
            XCTAssertTrue(error.description.contains("Nothing was imported"))
        }
        XCTAssertTrue(workspace.aup.people.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: storeURL.appendingPathComponent("aup/roster-pupils.json").path))
    }

    func testMissingNameAndBadDateAreReportedByLine() throws {
        let workspace = try workspace()
        let csv = "Name,Class,DOB\nAda Fictional,4B,2018-02-30\n,4B,01/01/2018\n\"Multi\nLine\",4B,1/1/2018\nBea Fictional,4B,31/12/2017\n"
        XCTAssertThrowsError(try PeopleImport.plan(csv: csv, sourceName: "x.csv", register: workspace.aup)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("line 2: the dob “2018-02-30” is not a date"), text)
            XCTAssertTrue(text.contains("line 3: the name is missing"), text)
            XCTAssertTrue(text.contains("2 rows need fixing"), text)
        }
        let good = "Name,Class,DOB\n\"Multi\nLine Person\",4B,1/1/2018\nBea Fictional,4B,31/12/2017\nCat Fictional,4X,1/1/2018\n"
        XCTAssertThrowsError(try PeopleImport.plan(csv: good, sourceName: "x.csv", register: workspace.aup)) { error in
            XCTAssertTrue(String(describing: error).contains("line 5: the class “4X”"), "a quoted line break counts as a line: \(error)")
        }
    }

    func testImportThenSignAndPublishMakesEveryPupilDueAgain() throws {
        let workspace = try workspace()
        let register = workspace.aup
        let plan = try PeopleImport.plan(csv: Self.rosterCSV(count: 600), sourceName: "roster.csv", register: register)
        XCTAssertEqual(plan.summary, "600 rows: pupils: 600 new")
        try register.apply(plan)
        XCTAssertEqual(register.people(in: .pupil).count, 600)
        XCTAssertEqual(register.missing(group: .pupil, today: workspace.today).count, 600)

        let zoe = try XCTUnwrap(register.people.first { $0.fullName == "Zoë Ōkubo" })
        XCTAssertThrowsError(try register.signAtTerminal(personID: zoe.id, typedName: "Zoe Okubo")) { error in
            XCTAssertEqual(error as? AUPError, .nameDoesNotMatch(typed: "Zoe Okubo"))
        }
        let signature = try register.signAtTerminal(personID: zoe.id, typedName: "  zoë  ōkubo ")
        XCTAssertEqual(signature.witness, sam)
        XCTAssertEqual(signature.method, .terminal)
        for pupil in register.pupils(inClass: "4B") { try register.tick(personID: pupil.id) }
        let ticked = register.pupils(inClass: "4B").count
        XCTAssertEqual(register.missing(group: .pupil, today: workspace.today).count, 600 - 1 - ticked)
        let line4B = try XCTUnwrap(register.missingReport(today: workspace.today).first { $0.label == "Class 4B" })
        XCTAssertEqual(line4B.completion.percent, 100)

        // Signatures are sharded by school year and the last two digits of the number.
        let shard = storeURL.appendingPathComponent("aup-signatures/2026-27-ending-\(RosterPerson.bucket(of: zoe.id)).json")
        XCTAssertTrue(try String(contentsOf: shard, encoding: .utf8).contains(zoe.id))

        XCTAssertThrowsError(try register.publish(kind: .pupil, text: register.currentVersion(of: .pupil)!.text + "\n"))
        try register.publish(kind: .pupil, text: "A new class agreement.\n")
        XCTAssertEqual(register.missing(group: .pupil, today: workspace.today).count, 600, "every pupil is due again")
        XCTAssertTrue(try workspace.store.auditEntries().contains { $0.action == "aup.publish" && $0.summary.contains("due to sign again") })

        // Everything survives reopening.
        workspace.store.close()
        let reopened = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        reopened.now = workspace.now
        try reopened.aup.load()
        XCTAssertEqual(reopened.aup.people.count, 600)
        XCTAssertEqual(try reopened.aup.allSignatures().count, 1 + ticked)
        XCTAssertEqual(reopened.aup.versions.filter { $0.kind == .pupil }.count, 2)
    }

    func testPaperSignaturesAreDatedAndNeverInTheFuture() throws {
        let workspace = try workspace()
        try workspace.aup.apply(PeopleImport.plan(csv: "Name,Group\nDafydd Fictional,staff\n", sourceName: "s.csv", register: workspace.aup))
        let dafydd = try XCTUnwrap(workspace.aup.people(in: .staff).first)
        XCTAssertThrowsError(try workspace.aup.recordPaperSignature(personID: dafydd.id, signedOn: CivilDate(year: 2026, month: 11, day: 26)!))
        try workspace.aup.recordPaperSignature(personID: dafydd.id, signedOn: CivilDate(year: 2026, month: 8, day: 31)!)
        XCTAssertFalse(workspace.aup.hasSigned(dafydd, today: workspace.today), "signed last school year")
        try workspace.aup.recordPaperSignature(personID: dafydd.id, signedOn: CivilDate(year: 2026, month: 9, day: 1)!)
        XCTAssertTrue(workspace.aup.hasSigned(dafydd, today: workspace.today))
        XCTAssertEqual(workspace.aup.signatureYears().map(\.description), ["2025-26", "2026-27"])
    }

    func testAGuestSignsTheStaffAUPUntilTheirEndDate() throws {
        let workspace = try workspace()
        let today = workspace.today
        let guest = try workspace.aup.addGuest(fullName: "Kit Fictional", note: "Supply teacher", from: today,
                                               until: today.adding(days: 2), typedName: "Kit Fictional")
        XCTAssertTrue(workspace.aup.hasSigned(guest, today: today))
        XCTAssertTrue(workspace.aup.hasSigned(guest, today: today.adding(days: 2)!))
        XCTAssertFalse(workspace.aup.hasSigned(guest, today: today.adding(days: 3)!))
        XCTAssertFalse(guest.isActive(on: today.adding(days: 3)!), "after the visit they are not counted as missing")
        XCTAssertThrowsError(try workspace.aup.addGuest(fullName: "No End", note: "", from: today, until: nil, typedName: "No End"))
    }

    func testParentsAreLinkedToTheirChildren() throws {
        let workspace = try workspace()
        let csv = "Name,Group,Class,Children\nAda Fictional,pupil,4B,\nSam Fictional,parent,,Ada Fictional\nLee Fictional,carer,,Nobody Here\n"
        XCTAssertThrowsError(try PeopleImport.plan(csv: csv, sourceName: "p.csv", register: workspace.aup)) { error in
            XCTAssertTrue(String(describing: error).contains("line 4: no pupil called “Nobody Here”"), "\(error)")
        }
        try workspace.aup.apply(PeopleImport.plan(csv: csv.replacingOccurrences(of: "Nobody Here", with: "Ada Fictional"), sourceName: "p.csv", register: workspace.aup))
        let ada = try XCTUnwrap(workspace.aup.people(in: .pupil).first)
        XCTAssertEqual(workspace.aup.people(in: .parent).map(\.childIDs), [[ada.id], [ada.id]])
    }
}

/// A well-formed permanent UPN for test rosters: LA 801, establishment 2000, the number, and
/// the DfE check letter.
func fictionalUPN(_ number: Int) -> String {
    let body = "8012000" + String(format: "%05d", number)
    return String(UPN.checkLetter(for: body)!) + body
}

/// UPNs checked as the DfE specifies, surnames required, legal names kept apart.
final class UPNImportTests: StoreTestCase {
    func testTheDfECheckLetter() {
        XCTAssertEqual(UPN.checkLetter(for: "801200005001"), "B")  // the python-stdnum example B801200005001
        XCTAssertNil(UPN.problem("B801200005001"))
        // By hand: 2×2 + 7×4 + 1×9 + 6×10 + 4×12 + 9×13 = 266; 266 mod 23 = 13, the 14th letter
        // of the check alphabet, P.
        XCTAssertNil(UPN.problem("P207000016049"))
        XCTAssertTrue(UPN.problem("A801200005001")?.contains("should start with B") == true)
        XCTAssertNotNil(UPN.problem("U1000"))
        XCTAssertNotNil(UPN.problem("B80120000A001"))
        let temporary = "80120000500" + "A"
        XCTAssertNil(UPN.problem(String(UPN.checkLetter(for: temporary)!) + temporary), "a temporary UPN ends in a letter")
        XCTAssertNotNil(UPN.problem("B8012000050O1"))
    }

    func testAnImportKeepsTheUPNAndLegalNamesAndRefusesABadUPNOrAMissingSurname() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        try workspace.aup.load()
        let bad = "UPN,Legal Forename,Legal Surname,Reg Group\nA801200005001,Zoë,Ōkubo,RA\nB801200005001,Sam,,RA\n"
        do {
            _ = try PeopleImport.plan(csv: bad, sourceName: "r.csv", register: workspace.aup)
            XCTFail("refused")
        } catch let error as PeopleImportError {
            XCTAssertTrue(error.description.contains("line 2: the UPN “A801200005001” has the wrong check letter"), error.description)
            XCTAssertTrue(error.description.contains("line 3: the surname is missing for Sam"), error.description)
        }
        let good = "UPN,Legal Forename,Legal Surname,Reg Group\nB801200005001,Zoë,Ōkubo,RA\n"
        let plan = try PeopleImport.plan(csv: good, sourceName: "r.csv", register: workspace.aup)
        try workspace.aup.apply(plan)
        let zoe = try XCTUnwrap(workspace.aup.people.first { $0.fullName == "Zoë Ōkubo" })
        XCTAssertEqual(zoe.upn, "B801200005001")
        XCTAssertEqual(zoe.legalForename, "Zoë")
        XCTAssertEqual(zoe.legalSurname, "Ōkubo")
        XCTAssertTrue(zoe.nameMatches("Zoë Ōkubo"))
        XCTAssertTrue(zoe.nameMatches("Ōkubo Zoë"))
        XCTAssertTrue(zoe.nameMatches("ōkubo,  zoë"))
        XCTAssertFalse(zoe.nameMatches("Zoe Okubo"))
    }
}
