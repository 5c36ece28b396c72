import Foundation

/// The highest number in the names of a folder's documents (`incidents/2026-0042`), for giving
/// out the next one. Names are only ever added to the ledger (a deleted document keeps its
/// name), so each call reads only the names added since the last: a save costs the same
/// however many incidents the store holds.
extension Store {
    /// What ``highestNumber(in:prefix:)`` has read of one folder's names.
    struct NumberedNames {
        var scanned = 0
        var lastScanned: String?
        var highest = 0
    }

    /// The highest `N` of any name `folder/<prefix>N` an entry has named (0 if none).
    func highestNumber(in folder: String, prefix: String) -> Int {
        let names = ledger.names(in: folder)
        let key = folder + "/" + prefix
        var memory = numberedNames[key] ?? NumberedNames()
        if memory.scanned > names.count || memory.scanned > 0 && names[memory.scanned - 1] != memory.lastScanned {
            memory = NumberedNames()  // a ledger read again from the start
        }
        for name in names[memory.scanned...] where name.hasPrefix(key) {
            if let number = Int(name.dropFirst(key.count)) { memory.highest = max(memory.highest, number) }
        }
        memory.scanned = names.count
        memory.lastScanned = names.last
        numberedNames[key] = memory
        return memory.highest
    }
}
