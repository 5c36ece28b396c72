import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Child-protection file transfer between two real stores: sealed to the receiving school's
/// key, due in 5 school days, imported read-only, confirmed by the receipt code.
final class TransferTests: StoreTestCase {
    private var sender: Workspace!
    private var receiver: Workspace!
    private let wednesday = Date(timeIntervalSince1970: 1_795_600_000)  // Wednesday 25 November 2026, in the autumn term

    override func setUpWithError() throws {
        try super.setUpWithError()
        sender = try demoWorkspace(at: root.appendingPathComponent("sending"), now: wednesday)
        receiver = try demoWorkspace(at: root.appendingPathComponent("receiving"), now: wednesday)
    }

    private func send(_ pupil: String = "Zoë Ōkubo") throws -> (TransferSummary, Data) {
        var bundle = Data()
        let sent = try sender.transferOut(pupil: pupil, to: try receiver.transferKey().text) { bundle = $0 }
        return (sent, bundle)
    }

    func testTheKeyTextRoundTripsAndRefusesAnyChange() throws {
        let key = try receiver.transferKey()
        XCTAssertEqual(try TransferKeyText(parsing: key.text + "\n"), key)
        XCTAssertEqual(key.school, receiver.profile.schoolName)
        var changed = Array(key.text)
        changed[25] = changed[25] == "A" ? "B" : "A"
        XCTAssertThrowsError(try TransferKeyText(parsing: String(changed))) { error in
            XCTAssertTrue("\(error)".contains("mistyped"), "\(error)")
        }
        XCTAssertThrowsError(try TransferKeyText(parsing: "hello")) { XCTAssertTrue("\($0)".contains("esafety-transfer-1")) }
        XCTAssertEqual(try receiver.transferKey(), key, "the key is made once")
    }

    func testTheTransferKeysPrivateHalfIsNeverOnDiskInTheClear() throws {
        let document = try XCTUnwrap(try receiver.store.load(TransferKeyDocument.self, from: TransferKeyDocument.name))
        let records = try XCTUnwrap(receiver.session?.recordsKey)
        let privateKey = try document.privateKey(with: records)
        XCTAssertEqual(privateKey.publicKey.rawRepresentation, document.publicKey)
        let raw = privateKey.rawRepresentation
        let file = try Data(contentsOf: root.appendingPathComponent("receiving/transfer-key.json"))
        XCTAssertNil(file.range(of: raw), "not the raw bytes")
        XCTAssertNil(file.range(of: Data(raw.base64EncodedString().utf8)), "nor base64")
    }

    func testASentFileOpensAtTheReceivingSchoolOnlyAndIsReadOnlyThere() throws {
        let (sent, bundle) = try send()
        XCTAssertEqual(sent.incidentIDs.count, 2, "the two demo incidents that involve Zoë")
        XCTAssertNil(bundle.range(of: Data("Zoë".utf8)), "the bundle names nobody in the clear")
        XCTAssertNil(bundle.range(of: Data("betting".utf8)))

        // A third school cannot open it.
        let third = try demoWorkspace(at: root.appendingPathComponent("third"), now: wednesday)
        _ = try third.transferKey()
        XCTAssertThrowsError(try third.transferIn(bundle: bundle)) { XCTAssertEqual($0 as? TransferError, .sealedToAnotherKey) }

        let received = try receiver.transferIn(bundle: bundle)
        XCTAssertNotNil(received.receiptCode.flatMap(ReceiptCode.normalise))
        XCTAssertEqual(received.incidentIDs.count, 2)
        let log = try receiver.incidents()
        let prior = try XCTUnwrap(log.record(received.incidentIDs[0]))
        XCTAssertEqual(prior.transferredFrom?.school, sender.profile.schoolName)
        XCTAssertEqual(prior.report.involved.first?.personID, "pupil-0001", "linked to this school's roster pupil")
        XCTAssertThrowsError(try log.close(prior.id, outcome: "x")) { error in
            XCTAssertEqual(error as? TransferError, .priorRecordReadOnly(id: prior.id, school: self.sender.profile.schoolName))
        }
        XCTAssertThrowsError(try log.addFollowUp(to: prior.id, what: "x", owner: nil, ownerName: "A", due: receiver.today))
        XCTAssertThrowsError(try receiver.transferIn(bundle: bundle)) { error in
            XCTAssertEqual(error as? TransferError, .alreadyImported(ids: received.incidentIDs, code: received.receiptCode ?? ""))
        }
        XCTAssertEqual(receiver.store.check(), [])
    }

    func testTheReceiptCodeConfirmsTheTransferOnce() throws {
        let (sent, bundle) = try send()
        let code = try XCTUnwrap(try receiver.transferIn(bundle: bundle).receiptCode)
        XCTAssertThrowsError(try sender.recordTransferReceipt(code: "ABCD-EFGH")) { XCTAssertEqual($0 as? TransferError, .unknownReceiptCode("ABCD-EFGH")) }
        XCTAssertThrowsError(try sender.recordTransferReceipt(code: "not a code")) { XCTAssertEqual($0 as? TransferError, .badReceiptCode("not a code")) }
        let done = try sender.recordTransferReceipt(code: code.lowercased().replacingOccurrences(of: "-", with: " "))
        XCTAssertEqual(done.id, sent.id)
        XCTAssertNotNil(done.receiptRecordedAt)
        XCTAssertThrowsError(try sender.recordTransferReceipt(code: code)) {
            XCTAssertEqual($0 as? TransferError, .alreadyReceipted(id: sent.id, on: "\(self.sender.today)"))
        }
    }

    func testTheDueDateIsFiveSchoolDaysOnAndOverdueTransfersAreListed() throws {
        let (sent, _) = try send()
        // Sent on Wednesday 25 November 2026: Thu 26, Fri 27, Mon 30 November, Tue 1, Wed 2 December.
        XCTAssertEqual(sent.dueOn, CivilDate(year: 2026, month: 12, day: 2))
        // Sent on the last day of the autumn term: due on the fifth day of the spring term.
        let calendar = sender.reviews.calendar
        let lastDay = calendar.term(onOrAfter: CivilDate(year: 2026, month: 12, day: 1)!).end
        let spring = calendar.term(after: calendar.term(onOrAfter: lastDay)).start
        XCTAssertEqual(calendar.adding(schoolDays: 5, to: lastDay), calendar.adding(schoolDays: 4, to: spring))
        XCTAssertTrue(calendar.isSchoolDay(spring))

        XCTAssertEqual(sender.overdueTransfers().map(\.id), ["T2026-0001"], "only the demo's, sent twelve days ago")
        sender.now = { self.wednesday.addingTimeInterval(8 * 86_400) }
        XCTAssertEqual(Set(sender.overdueTransfers().map(\.id)), ["T2026-0001", sent.id])
        let figures = try sender.transferFigures()
        XCTAssertEqual(figures, TransferFigures(sent: 2, sentWithoutReceipt: 2, received: 0))
    }

    func testOnlyLeadsTransferAndTheAuditNamesNoPupil() throws {
        let office = try XCTUnwrap(sender.directory.people.first { $0.fullName == "Siobhán Byrne" })
        sender.session = try sender.accounts().signIn(personID: office.id, passphrase: DemoData.passphrase)
        XCTAssertThrowsError(try send()) { XCTAssertEqual($0 as? AccessError, .notAllowed(.transferRecords, .staff)) }
        XCTAssertThrowsError(try sender.transfers())
        XCTAssertEqual(sender.overdueTransfers(), [], "no dashboard line for office staff")
        let head = try XCTUnwrap(sender.directory.holders(of: Role.WellKnown.headTeacher).first)
        sender.session = try sender.accounts().signIn(personID: head.id, passphrase: DemoData.passphrase)
        _ = try send()
        let audit = try String(contentsOf: root.appendingPathComponent("sending/audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"transfer.out\""))
        XCTAssertFalse(audit.contains("Zoë"), "the audit summaries name no pupil")
        XCTAssertThrowsError(try sender.transferOut(pupil: "Nobody Here", to: try receiver.transferKey().text) { _ in }) {
            XCTAssertEqual($0 as? TransferError, .unknownPupil("Nobody Here"))
        }
        XCTAssertThrowsError(try sender.transferOut(pupil: "Zoë Ōkubo", to: try sender.transferKey().text) { _ in }) {
            XCTAssertEqual($0 as? TransferError, .ownKey)
        }
    }

    func testAFailedDeliveryRecordsNothing() throws {
        struct Full: Error {}
        let before = try sender.transferFigures()
        XCTAssertThrowsError(try sender.transferOut(pupil: "Zoë Ōkubo", to: try receiver.transferKey().text) { _ in throw Full() })
        XCTAssertEqual(try sender.transferFigures(), before)
    }

    func testRotatingTheRecordsKeyKeepsTheTransferKeyAndTransfersOpen() throws {
        let (_, bundle) = try send()
        let lead = try XCTUnwrap(receiver.directory.people.first { $0.fullName == "Grace Mensah" })
        try receiver.removeUser(personID: lead.id)
        XCTAssertEqual(try receiver.accounts().authority?.current.recordsKey.generation, 2, "removing a lead rotated the records key")
        let received = try receiver.transferIn(bundle: bundle)
        XCTAssertEqual(received.incidentIDs.count, 2)
        XCTAssertEqual(try receiver.transfers().count, 2, "the demo's transfer and this one, both sealed to the new key")
        XCTAssertEqual(receiver.store.check(), [])
    }
}
