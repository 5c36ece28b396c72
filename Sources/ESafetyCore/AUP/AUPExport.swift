import CivilTime
import Foundation

/// Signatures as JSON or CSV for other systems (`esafety export signatures`), and the missing
/// list as text (`esafety aup missing`).
public enum AUPExport {
    /// Every signature of every year, with the signer's name and group; a voided one says when and why.
    public static func signatures(_ register: AUPRegister, format: ExportFormat) throws -> String {
        var text = ""
        try writeSignatures(register, format: format) { text += $0 }
        return text
    }

    /// ``signatures(_:format:)`` handed to `write` a row at a time: ten years of a large school's
    /// signatures are never held as one text (the whole JSON document took 500 MB at 100,000).
    public static func writeSignatures(_ register: AUPRegister, format: ExportFormat, to write: (String) throws -> Void) throws {
        let signatures = try register.allSignatures()
        let header = ["personID", "name", "group", "class", "aup", "version", "signedOn", "method", "witness", "lapsesAfter", "recordedAt", "voidedAt", "voidReason"]
        let rows = signatures.lazy.map { signature -> [String] in
            let person = register.person(signature.personID)
            let void = register.void(of: signature)
            return [signature.personID, person?.fullName ?? "(removed)", person?.group.rawValue ?? "", person?.className ?? "",
                    signature.kind.rawValue, signature.versionID, signature.signedOn.iso8601, signature.method.rawValue,
                    signature.witness.name, signature.lapsesAfter?.iso8601 ?? "", StoreJSON.string(from: signature.recordedAt),
                    void.map { StoreJSON.string(from: $0.voidedAt) } ?? "", void?.reason ?? ""]
        }
        switch format {
        case .csv:
            try write(CSVWriter.line(header))
            for row in rows { try write(CSVWriter.line(row)) }
        case .json:
            let objects = rows.map { row in JSONValue.object(Dictionary(uniqueKeysWithValues: zip(header, row.map(JSONValue.string)))) }
            try JSONValue.writeArrayDocument(key: "signatures", items: objects, to: write)
        }
    }

    /// The missing list as text: a line of counts per group, year group and class, then the
    /// names not signed (for one group, or everyone).
    public static func missingText(_ register: AUPRegister, group: RosterGroup?, today: CivilDate) -> String {
        let report = register.missingReport(today: today)
        let year = SchoolYear(containing: today)
        var out = "AUP signatures for \(year) (since \(year.start)), on the current versions, as of \(today)\n\n"
        for line in report where group == nil || line.group == group {
            let indent = line.level == .yearGroup ? "  " : line.level == .className ? "    " : ""
            let label = indent + line.label
            out += label.padding(toLength: max(label.count, 28), withPad: " ", startingAt: 0)
                + "  \(line.completion.summary), \(line.completion.missing) missing\n"
        }
        let missing = register.missing(group: group, today: today)
        out += "\nNot signed (\(missing.count)):\n"
        for person in missing {
            out += "  \(person.fullName)\t\(person.group.rawValue)\(person.className.map { "\t\($0)" } ?? "")\t\(person.id)\n"
        }
        return out
    }
}

