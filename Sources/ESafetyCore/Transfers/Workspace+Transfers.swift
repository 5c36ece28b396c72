import CivilTime
import Crypto
import Foundation

/// Child-protection file transfer (KCSIE): when a pupil leaves, their file goes to the new
/// school within 5 school days, separately from the main pupil file, sealed so that only the
/// receiving school's esafety opens it, and receipt is confirmed. Only leads may transfer; every
/// step is an audited commit whose summary names no pupil. See docs/transfers.md.
extension Workspace {
    /// How many school days the receiving school has the file within.
    public static let transferSchoolDays = 5

    // MARK: The transfer key

    /// This school's transfer key, as text to give to a sending school. Made the first time it is
    /// asked for, by a lead (its private half is sealed to the records key and the escrow key).
    public func transferKey() throws -> TransferKeyText {
        if let document = try store.load(TransferKeyDocument.self, from: TransferKeyDocument.name) {
            return TransferKeyText(publicKey: document.publicKey, school: profile.schoolName)
        }
        try require(.transferRecords)
        guard let authority = try accounts().authority?.current else { throw AccessError.notSetUp }
        let fresh = Curve25519.KeyAgreement.PrivateKey()
        let made = TransferKeyDocument(
            publicKey: fresh.publicKey.rawRepresentation,
            privateForRecords: try SealedPayload.seal(fresh.rawRepresentation, to: Curve25519.KeyAgreement.PublicKey(rawRepresentation: authority.recordsKey.publicKey)),
            recordsGeneration: authority.recordsKey.generation,
            privateForEscrow: try SealedPayload.seal(fresh.rawRepresentation, to: Curve25519.KeyAgreement.PublicKey(rawRepresentation: authority.escrowKey)),
            createdAt: IncidentLog.wholeSecond(now()))
        let kept = try store.commit(actor: actor, action: "transfer.key.create", recordID: nil,
                                    summary: "Made the school's transfer key, for receiving child-protection files") { transaction -> TransferKeyDocument in
            if let other = try transaction.load(TransferKeyDocument.self, from: TransferKeyDocument.name) { return other }  // made meanwhile
            try transaction.write(made, to: TransferKeyDocument.name)
            return made
        }
        return TransferKeyText(publicKey: kept.publicKey, school: profile.schoolName)
    }

    // MARK: Sending

    /// Seals every incident the lead may read that involves the pupil (with its walks and
    /// follow-ups) to the receiving school's key, hands the bundle to `deliver` (which writes the
    /// file: if it fails, nothing is recorded), and records the transfer, due 5 school days on.
    @discardableResult
    public func transferOut(pupil given: String, to keyText: String, deliver: (Data) throws -> Void) throws -> TransferSummary {
        try require(.transferRecords)
        guard let session, session.recordsKey != nil, let authority = try accounts().authority?.current else { throw AccessError.noRecordsKey }
        let key = try TransferKeyText(parsing: keyText)
        if let own = try store.load(TransferKeyDocument.self, from: TransferKeyDocument.name), own.publicKey == key.publicKey {
            throw TransferError.ownKey
        }
        let pupil = try rosterPupil(given)
        let records = try incidents().allRecords()
            .filter { $0.report.involves(personID: pupil.id, name: pupil.fullName) && !$0.report.isStaffAllegation }
            .sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
        guard !records.isEmpty else { throw TransferError.nothingToSend(pupil.fullName) }
        let sentAt = IncidentLog.wholeSecond(now())
        let contents = TransferBundleContents(bundleID: UUID().uuidString, sendingSchool: profile.schoolName, sentAt: sentAt,
                                              sentBy: session.fullName,
                                              pupil: .init(name: pupil.fullName, dateOfBirth: pupil.dateOfBirth, upn: pupil.upn),
                                              records: records, receiptCode: ReceiptCode.generate())
        let bundle = try TransferBundleFile.seal(contents, to: key)
        let due = reviews.calendar.adding(schoolDays: Self.transferSchoolDays, to: today)
        let details = TransferDetails(pupilName: pupil.fullName, pupilID: pupil.id, otherSchool: key.school,
                                      incidentIDs: records.map(\.id), receiptCode: nil)
        let recordsKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: authority.recordsKey.publicKey)
        let record = try store.commit(actor: actor, action: "transfer.out") { transaction -> TransferRecord in
            let record = TransferRecord(id: allocateTransferID(in: transaction), direction: .out, bundleID: contents.bundleID, at: sentAt,
                                        by: actor, dueOn: due, receiptCheck: ReceiptCode.check(contents.receiptCode, bundleID: contents.bundleID),
                                        details: try details.seal(to: recordsKey), generation: authority.recordsKey.generation)
            transaction.recordID = record.id
            transaction.summary = "Sealed a pupil's child-protection file (\(records.count) incident\(records.count == 1 ? "" : "s"): "
                + "\(records.map(\.id).joined(separator: ", "))) for another school as transfer \(record.id), receipt due \(due)"
            try transaction.write(record, to: TransferRecord.document(record.id))
            try deliver(bundle)
            return record
        }
        return Self.summary(record, details)
    }

    /// A pupil on the AUP roster, by id or name.
    func rosterPupil(_ given: String) throws -> RosterPerson {
        try aup.load()
        let pupils = aup.people(in: .pupil)
        if let byID = pupils.first(where: { $0.id == given.trimmed }) { return byID }
        let named = pupils.filter { $0.nameMatches(given) }
        guard let only = named.first else { throw TransferError.unknownPupil(given) }
        guard named.count == 1 else { throw TransferError.ambiguousPupil(given, named.map(\.id)) }
        return only
    }

    /// `T2026-0001`: given out once, under the commit lock.
    func allocateTransferID(in transaction: StoreTransaction) -> String {
        let year = today.year
        var number = transaction.allocate("transfer-\(year)", atLeast: 1)
        while transaction.fileExists(TransferRecord.document(String(format: "T%04d-%04d", year, number))) {
            number = transaction.allocate("transfer-\(year)", atLeast: number + 1)
        }
        return String(format: "T%04d-%04d", year, number)
    }

    // MARK: Receipts

    /// Records that the receiving school confirmed receipt, by the code their esafety printed.
    @discardableResult
    public func recordTransferReceipt(code typed: String) throws -> TransferSummary {
        try require(.transferRecords)
        guard let code = ReceiptCode.normalise(typed) else { throw TransferError.badReceiptCode(typed) }
        let outgoing = try transferRecords().filter { $0.direction == .out }
        guard let match = outgoing.first(where: { $0.receiptCheck == ReceiptCode.check(code, bundleID: $0.bundleID) }) else {
            throw TransferError.unknownReceiptCode(code)
        }
        let saved = try amend(TransferRecord.self, at: TransferRecord.document(match.id), action: "transfer.receipt", recordID: match.id,
                              missing: TransferError.unknownReceiptCode(code)) { record in
            if let at = record.receiptRecordedAt { throw TransferError.alreadyReceipted(id: record.id, on: "\(CivilDate.today(at: at, in: timeZone))") }
            record.receiptRecordedAt = IncidentLog.wholeSecond(now())
            record.receiptRecordedBy = actor
            return "Recorded the receiving school's receipt of transfer \(record.id) (sent \(CivilDate.today(at: record.at, in: timeZone)))"
        }
        return try summary(of: saved)
    }

    // MARK: Reading

    /// Every transfer sent or received, newest first, for a lead who holds the records key.
    public func transfers() throws -> [TransferSummary] {
        try require(.transferRecords)
        return try transferRecords().map(summary(of:)).sorted { $0.at > $1.at }
    }

    /// Files sent whose receipt has not been recorded by their due date, for the dashboard
    /// (empty for anyone who may not see transfers).
    public func overdueTransfers() -> [TransferSummary] {
        guard can(.transferRecords), let all = try? transfers() else { return [] }
        return all.filter { $0.isOverdue(today: today) }.sorted { ($0.dueOn ?? today) < ($1.dueOn ?? today) }
    }

    /// The governors' counts: from the records' clear parts, with no names and no schools.
    public func transferFigures() throws -> TransferFigures {
        let records = try transferRecords()
        let sent = records.filter { $0.direction == .out }
        return TransferFigures(sent: sent.count, sentWithoutReceipt: sent.filter { $0.receiptRecordedAt == nil }.count,
                               received: records.filter { $0.direction == .in }.count)
    }

    func transferRecords() throws -> [TransferRecord] {
        try store.documentNames(in: TransferRecord.folder).compactMap { try store.load(TransferRecord.self, from: $0) }
    }

    func summary(of record: TransferRecord) throws -> TransferSummary {
        guard let records = session?.recordsKey, record.generation == (try accounts().authority?.current.recordsKey.generation) else {
            throw AccessError.noRecordsKey
        }
        return Self.summary(record, try TransferDetails.open(record.details, with: records, document: TransferRecord.document(record.id)))
    }

    static func summary(_ record: TransferRecord, _ details: TransferDetails) -> TransferSummary {
        TransferSummary(id: record.id, isOutgoing: record.direction == .out, at: record.at, dueOn: record.dueOn,
                        receiptRecordedAt: record.receiptRecordedAt, pupilName: details.pupilName, otherSchool: details.otherSchool,
                        incidentIDs: details.incidentIDs, receiptCode: details.receiptCode)
    }
}
