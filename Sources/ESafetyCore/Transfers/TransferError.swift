/// A transfer that cannot be made, opened or confirmed, worded for the person at the terminal.
public enum TransferError: Error, Equatable, CustomStringConvertible {
    case badKey(String)
    case unknownPupil(String)
    case ambiguousPupil(String, [String])
    case nothingToSend(String)
    case notABundle(String)
    case sealedToAnotherKey
    case noTransferKey
    case alreadyImported(ids: [String], code: String)
    case badReceiptCode(String)
    case unknownReceiptCode(String)
    case alreadyReceipted(id: String, on: String)
    case priorRecordReadOnly(id: String, school: String)
    case ownKey

    public var description: String {
        switch self {
        case .badKey(let why): return "That is not a transfer key: \(why)."
        case .unknownPupil(let name): return "There is no pupil called \(name) on the roster (give their name or id, e.g. pupil-0001)."
        case .ambiguousPupil(let name, let ids):
            return "More than one pupil is called \(name) (\(ids.joined(separator: ", "))): give the id instead."
        case .nothingToSend(let name): return "No incident you may read involves \(name): there is no child-protection file to send."
        case .notABundle(let why): return "That file is not an esafety transfer bundle: \(why). Nothing was imported."
        case .sealedToAnotherKey:
            return "That bundle is sealed to another school's transfer key, not this store's. Nothing was imported."
        case .noTransferKey:
            return "This store has no transfer key yet, so no bundle can be sealed to it: a lead makes one with `esafety transfer key --user NAME`."
        case .alreadyImported(let ids, let code):
            return "That bundle was imported already, as \(ids.joined(separator: ", ")). Receipt code: \(code)"
        case .badReceiptCode(let typed): return "\(typed) is not a receipt code: it is eight capital letters and digits, like ABCD-EF23."
        case .unknownReceiptCode(let code): return "No transfer from this school has the receipt code \(code). Check it with the receiving school."
        case .alreadyReceipted(let id, let on): return "The receipt of transfer \(id) was already recorded on \(on)."
        case .ownKey: return "That is this store's own transfer key: give the receiving school's (it prints it with `esafety transfer key`)."
        case .priorRecordReadOnly(let id, let school):
            return "Incident \(id) is a prior record from \(school): it is read-only here. Record anything new as a new incident."
        }
    }
}
