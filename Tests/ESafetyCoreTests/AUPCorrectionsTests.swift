import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Putting AUP mistakes right on a real store: a void keeps the signature and says why, a whole
/// class is ticked in one commit, and other sessions see both.
final class AUPCorrectionsTests: StoreTestCase {
    private func workspace() throws -> Workspace {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        workspace.timeZone = TimeZone(identifier: "UTC")!
        workspace.now = { ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z")! }
        try workspace.aup.apply(PeopleImport.plan(csv: AUPRegisterTests.rosterCSV(count: 800), sourceName: "roster.csv", register: workspace.aup))
        return workspace
    }

    func testAVoidedSignatureStaysInTheHistoryNoLongerCountsAndIsAudited() throws {
        let workspace = try workspace()
        let register = workspace.aup
        let zoe = try XCTUnwrap(register.people(in: .pupil).first { $0.fullName == "Zoë Ōkubo" })
        let signature = try register.tick(personID: zoe.id)
        XCTAssertTrue(register.hasSigned(zoe, today: workspace.today))
        XCTAssertThrowsError(try register.voidSignature(signature, reason: "  ")) { XCTAssertEqual($0 as? AUPError, .noReason) }

        try register.voidSignature(signature, reason: "Ticked the wrong pupil")
        XCTAssertFalse(register.hasSigned(zoe, today: workspace.today), "a voided signature does not count")
        XCTAssertEqual(register.signatures(of: zoe.id), [signature], "it stays in the history")
        XCTAssertEqual(register.void(of: signature)?.reason, "Ticked the wrong pupil")
        XCTAssertEqual(register.void(of: signature)?.voidedBy, sam)
        XCTAssertThrowsError(try register.voidSignature(signature, reason: "again")) { XCTAssertEqual($0 as? AUPError, .alreadyVoided) }
        let entry = try XCTUnwrap(workspace.store.auditEntries().last)
        XCTAssertEqual(entry.action, "aup.void")
        XCTAssertEqual(entry.recordID, zoe.id)
        XCTAssertTrue(entry.summary.contains("Ticked the wrong pupil"), entry.summary)
        XCTAssertTrue(register.missing(group: .pupil, today: workspace.today).contains { $0.id == zoe.id })

        // The signature file is untouched; the void is a document of its own, and both export.
        let shard = try String(contentsOf: storeURL.appendingPathComponent("aup-signatures/2026-27-ending-\(RosterPerson.bucket(of: zoe.id)).json"), encoding: .utf8)
        XCTAssertFalse(shard.contains("wrong pupil"))
        let csv = try AUPExport.signatures(register, format: .csv)
        XCTAssertTrue(csv.contains("Ticked the wrong pupil"), csv)

        // Another session reads the void from the store; signing again counts.
        let reopened = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        try reopened.aup.load()
        XCTAssertFalse(reopened.aup.hasSigned(zoe, today: workspace.today))
        XCTAssertEqual(reopened.aup.void(of: signature)?.reason, "Ticked the wrong pupil")
        try register.tick(personID: zoe.id)
        XCTAssertTrue(register.hasSigned(zoe, today: workspace.today))
        XCTAssertEqual(register.signatures(of: zoe.id).count, 2)
    }

    func testAVoidMadeInAnotherSessionIsSeenAfterRefresh() throws {
        let workspace = try workspace()
        let zoe = try XCTUnwrap(workspace.aup.people(in: .pupil).first { $0.fullName == "Zoë Ōkubo" })
        let signature = try workspace.aup.tick(personID: zoe.id)
        let other = try Workspace.open(at: storeURL, actor: sam)
        other.now = workspace.now
        try other.aup.load()
        try other.aup.voidSignature(signature, reason: "Wrong Zoë")
        _ = try workspace.refresh()
        XCTAssertEqual(workspace.aup.void(of: signature)?.reason, "Wrong Zoë")
        XCTAssertFalse(workspace.aup.hasSigned(zoe, today: workspace.today))
    }

    func testTickingAWholeClassIsOneCommitAndSkipsThoseSigned() throws {
        let workspace = try workspace()
        let register = workspace.aup
        let pupils = register.pupils(inClass: "4B")
        // 800 pupils: ids 700 apart are in the same class and the same signature file.
        XCTAssertGreaterThan(pupils.count, 50)
        try register.tick(personID: pupils[0].id)
        let before = try workspace.store.auditEntries().count
        XCTAssertEqual(register.pupilsToTick(inClass: "4B").count, pupils.count - 1)
        XCTAssertEqual(try register.tickClass("4B"), pupils.count - 1)
        let entries = try workspace.store.auditEntries()
        XCTAssertEqual(entries.count, before + 1, "one audit entry for the class")
        XCTAssertEqual(entries.last?.action, "aup.sign.class")
        XCTAssertTrue(entries.last?.summary.contains("Ticked \(pupils.count - 1) pupils of class 4B") ?? false, entries.last?.summary ?? "")
        XCTAssertTrue(pupils.allSatisfy { register.hasSigned($0, today: workspace.today) })
        XCTAssertEqual(register.signatures(of: pupils[0].id).count, 1, "the pupil already signed is not ticked twice")
        XCTAssertThrowsError(try register.tickClass("4B")) { XCTAssertEqual($0 as? AUPError, .noneToTick("4B")) }
        XCTAssertThrowsError(try register.tickClass("9Z")) { XCTAssertEqual($0 as? AUPError, .unknownClass("9Z")) }

        // Every signature reached its file, including pupils whose ids share a file.
        let reopened = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        try reopened.aup.load()
        XCTAssertEqual(pupils.filter { reopened.aup.hasSigned($0, today: workspace.today) }.count, pupils.count)
        XCTAssertEqual(register.pupils(inClass: "RA").filter { reopened.aup.hasSigned($0, today: workspace.today) }.count, 0)
    }
}
