import Foundation
import XCTest
@testable import ESafetyCore

/// The incident log opened by reading every record (an export): the same records as the log
/// opened from the sealed index, for whoever is signed in, without the index; and files read
/// ahead (during sign-in) are taken only while they are still as the audit log records them.
final class IncidentReadInFullTests: DemoStoreTestCase {
    private static let indexFile = "cache/incident-index.json"
    private static let lead = "Tom Whitfield"
    private static let head = "Amira Haddad"
    private static let office = "Siobhán Byrne"

    private func person(_ fullName: String) throws -> Person {
        try XCTUnwrap(workspace.directory.people.first { $0.fullName == fullName }, fullName)
    }

    /// Opens the store again (as a new process would) with `fullName` signed in.
    private func reopen(as fullName: String) throws {
        workspace.store.close()
        workspace = try Workspace.open(at: storeURL, access: .readWrite, actor: sam)
        workspace.session = try workspace.accounts().signIn(personID: try person(fullName).id, passphrase: DemoData.passphrase)
    }

    private func report(_ description: String, allegationAgainst subject: Person? = nil) -> IncidentReport {
        officeReport(description, on: workspace.today, allegationAgainst: subject)
    }

    /// The demo's incidents and an allegation against the lead, which only the head teacher opens.
    private func storeWithAnAllegation() throws {
        try reopen(as: Self.office)
        try workspace.incidents().submit(report("An allegation", allegationAgainst: try person(Self.lead)))
    }

    func testEveryoneGetsTheRecordsTheIndexedLogGivesThemInTheSameOrder() throws {
        try storeWithAnAllegation()
        for name in [Self.head, Self.lead, Self.office] {
            try reopen(as: name)
            let indexed = try workspace.incidents()
            let expected = name == Self.office ? [] : try indexed.allRecords()
            for readAhead in [false, true] {
                try reopen(as: name)
                let log = try workspace.incidentsReadInFull(readAhead: readAhead ? try IncidentReadAhead(workspace) : nil)
                XCTAssertEqual(log.summaries, indexed.summaries, "\(name), read ahead \(readAhead)")
                XCTAssertEqual(log.allIDs, indexed.allIDs, "\(name)")
                if name != Self.office { XCTAssertEqual(try log.allRecords(), expected, "\(name), read ahead \(readAhead)") }
            }
        }
        try reopen(as: Self.head)
        XCTAssertEqual(try workspace.incidentsReadInFull().allRecords().count, 4, "the head teacher opens the allegation")
        try reopen(as: Self.lead)
        XCTAssertEqual(try workspace.incidentsReadInFull().allRecords().count, 3, "its subject does not")
    }

    func testReadingInFullNeitherNeedsNorWritesTheIndex() throws {
        try reopen(as: Self.lead)
        let expected = try workspace.incidents().allRecords()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path(Self.indexFile)))
        try FileManager.default.removeItem(atPath: path(Self.indexFile))
        try reopen(as: Self.lead)
        XCTAssertEqual(try workspace.incidentsReadInFull(readAhead: try IncidentReadAhead(workspace)).allRecords(), expected)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path(Self.indexFile)), "the index is not saved")
        try put(Data("not an index".utf8), at: Self.indexFile)
        try reopen(as: Self.lead)
        XCTAssertEqual(try workspace.incidentsReadInFull().allRecords(), expected, "nor read")
        XCTAssertEqual(try bytes(Self.indexFile), Data("not an index".utf8))
    }

    func testFilesReadAheadAreTakenOnlyWhileTheLogStillRecordsThem() throws {
        try reopen(as: Self.lead)
        let first = try XCTUnwrap(workspace.incidents().summaries.last?.id)
        workspace.store.close()
        workspace = try Workspace.open(at: storeURL, access: .readWrite, actor: sam)
        let readAhead = try IncidentReadAhead(workspace)
        XCTAssertEqual(readAhead.reads()?.names.count, 3, "read before sign-in")

        // Another session changes one record and adds another after the read ahead.
        let other = try Workspace.open(at: storeURL, access: .readWrite, actor: sam)
        other.session = try other.accounts().signIn(personID: try person(Self.lead).id, passphrase: DemoData.passphrase)
        let log = try other.incidents()
        var revised = try XCTUnwrap(log.record(first)).report
        revised.description = "Revised after the read ahead"
        try log.revise(first, report: revised, reason: "a test")
        let added = try log.submit(report("Recorded after the read ahead"))
        other.store.close()

        workspace.session = try workspace.accounts().signIn(personID: try person(Self.lead).id, passphrase: DemoData.passphrase)
        let records = try workspace.incidentsReadInFull(readAhead: readAhead).allRecords()
        XCTAssertEqual(records.count, 4, "the new one read too")
        XCTAssertEqual(records.first { $0.id == first }?.report.description, "Revised after the read ahead", "the changed file read again")
        XCTAssertTrue(records.contains { $0.id == added.id })
        try reopen(as: Self.lead)
        XCTAssertEqual(records, try workspace.incidents().allRecords(), "as the indexed log reads them")
    }

    func testADamagedFileIsRefusedAsTheIndexedLogRefusesIt() throws {
        try reopen(as: Self.lead)
        let id = try XCTUnwrap(workspace.incidents().summaries.first?.id)
        try put(Data("{ \"sealed\": garbage".utf8), at: "incidents/\(id).json")
        try reopen(as: Self.lead)
        let readAhead = try IncidentReadAhead(workspace)
        XCTAssertThrowsError(try workspace.incidentsReadInFull(readAhead: readAhead)) { error in
            guard case StoreError.corrupt(let file, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "incidents/\(id).json")
        }
        try reopen(as: Self.lead)
        XCTAssertThrowsError(try workspace.incidents()) { error in
            guard case StoreError.corrupt(let file, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "incidents/\(id).json")
        }
    }
}
